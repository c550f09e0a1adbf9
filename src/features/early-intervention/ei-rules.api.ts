import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { listRules, viewRule } from './list-rules.ts';
import { previewRule } from './preview-rule.ts';
import { runNow } from './run-early-intervention.ts';
import { saveRule, switchRule } from './save-rule.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const ruleOut = z.object({
  id: z.string().uuid(),
  ruleKey: z.string().uuid(),
  version: z.number().int(),
  name: z.string(),
  description: z.string(),
  signalKinds: z.array(z.string()),
  categoryPrefix: z.string().nullable(),
  /** A rule of one unit: only people posted to it on the day of a run count (null: the whole force). */
  unitId: z.string().uuid().nullable(),
  windowDays: z.number().int(),
  warningLevel: z.number().int(),
  criticalLevel: z.number().int(),
  active: z.boolean(),
  superseded: z.boolean(),
});
const figuresOut = z.object({
  alerts: z.number().int(),
  open: z.number().int(),
  finished: z.number().int(),
  falsePositives: z.number().int(),
  falsePositiveShare: z.number().nullable(),
  followedByFinding: z.number().int(),
  followedByFindingShare: z.number().nullable(),
});
const previewOut = z.object({
  today: z.string(),
  people: z.number().int(),
  warning: z.number().int(),
  critical: z.number().int(),
  signals: z.number().int(),
});
const pickRule = (r: z.infer<typeof ruleOut>) => ruleOut.parse({ ...r });

/** /api/v1/early-intervention/rules and /runs: the rules (versioned, previewed, switched) and "run now". */
export function registerRulesApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = { onRequest: requireApiPrincipal };
  const tags = ['early intervention'];
  const params = z.object({ id: z.string() });
  const base = '/api/v1/early-intervention';

  api.get(
    `${base}/rules`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'The force’s rules (current versions) with the share of their alerts closed as false positives',
        response: { 200: z.object({ items: z.array(ruleOut.extend({ figures: figuresOut })) }), ...errors },
      },
    },
    async (request) => {
      const r = await listRules(deps, principalOf(request));
      return { items: r.rules.map((x) => ({ ...pickRule(x), figures: x.figures })) };
    },
  );

  const ruleBody = z.object({
    name: z.string().max(120),
    description: z.string().max(2000).optional(),
    signalKinds: z.array(z.string().max(60)).max(20),
    categoryPrefix: z.string().max(80).nullable().optional(),
    unitId: z.string().max(40).nullable().optional(),
    windowDays: z.number().int(),
    warningLevel: z.number().int(),
    criticalLevel: z.number().int(),
  });

  api.post(
    `${base}/rules`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'Create a rule (saved switched off)',
        body: ruleBody,
        response: { 201: ruleOut, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(pickRule(await saveRule(deps, principalOf(request), request.body, request.id))),
  );

  api.post(
    `${base}/rules/preview`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'How many people a rule would alert on today (nothing is saved)',
        body: ruleBody,
        response: { 200: previewOut, ...errors },
      },
    },
    async (request) => previewRule(deps, principalOf(request), request.body, request.id),
  );

  api.get(
    `${base}/rules/:id`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'One rule version with every version of the rule and its figures',
        params,
        response: { 200: z.object({ rule: ruleOut, versions: z.array(ruleOut), figures: figuresOut }), ...errors },
      },
    },
    async (request) => {
      const v = await viewRule(deps, principalOf(request), request.params.id);
      return { rule: pickRule(v.rule), versions: v.versions.map(pickRule), figures: v.figures };
    },
  );

  api.post(
    `${base}/rules/:id/versions`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'Save a new version of a rule (the current version’s id and version number)',
        params,
        body: ruleBody.extend({ version: z.number().int() }),
        response: { 201: ruleOut, ...errors },
      },
    },
    async (request, reply) => {
      const { version, ...rule } = request.body;
      const row = await saveRule(deps, principalOf(request), rule, request.id, { ruleId: request.params.id, version });
      return reply.code(201).send(pickRule(row));
    },
  );

  api.post(
    `${base}/rules/:id/switch`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'Switch the current version of a rule on or off',
        params,
        body: z.object({ active: z.boolean(), version: z.number().int() }),
        response: { 200: z.object({ id: z.string().uuid(), active: z.boolean() }), ...errors },
      },
    },
    async (request) => switchRule(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    `${base}/runs`,
    {
      ...pre,
      schema: {
        tags,
        summary: 'Run the force’s active rules now (idempotent: a second run the same day changes no alert)',
        response: {
          200: z.object({
            runId: z.string().uuid(),
            runOn: z.string(),
            rules: z.number().int(),
            events: z.number().int(),
            opened: z.number().int(),
            changed: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (request) => runNow(deps, principalOf(request), request.id),
  );
}
