import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../../kernel/http/api-errors.ts';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../../kernel/errors.ts';
import { dateFromParts, errorSummary, first, type FormBody } from '../../../kernel/forms.ts';
import { noticeServiceMethods } from '../../../db/schema/index.ts';
import { viewCase } from '../view-case.ts';
import { DEFAULT_DEEMED_SERVICE } from './reg17-service.ts';
import { writeReg17Notice, writeReg17NoticeBody } from './write-reg17-notice.ts';

type CaseParams = { Params: { id: string } };
type Shown = { status?: number; fields?: FieldErrors; refusal?: string; values?: Record<string, unknown> };

/**
 * The regulation 17 notice (Police (Conduct) Regulations 2020 reg 17): a form on its own page (without
 * JavaScript) and the API, both through writeReg17Notice. The notice is then read and downloaded with the case's
 * other letters (case-letters.routes.ts), each read audited.
 */
export function registerReg17NoticeRoutes(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Shown = {}) => {
    const view = await viewCase(deps, principalOf(request), request.params.id, request.id);
    const subjects = new Map<string, string>();
    for (const a of view.allegations)
      if (a.subject) subjects.set(a.subjectId, `${a.subject.givenName} ${a.subject.familyName}`);
    return reply.code(extra.status ?? 200).page('misconduct/views/reg17-notice.njk', {
      pageTitle: `Regulation 17 notice: case ${view.theCase.reference}`,
      theCase: view.theCase,
      subjects: [...subjects].map(([value, text]) => ({ value, text })),
      methods: noticeServiceMethods.map((m) => ({
        value: m,
        text: DEFAULT_DEEMED_SERVICE[m].label,
        hint: DEFAULT_DEEMED_SERVICE[m].source,
      })),
      values: extra.values ?? {},
      fields: extra.fields,
      errors: extra.refusal
        ? [{ text: extra.refusal }]
        : extra.fields
          ? errorSummary(extra.fields, ['givenOn'])
          : undefined,
    });
  };

  app.get<CaseParams>('/cases/:id/reg17-notice', pre, (request, reply) => show(request, reply));

  app.post<CaseParams & { Body: FormBody }>('/cases/:id/reg17-notice', pre, async (request, reply) => {
    const body = request.body ?? {};
    const values = {
      subjectId: first(body.subjectId),
      method: first(body.method),
      givenOn: {
        day: first(body['givenOn-day']),
        month: first(body['givenOn-month']),
        year: first(body['givenOn-year']),
      },
    };
    try {
      const date = dateFromParts(body, 'givenOn', 'The date');
      if (date.error) throw new AppError('validation', 'Check the notice', { givenOn: date.error });
      await writeReg17Notice(
        deps,
        principalOf(request),
        request.params.id,
        { subjectId: values.subjectId, method: values.method as 'email', givenOn: date.iso ?? '' },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}/hearings#letters`, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'validation')
        return show(request, reply, { status: 400, fields: err.fields ?? { form: err.message }, values });
      if (err.code === 'invalid_state') return show(request, reply, { status: 422, refusal: err.message, values });
      throw err;
    }
  });

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/cases/:id/reg17-notices',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary:
          'Write the regulation 17 notice to a subject officer, with its service, deemed service date and the ' +
          'last day for representations',
        params: z.object({ id: z.string() }),
        body: writeReg17NoticeBody,
        response: {
          200: z.object({
            id: z.string().uuid(),
            subjectId: z.string().uuid(),
            givenOn: z.string(),
            deemedServedOn: z.string(),
            representationsDueOn: z.string(),
          }),
          ...apiErrors(400, 401, 404, 422),
        },
      },
    },
    async (request) => writeReg17Notice(deps, principalOf(request), request.params.id, request.body, request.id),
  );
}
