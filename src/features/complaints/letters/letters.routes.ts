import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../../kernel/http/api-errors.ts';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { sendDownload } from '../../../kernel/downloads.ts';
import { viewComplaintLetter } from './view-letter.ts';
import { writeComplaintLetter, writeLetterBody } from './write-letter.ts';

type Params = { Params: { id: string; letterId: string } };

/**
 * A complaint's letters: read one (its HTML as sent, or its PDF as a download), and write one through the
 * API (the page's form posts through complaint-decisions.pages.ts, beside the other decision forms).
 */
export function registerLetterRoutes(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<Params>('/complaints/:id/letters/:letterId', pre, async (request, reply) => {
    const { letter } = await viewComplaintLetter(
      deps,
      principalOf(request),
      request.params.id,
      request.params.letterId,
      request.id,
    );
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store, private')
      .send(letter.html);
  });

  app.get<Params>('/complaints/:id/letters/:letterId/pdf', pre, async (request, reply) => {
    const { reference, letter } = await viewComplaintLetter(
      deps,
      principalOf(request),
      request.params.id,
      request.params.letterId,
      request.id,
    );
    return sendDownload(reply, {
      fileName: `${reference}-${letter.kind}-${letter.writtenOn}.pdf`,
      mediaType: 'application/pdf',
      content: letter.pdf,
    });
  });

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/complaints/:id/letters',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['complaints'],
        summary: 'Write a letter to the complainants (HTML and PDF kept; e-mailed where they chose e-mail)',
        params: z.object({ id: z.string() }),
        body: writeLetterBody,
        response: {
          200: z.object({ letters: z.array(z.object({ id: z.string().uuid(), delivery: z.enum(['email', 'post']) })) }),
          ...apiErrors(400, 401, 404, 422),
        },
      },
    },
    async (request) => writeComplaintLetter(deps, principalOf(request), request.params.id, request.body, request.id),
  );
}
