import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../../kernel/http/api-errors.ts';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { sendDownload } from '../../../kernel/downloads.ts';
import { viewCaseLetter } from './view-case-letter.ts';
import { writeCaseLetter, writeCaseLetterBody } from './write-case-letter.ts';

type Params = { Params: { id: string; letterId: string } };

/**
 * A conduct case's letters to its subject officers: read one (the HTML as written, or the PDF as a download)
 * on the pages and through the API, and write them through the API (the page's form posts through
 * hearings.pages.ts, beside the hearings it is about).
 */
export function registerCaseLetterRoutes(app: FastifyInstance, deps: Deps): void {
  const html = async (request: { params: Params['Params']; id: string }, principal: ReturnType<typeof principalOf>) =>
    viewCaseLetter(deps, principal, request.params.id, request.params.letterId, request.id);

  for (const [prefix, guard] of [
    ['', { preHandler: requireSignedInPage }],
    ['/api/v1', { onRequest: requireApiPrincipal }],
  ] as const) {
    app.get<Params>(`${prefix}/cases/:id/letters/:letterId`, guard, async (request, reply) => {
      const { letter } = await html(request, principalOf(request));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store, private')
        .send(letter.html);
    });
    app.get<Params>(`${prefix}/cases/:id/letters/:letterId/pdf`, guard, async (request, reply) => {
      const { reference, letter } = await html(request, principalOf(request));
      return sendDownload(reply, {
        fileName: `${reference}-${letter.kind}-${letter.writtenOn}.pdf`,
        mediaType: 'application/pdf',
        content: letter.pdf,
      });
    });
  }

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/cases/:id/letters',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'Write a notice of a meeting or hearing, or an outcome letter, to each subject officer concerned',
        params: z.object({ id: z.string() }),
        body: writeCaseLetterBody,
        response: {
          200: z.object({ letters: z.array(z.object({ id: z.string().uuid(), subjectId: z.string().uuid() })) }),
          ...apiErrors(400, 401, 404, 422),
        },
      },
    },
    async (request) => writeCaseLetter(deps, principalOf(request), request.params.id, request.body, request.id),
  );
}
