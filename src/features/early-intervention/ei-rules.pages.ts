import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { errorSummary, first } from '../../kernel/forms.ts';
import { listRules, viewRule } from './list-rules.ts';
import { previewRule } from './preview-rule.ts';
import { runNow } from './run-early-intervention.ts';
import { saveRule, switchRule } from './save-rule.ts';
import { alertPolicy } from './alert.policy.ts';
import { common, FLASH, ruleFromForm, validationFields, type Body, type Id, type Q } from './ei-page-common.ts';

/** The early intervention rules: the list, a new rule with its preview, a rule's versions, switching, a run now. */
export function registerEarlyInterventionRulePages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<Q>('/early-intervention/rules', pre, async (request, reply) => {
    const principal = principalOf(request);
    const r = await listRules(deps, principal);
    return reply.page('early-intervention/views/rules.njk', {
      pageTitle: 'Early intervention rules',
      ...common,
      ...r,
      canManage: alertPolicy.manage(principal),
      flash: FLASH[request.query['done'] ?? ''],
    });
  });

  const showNewRule = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const r = await listRules(deps, principalOf(request));
    if (!alertPolicy.manage(principalOf(request))) throw new AppError('not_found', 'No such page.');
    return reply.page('early-intervention/views/rule-new.njk', {
      pageTitle: 'New early intervention rule',
      ...common,
      kinds: r.kinds,
      units: r.units,
      values: { windowDays: '365', warningLevel: '3', criticalLevel: '5', signalKinds: [] },
      ...extra,
    });
  };
  app.get('/early-intervention/rules/new', pre, (request, reply) => showNewRule(request, reply));

  app.post<Body>('/early-intervention/rules', pre, async (request, reply) => {
    const input = ruleFromForm(request.body);
    const values = { ...request.body, signalKinds: input.signalKinds };
    try {
      if (first(request.body['intent']) === 'preview') {
        const preview = await previewRule(deps, principalOf(request), input, request.id);
        return await showNewRule(request, reply, { preview, values });
      }
      const row = await saveRule(deps, principalOf(request), input, request.id);
      return reply.redirect(`/early-intervention/rules/${row.id}?done=created`, 303);
    } catch (err) {
      const fields = validationFields(err);
      return showNewRule(request, reply.code(400), { fields, errors: errorSummary(fields, []), values });
    }
  });

  const showRule = async (
    request: FastifyRequest<Id & Q>,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) => {
    const principal = principalOf(request);
    const v = await viewRule(deps, principal, request.params.id);
    const current = v.versions[0];
    const preview =
      alertPolicy.manage(principal) && current
        ? await previewRule(
            deps,
            principal,
            {
              name: current.name,
              signalKinds: current.signalKinds,
              categoryPrefix: current.categoryPrefix,
              unitId: current.unitId,
              windowDays: current.windowDays,
              warningLevel: current.warningLevel,
              criticalLevel: current.criticalLevel,
            },
            request.id,
          )
        : null;
    return reply.page('early-intervention/views/rule.njk', {
      pageTitle: `Early intervention rule – ${v.rule.name}`,
      ...common,
      ...v,
      current,
      preview,
      canManage: alertPolicy.manage(principal),
      values: current ? { ...current, categoryPrefix: current.categoryPrefix ?? '', unitId: current.unitId ?? '' } : {},
      flash: FLASH[request.query['done'] ?? ''],
      ...extra,
    });
  };
  app.get<Id & Q>('/early-intervention/rules/:id', pre, (request, reply) => showRule(request, reply));

  app.post<Id & Body & Q>('/early-intervention/rules/:id', pre, async (request, reply) => {
    const input = ruleFromForm(request.body);
    try {
      const row = await saveRule(deps, principalOf(request), input, request.id, {
        ruleId: request.params.id,
        version: first(request.body['version']),
      });
      return reply.redirect(`/early-intervention/rules/${row.id}?done=saved`, 303);
    } catch (err) {
      const fields = validationFields(err);
      return showRule(request, reply.code(400), {
        fields,
        errors: errorSummary(fields, []),
        values: { ...request.body, signalKinds: input.signalKinds },
      });
    }
  });

  app.post<Id & Body & Q>('/early-intervention/rules/:id/switch', pre, async (request, reply) => {
    const active = first(request.body['active']);
    try {
      await switchRule(
        deps,
        principalOf(request),
        request.params.id,
        { active, version: first(request.body['version']) },
        request.id,
      );
      return reply.redirect(
        `/early-intervention/rules/${request.params.id}?done=${active === 'true' ? 'on' : 'off'}`,
        303,
      );
    } catch (err) {
      const fields = validationFields(err);
      return showRule(request, reply.code(400), { fields, errors: errorSummary(fields, []) });
    }
  });

  app.post('/early-intervention/runs', pre, async (request, reply) => {
    await runNow(deps, principalOf(request), request.id);
    return reply.redirect('/early-intervention/rules?done=run', 303);
  });
}
