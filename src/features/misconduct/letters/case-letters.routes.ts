import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../../kernel/http/api-errors.ts';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { sendDownload } from '../../../kernel/downloads.ts';
import { listHearings } from '../arrange-hearing.ts';
import { viewCaseLetter } from './view-case-letter.ts';
import { writeCaseLetter, writeCaseLetterBody } from './write-case-letter.ts';

type Params = { Params: { id: string; letterId: string } };

/** What the API's letter reads share in the OpenAPI document. */
const LETTER_ROUTE = { tags: ['cases'], params: z.object({ id: z.string(), letterId: z.string() }) };
const readErrors = apiErrors(401, 404);

const letterListed = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  subject: z.string(),
  subjectId: z.string().uuid(),
  hearingId: z.string().uuid().nullable(),
  writtenOn: z.string(),
});

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
    // The API's routes are documented in the OpenAPI document; the pages' are not.
    const documented = (schema: object) => (prefix ? { ...guard, schema: { ...LETTER_ROUTE, ...schema } } : guard);
    app.get<Params>(
      `${prefix}/cases/:id/letters/:letterId`,
      documented({
        summary: 'One letter to a subject officer, as the HTML written (every read is audited)',
        response: {
          200: { description: 'The letter', content: { 'text/html': { schema: z.string() } } },
          ...readErrors,
        },
      }),
      async (request, reply) => {
        const { letter } = await html(request, principalOf(request));
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'no-store, private')
          .send(letter.html);
      },
    );
    app.get<Params>(
      `${prefix}/cases/:id/letters/:letterId/pdf`,
      documented({
        summary: 'One letter to a subject officer, as a PDF download (every read is audited)',
        response: {
          200: {
            description: 'The letter as an attachment',
            content: { 'application/pdf': { schema: z.string().meta({ type: 'string', format: 'binary' }) } },
          },
          ...readErrors,
        },
      }),
      async (request, reply) => {
        const { reference, letter } = await html(request, principalOf(request));
        return sendDownload(reply, {
          fileName: `${reference}-${letter.kind}-${letter.writtenOn}.pdf`,
          mediaType: 'application/pdf',
          content: letter.pdf,
        });
      },
    );
  }

  // The list beside the hearings it is about: the hearings page's own use case (its read is audited).
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/cases/:id/letters',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'The letters written to the subject officers of a case, without their words, oldest first',
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ letters: z.array(letterListed) }), ...apiErrors(401, 404) },
      },
    },
    async (request) => {
      const { letters } = await listHearings(deps, principalOf(request), request.params.id, request.id);
      return {
        letters: letters.map((l) => ({
          id: l.id,
          kind: l.kind,
          subject: l.subject,
          subjectId: l.subjectId,
          hearingId: l.hearingId,
          writtenOn: l.writtenOn,
        })),
      };
    },
  );

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
