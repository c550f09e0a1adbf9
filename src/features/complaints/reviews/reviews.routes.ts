import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../../kernel/http/api-errors.ts';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { formatDate } from '../../../kernel/time/dates.ts';
import { AppError, type FieldErrors } from '../../../kernel/errors.ts';
import { dateFromParts, errorSummary, first, type FormBody } from '../../../kernel/forms.ts';
import { categoryLabel } from '../rules/categories.ts';
import { outcomeLabel } from '../rules/outcomes.ts';
import { forwardReview, recordReviewOutcome } from './decide-review.ts';
import { logReviewApplication } from './apply-for-review.ts';
import { forwardReviewBody, reviewApplicationBody, reviewOutcomeBody } from './review-input.ts';
import { listReviewQueue, viewReview } from './view-reviews.ts';

type Req = FastifyRequest<{ Params: { reviewId: string }; Body: FormBody }>;

const STATUS = { awaiting: 'Awaiting your decision', forwarded: 'Forwarded to the IOPC', decided: 'Decided' } as const;
const RESULT = { upheld: 'Upheld', not_upheld: 'Not upheld' } as const;

/**
 * The PCC office's review queue (the local policing body as review body, C&M Regs 2020 reg 32): the list,
 * one review with the complaint's outcome, and its decision or forwarding to the IOPC; and the API, where
 * staff also log an application received outside the portal.
 */
export function registerReviewRoutes(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/complaint-reviews', pre, async (request, reply) => {
    const rows = await listReviewQueue(deps, principalOf(request), request.id);
    return reply.page('complaints/reviews/views/queue.njk', {
      pageTitle: 'Complaint reviews',
      rows: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        receivedOn: formatDate(r.received_on),
        status: STATUS[r.status as keyof typeof STATUS] ?? r.status,
        result: r.result ? RESULT[r.result as keyof typeof RESULT] : '',
      })),
    });
  });

  const showReview = async (
    request: Req,
    reply: FastifyReply,
    extra: { status?: number; fields?: FieldErrors; refusal?: string } = {},
  ) => {
    const v = await viewReview(deps, principalOf(request), request.params.reviewId, request.id);
    const fields = extra.fields ?? {};
    return reply.code(extra.status ?? 200).page('complaints/reviews/views/review.njk', {
      pageTitle: `Review of complaint ${v.complaint.reference}`,
      review: {
        ...v.review,
        receivedOn: formatDate(v.review.receivedOn),
        status: STATUS[v.review.status],
        result: v.review.result ? RESULT[v.review.result] : '',
        decidedOn: formatDate(v.review.decidedOn),
        forwardedOn: formatDate(v.review.forwardedOn),
      },
      complaint: {
        reference: v.complaint.reference,
        handling: v.complaint.handlingRoute === 'investigation' ? 'Investigation' : 'Otherwise than by investigation',
        reviewBodyReason: v.complaint.reviewBodyReason,
        outcomeNotifiedOn: formatDate(v.complaint.outcomeNotifiedOn),
      },
      allegations: v.allegations.map((a) => ({
        category: categoryLabel(a.categoryCode),
        description: a.description,
        outcome: a.outcome ? outcomeLabel(a.outcome) : '',
        actions: a.outcomeActions.map(outcomeLabel).join(', '),
      })),
      outcomeReasons: v.outcomeReasons,
      values: Object.fromEntries(Object.entries(request.body ?? {}).map(([k, val]) => [k, first(val)])),
      fields,
      errors: extra.refusal
        ? [{ text: extra.refusal }]
        : extra.fields
          ? errorSummary(fields, ['decidedOn', 'forwardedOn'])
          : undefined,
    });
  };

  app.get<{ Params: { reviewId: string }; Body: FormBody }>('/complaint-reviews/:reviewId', pre, (request, reply) =>
    showReview(request, reply),
  );

  const post = (
    path: string,
    dateName: string,
    build: (b: FormBody) => Record<string, unknown>,
    run: (request: Req, input: never) => Promise<unknown>,
  ) =>
    app.post<{ Params: { reviewId: string }; Body: FormBody }>(
      `/complaint-reviews/:reviewId/${path}`,
      pre,
      async (request, reply) => {
        const b = request.body ?? {};
        const date = dateFromParts(b, dateName, 'The date');
        try {
          if (date.error) throw new AppError('validation', 'Check the date', { [dateName]: date.error });
          await run(request, { version: Number(first(b['version'])), [dateName]: date.iso, ...build(b) } as never);
          return reply.redirect(`/complaint-reviews/${request.params.reviewId}`, 303);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          if (err.code === 'validation')
            return showReview(request, reply, { status: 400, fields: err.fields ?? { form: err.message } });
          if (err.code === 'invalid_state' || err.code === 'conflict')
            return showReview(request, reply, { status: err.status, refusal: err.message });
          throw err;
        }
      },
    );

  post(
    'outcome',
    'decidedOn',
    (b) => ({ result: first(b['result']), recommendations: first(b['recommendations']).trim() }),
    (request, input) => recordReviewOutcome(deps, principalOf(request), request.params.reviewId, input, request.id),
  );
  post(
    'forward',
    'forwardedOn',
    () => ({}),
    (request, input) => forwardReview(deps, principalOf(request), request.params.reviewId, input, request.id),
  );

  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['complaints'];
  const errors = apiErrors(400, 401, 404, 409, 422);
  api.post(
    '/api/v1/complaints/:id/reviews',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags,
        summary: 'Log the complainant’s application for a review (within the reg 29(2) window)',
        params: z.object({ id: z.string() }),
        body: reviewApplicationBody,
        response: { 201: z.object({ id: z.string().uuid(), body: z.string(), receivedOn: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await logReviewApplication(deps, principalOf(request), request.params.id, request.body, request.id)),
  );
  api.post(
    '/api/v1/complaint-reviews/:reviewId/outcome',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags,
        summary: 'Record the local policing body’s review result and recommendations',
        params: z.object({ reviewId: z.string() }),
        body: reviewOutcomeBody,
        response: {
          200: z.object({ id: z.string().uuid(), version: z.number().int(), status: z.string() }).passthrough(),
          ...errors,
        },
      },
    },
    async (request) =>
      recordReviewOutcome(deps, principalOf(request), request.params.reviewId, request.body, request.id),
  );
  api.post(
    '/api/v1/complaint-reviews/:reviewId/forward',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags,
        summary: 'Forward an application the IOPC must review (Sch 3 paras 31–32)',
        params: z.object({ reviewId: z.string() }),
        body: forwardReviewBody,
        response: {
          200: z.object({ id: z.string().uuid(), version: z.number().int(), status: z.string() }),
          ...errors,
        },
      },
    },
    async (request) => forwardReview(deps, principalOf(request), request.params.reviewId, request.body, request.id),
  );
}
