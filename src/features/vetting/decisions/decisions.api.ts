import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../../kernel/http/guards.ts';
import { decideAppeal } from './decide-appeal.ts';
import { lodgeAppeal } from './lodge-appeal.ts';
import { viewAppeal } from './view-appeal.ts';
import { viewDecision } from './view-decision.ts';
import { appealItem, bodies, created, decisionItem, errors, idParams } from '../vetting-api-schemas.ts';

const tags = ['vetting'];

/** /api/v1/vetting/decisions and /appeals: the decision record, lodging an appeal, the panel's outcome. */
export function registerDecisionsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = { onRequest: requireApiPrincipal };

  api.get(
    '/api/v1/vetting/decisions/:id',
    {
      ...on,
      schema: {
        tags,
        summary: 'A vetting decision with its Appendix K decision record document and appeals (the read is audited)',
        params: idParams,
        response: {
          200: decisionItem.extend({
            document: z.unknown(),
            appealable: z.boolean(),
            appealWindowEndsOn: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const v = await viewDecision(deps, principalOf(request), request.params.id, request.id);
      const d = v.decision;
      return {
        id: d.id,
        applicationId: d.applicationId,
        reviewId: d.reviewId,
        personId: d.personId,
        outcome: d.outcome,
        decidedOn: d.decidedOn,
        rationale: d.rationale,
        conditions: d.conditions,
        reasonsForApplicant: d.reasonsForApplicant,
        appealWindowEndsOn: v.windowEndsOn,
        appealable: v.appealable,
        appeals: v.appeals,
        document: d.document,
      };
    },
  );

  api.post(
    '/api/v1/vetting/decisions/:id/appeals',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Lodge an appeal against a refusal (date received, grounds); refused after the window (a withdrawal: …/withdrawal-appeals)',
        params: idParams,
        body: bodies.appeal,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await lodgeAppeal(
            deps,
            principalOf(request),
            { decisionId: request.params.id, ...request.body } as never,
            request.id,
          ),
        ),
  );

  api.get(
    '/api/v1/vetting/appeals/:id',
    {
      ...on,
      schema: {
        tags,
        summary: 'An appeal (the read is audited)',
        params: idParams,
        response: { 200: appealItem.extend({ decisionOutcome: z.string() }), ...errors },
      },
    },
    async (request) => {
      const v = await viewAppeal(deps, principalOf(request), request.params.id, request.id);
      return { ...v.appeal, decisionOutcome: v.decision.outcome };
    },
  );

  api.post(
    '/api/v1/vetting/appeals/:id/outcome',
    {
      ...on,
      schema: {
        tags,
        summary: 'Record the appeal panel and outcome on a refusal appeal (upheld: a new decision is needed to grant)',
        params: idParams,
        body: bodies.appealOutcome,
        response: {
          200: z.object({ reinstatedClearanceIds: z.array(z.string().uuid()), message: z.string() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const r = await decideAppeal(
        deps,
        principalOf(request),
        { appealId: request.params.id, ...request.body } as never,
        request.id,
      );
      return { reinstatedClearanceIds: r.reinstatedClearanceIds, message: r.message };
    },
  );
}
