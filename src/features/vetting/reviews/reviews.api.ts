import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../../kernel/http/api-errors.ts';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../../kernel/http/guards.ts';
import { assignReview, assignReviewInput } from './assign-review.ts';
import { decideReview, decideReviewInput } from '../decisions/decide-review.ts';
import { listReviewsFor, listReviewsInput } from './list-reviews.ts';
import { openRandomReviewsFor, randomReviewsInput } from './open-random-reviews.ts';
import { recordReviewAdverseInformation, reviewAdverseInput } from '../file/record-adverse-information.ts';
import { recordReviewCheck, reviewCheckInput } from '../file/record-check.ts';
import { recordTransferIn, transferInInput } from './record-transfer-in.ts';
import { viewReview } from './view-review.ts';
import { reviewDetail, reviewDetailOf, reviewItem } from './reviews-api-schemas.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const params = z.object({ id: z.string() });

/** /api/v1/vetting/reviews and /api/v1/vetting/transfers-in: the same use cases as the pages (vetting roles only). */
export function registerReviewsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const route = { preHandler: requireApiPrincipal };

  api.get(
    '/api/v1/vetting/reviews',
    {
      ...route,
      schema: {
        tags: ['vetting'],
        summary: 'Vetting reviews, open first and most urgent first (the read is audited)',
        querystring: listReviewsInput.partial(),
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
            items: z.array(reviewItem),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const r = await listReviewsFor(deps, principalOf(request), request.query, request.id);
      return {
        total: r.total,
        page: r.input.page,
        pageCount: r.pageCount,
        items: r.rows.map((x) => ({
          id: x.id,
          personId: x.person_id,
          givenName: x.given_name,
          familyName: x.family_name,
          trigger: x.trigger,
          caseReference: x.case_reference,
          openedOn: x.opened_on,
          dueOn: x.due_on,
          status: x.status,
          assignedTo: x.assigned_name,
        })),
      };
    },
  );

  api.get(
    '/api/v1/vetting/reviews/:id',
    {
      ...route,
      schema: {
        tags: ['vetting'],
        summary: 'One vetting review with its file (the read is audited)',
        params,
        response: { 200: reviewDetail, ...errors },
      },
    },
    async (request) => {
      return reviewDetailOf(await viewReview(deps, principalOf(request), request.params.id, request.id));
    },
  );

  const body = <T extends z.ZodObject>(schema: T) => schema.omit({ reviewId: true } as never);

  api.post(
    '/api/v1/vetting/reviews/:id/assignment',
    {
      ...route,
      schema: {
        tags: ['vetting'],
        summary: 'Assign a review to a vetting officer (null takes it off them)',
        params,
        body: body(assignReviewInput),
        response: { 200: z.object({ reviewId: z.string().uuid(), version: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      assignReview(
        deps,
        principalOf(request),
        { ...(request.body as object), reviewId: request.params.id } as never,
        request.id,
      ),
  );

  api.post(
    '/api/v1/vetting/reviews/:id/checks',
    {
      ...route,
      schema: {
        tags: ['vetting'],
        summary: 'Record a check for a review, or (with checkId and version) a new result for one',
        params,
        body: body(reviewCheckInput),
        response: { 201: z.object({ checkId: z.string().uuid() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordReviewCheck(
            deps,
            principalOf(request),
            { ...(request.body as object), reviewId: request.params.id } as never,
            request.id,
          ),
        ),
  );

  api.post(
    '/api/v1/vetting/reviews/:id/adverse-information',
    {
      ...route,
      schema: {
        tags: ['vetting'],
        summary: 'Record adverse information found during a review',
        params,
        body: body(reviewAdverseInput),
        response: { 201: z.object({ itemId: z.string().uuid() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordReviewAdverseInformation(
            deps,
            principalOf(request),
            { ...(request.body as object), reviewId: request.params.id } as never,
            request.id,
          ),
        ),
  );

  api.post(
    '/api/v1/vetting/reviews/:id/decision',
    {
      ...route,
      schema: {
        tags: ['vetting'],
        summary:
          'Decide a review: maintain, maintain with conditions, or withdraw (withdrawal ends the clearances and starts the appeal window)',
        params,
        body: body(decideReviewInput),
        response: {
          201: z.object({
            decisionId: z.string().uuid(),
            outcome: z.string(),
            clearancesWithdrawn: z.array(z.string().uuid()),
            appealWindowEndsOn: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await decideReview(
            deps,
            principalOf(request),
            { ...(request.body as object), reviewId: request.params.id } as never,
            request.id,
          ),
        ),
  );

  api.post(
    '/api/v1/vetting/reviews/random',
    {
      ...route,
      schema: {
        tags: ['vetting'],
        summary:
          'Open random re-vetting reviews for a sample of the force’s current workforce (same day and seed → same sample, nothing new)',
        body: randomReviewsInput,
        response: {
          200: z.object({
            on: z.string(),
            percent: z.number(),
            seed: z.number().int(),
            population: z.number().int(),
            sampled: z.number().int(),
            opened: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (request) => openRandomReviewsFor(deps, principalOf(request), request.body, request.id),
  );

  api.post(
    '/api/v1/vetting/transfers-in',
    {
      ...route,
      schema: {
        tags: ['vetting'],
        summary:
          'Record a transfer in and open its vetting review (the same transfer again returns the first review, 200)',
        body: transferInInput,
        response: {
          201: z.object({ reviewId: z.string().uuid(), created: z.boolean(), dueOn: z.string() }),
          200: z.object({ reviewId: z.string().uuid(), created: z.boolean(), dueOn: z.string() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const result = await recordTransferIn(deps, principalOf(request), request.body, request.id);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
}
