import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../../kernel/http/guards.ts';
import { lodgeWithdrawalAppeal } from './lodge-withdrawal-appeal.ts';
import { decideWithdrawalAppeal } from './decide-withdrawal-appeal.ts';
import { viewWithdrawalAppeal } from './view-withdrawal-appeal.ts';
import { errors, idParams } from '../vetting-api-schemas.ts';

const tags = ['vetting'];
const opt = z.string().optional();
const date = z.string().nullable();

const withdrawalAppealItem = z.object({
  id: z.string().uuid(),
  decisionId: z.string().uuid(),
  appellantName: z.string().nullable(),
  route: z.enum(['regulations', 'employment']).describe('Police (Vetting) Regulations 2025 (officers), or staff'),
  lodgedBy: z.string().nullable(),
  lodgedOn: z.string(),
  grounds: z.string(),
  decideBy: date,
  panel: z.string(),
  outcome: z.string(),
  decidedOn: date,
  outcomeReasons: z.string(),
  dismissalFollows: z.boolean().nullable(),
  tribunalWindowEndsOn: date,
  consequence: z.string(),
  version: z.number().int(),
});

/**
 * /api/v1/vetting/…/withdrawal-appeals: the appeal against a withdrawal of vetting clearance (Police (Vetting)
 * Regulations 2025, Part 3), apart from the refusal appeal; the same use cases as the pages.
 */
export function registerWithdrawalAppealsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = { onRequest: requireApiPrincipal };

  api.post(
    '/api/v1/vetting/decisions/:id/withdrawal-appeals',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Lodge the officer’s or staff member’s appeal against a withdrawal (date received, who brought it, grounds); refused after the window or once they have left',
        params: idParams,
        body: z.object({ lodgedOn: opt, lodgedBy: opt, grounds: opt }),
        response: { 201: z.object({ id: z.string().uuid(), decideBy: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await lodgeWithdrawalAppeal(
            deps,
            principalOf(request),
            { decisionId: request.params.id, ...request.body } as never,
            request.id,
          ),
        ),
  );

  api.get(
    '/api/v1/vetting/withdrawal-appeals/:id',
    {
      ...on,
      schema: {
        tags,
        summary: 'An appeal against a withdrawal, with what its outcome means (the read is audited)',
        params: idParams,
        response: { 200: withdrawalAppealItem, ...errors },
      },
    },
    async (request) => {
      const v = await viewWithdrawalAppeal(deps, principalOf(request), request.params.id, request.id);
      const a = v.appeal;
      return {
        id: a.id,
        decisionId: a.decisionId,
        appellantName: v.appellantName,
        route: v.route,
        lodgedBy: a.lodgedBy,
        lodgedOn: a.lodgedOn,
        grounds: a.grounds,
        decideBy: a.decideBy,
        panel: a.panel,
        outcome: a.outcome,
        decidedOn: a.decidedOn,
        outcomeReasons: a.outcomeReasons,
        dismissalFollows: a.dismissalFollows,
        tribunalWindowEndsOn: a.tribunalWindowEndsOn,
        consequence: v.consequence,
        version: a.version,
      };
    },
  );

  api.post(
    '/api/v1/vetting/withdrawal-appeals/:id/outcome',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Record the panel and outcome: upheld restores the clearance; dismissed leaves the withdrawal standing and says whether dismissal follows',
        params: idParams,
        body: z.object({
          version: z.number().int().optional(),
          panel: opt,
          outcome: opt,
          decidedOn: opt,
          reasons: opt,
          dismissalFollows: z.union([z.boolean(), z.string()]).optional(),
        }),
        response: {
          200: z.object({
            restoredClearanceIds: z.array(z.string().uuid()),
            dismissalFollows: z.boolean().nullable(),
            tribunalWindowEndsOn: date,
            message: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      decideWithdrawalAppeal(
        deps,
        principalOf(request),
        { appealId: request.params.id, ...request.body } as never,
        request.id,
      ),
  );
}
