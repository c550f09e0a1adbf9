import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { eiInterventionKinds, eiInterventionOutcomes } from '../../db/schema/index.ts';
import { planIntervention, recordFollowUp } from './interventions.ts';
import { moveAlert } from './move-alert.ts';
import { ALERT_STATES } from './rules/workflow.ts';
import { listAlerts, viewAlert } from './view-alert.ts';
import { registerRulesApi } from './ei-rules.api.ts';

const errors = apiErrors(400, 401, 404, 409, 422);

/**
 * /api/v1/early-intervention: the same use cases as the pages. 401 without a token; 404 for anything
 * outside need-to-know (another force's alert or rule, an alert about the caller, a caller without ei.*).
 */
export function registerEarlyInterventionApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = { onRequest: requireApiPrincipal };
  const tags = ['early intervention'];
  const params = z.object({ id: z.string() });
  const base = '/api/v1/early-intervention';

  api.get(
    `${base}/alerts`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'Alerts the caller may see (open by default; state=all or a state). The read is audited',
        querystring: z.object({ state: z.string().max(40).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string().uuid(),
                personId: z.string().uuid(),
                name: z.string(),
                rule: z.string(),
                ruleVersion: z.number().int(),
                level: z.string(),
                state: z.string(),
                raisedOn: z.string(),
                events: z.number().int(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const r = await listAlerts(deps, principalOf(request), request.query, request.id);
      return {
        items: r.rows.map((a) => ({
          id: a.id,
          personId: a.person_id,
          name: `${a.given_name} ${a.family_name}`,
          rule: a.rule_name,
          ruleVersion: a.rule_version,
          level: a.level,
          state: a.state,
          raisedOn: a.raised_on,
          events: a.event_count,
        })),
      };
    },
  );

  api.get(
    `${base}/alerts/:id`,
    {
      ...pre,
      schema: {
        tags,
        summary:
          'One alert with its explanation: the rule, the events that counted (a link only with need-to-know), what changed, the peer group',
        params,
        response: {
          200: z.object({
            id: z.string().uuid(),
            version: z.number().int(),
            personId: z.string().uuid(),
            name: z.string(),
            state: z.string(),
            level: z.string(),
            raisedOn: z.string(),
            lastRunOn: z.string(),
            falsePositiveReason: z.string().nullable(),
            rule: z.object({ id: z.string().uuid(), name: z.string(), version: z.number().int() }),
            events: z.array(
              z.object({
                key: z.string(),
                kind: z.string(),
                occurredOn: z.string(),
                category: z.string().nullable(),
                href: z.string().nullable(),
              }),
            ),
            changes: z.object({
              on: z.string().nullable(),
              added: z.array(z.string()),
              dropped: z.array(z.string()),
              levelFrom: z.string().nullable(),
              levelTo: z.string().nullable().optional(),
            }),
            peer: z
              .object({
                rank: z.string(),
                band: z.string(),
                groupSize: z.number().int(),
                percentile: z.number().nullable(),
                count: z.number().int(),
                groupMean: z.number(),
              })
              .nullable(),
            moves: z.array(z.object({ to: z.string(), reasonRequired: z.boolean() })),
            interventions: z.array(
              z.object({
                id: z.string().uuid(),
                kind: z.string(),
                owner: z.string(),
                dueOn: z.string(),
                outcome: z.string().nullable(),
                outcomeOn: z.string().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const v = await viewAlert(deps, principalOf(request), request.params.id, request.id);
      const a = v.alert;
      return {
        id: a.id,
        version: a.version,
        personId: a.person_id,
        name: `${a.given_name} ${a.family_name}`,
        state: a.state,
        level: a.level,
        raisedOn: a.raised_on,
        lastRunOn: a.last_run_on,
        falsePositiveReason: a.false_positive_reason,
        rule: { id: a.rule_id, name: a.rule_name, version: a.rule_version },
        events: v.events.map((e) => ({
          key: e.key,
          kind: e.kind,
          occurredOn: e.occurredOn,
          category: e.category,
          href: e.href,
        })),
        changes: {
          on: v.changes.on,
          added: v.changes.added.map((e) => e.key),
          dropped: v.changes.dropped,
          levelFrom: v.changes.levelFrom,
          levelTo: v.changes.levelTo ?? null,
        },
        peer: v.peer,
        moves: v.moves.map((m) => ({ to: m.to, reasonRequired: m.reasonRequired })),
        interventions: v.interventions.map((i) => ({
          id: i.id,
          kind: i.kind,
          owner: i.owner,
          dueOn: i.dueOn,
          outcome: i.outcome,
          outcomeOn: i.outcomeOn,
        })),
      };
    },
  );

  api.post(
    `${base}/alerts/:id/moves`,
    {
      ...pre,
      schema: {
        tags,
        summary:
          'Move an alert one step through the workflow (a reason is required to close, or to close as a false positive)',
        params,
        body: z.object({
          to: z.enum(ALERT_STATES),
          reason: z.string().max(2000).optional(),
          version: z.number().int(),
        }),
        response: { 200: z.object({ id: z.string().uuid(), state: z.string() }), ...errors },
      },
    },
    async (request) => moveAlert(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    `${base}/alerts/:id/interventions`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'Plan an intervention on an open alert',
        params,
        body: z.object({
          kind: z.enum(eiInterventionKinds),
          owner: z.string().max(200),
          dueOn: z.string().max(10),
          notes: z.string().max(4000).optional(),
        }),
        response: { 201: z.object({ id: z.string().uuid(), kind: z.string(), dueOn: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const row = await planIntervention(deps, principalOf(request), request.params.id, request.body, request.id);
      return reply.code(201).send({ id: row.id, kind: row.kind, dueOn: row.dueOn });
    },
  );

  api.post(
    `${base}/alerts/:id/interventions/:interventionId/follow-up`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the follow-up outcome of an intervention (once)',
        params: z.object({ id: z.string(), interventionId: z.string() }),
        body: z.object({ outcome: z.enum(eiInterventionOutcomes), outcomeNotes: z.string().max(4000).optional() }),
        response: { 200: z.object({ id: z.string(), outcome: z.string() }), ...errors },
      },
    },
    async (request) =>
      recordFollowUp(
        deps,
        principalOf(request),
        request.params.id,
        request.params.interventionId,
        request.body,
        request.id,
      ),
  );

  registerRulesApi(app, deps);
}
