import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { all, dateFromParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { viewFairness } from './fairness-report.ts';
import { INTERVENTION_LABELS, OUTCOME_LABELS, planIntervention, recordFollowUp } from './interventions.ts';
import { listRules, viewRule } from './list-rules.ts';
import { moveAlert } from './move-alert.ts';
import { NETWORK_SIZE, viewNetwork } from './network.ts';
import { previewRule } from './preview-rule.ts';
import { runNow } from './run-early-intervention.ts';
import { STATE_LABELS } from './rules/workflow.ts';
import { saveRule, switchRule } from './save-rule.ts';
import { kindLabel, listAlerts, viewAlert } from './view-alert.ts';
import { viewScores } from './view-scores.ts';
import { alertPolicy } from './alert.policy.ts';

type Body = { Body: FormBody };
type Id = { Params: { id: string; interventionId?: string } };
type Q = { Querystring: Record<string, string | undefined> };

const FLASH: Record<string, string> = {
  moved: 'Alert updated',
  planned: 'Intervention planned',
  followed: 'Follow-up recorded',
  saved: 'Rule saved as a new version',
  created: 'Rule created. It is switched off: preview it, then switch it on',
  on: 'Rule switched on: the next run will alert on it',
  off: 'Rule switched off',
  run: 'Run finished',
};

function validationFields(err: unknown): Record<string, string> {
  if (err instanceof AppError && err.code === 'validation' && err.fields) return err.fields;
  throw err;
}

const ruleFromForm = (b: FormBody) => ({
  name: first(b['name']),
  description: first(b['description']),
  signalKinds: all(b['signalKinds']),
  categoryPrefix: first(b['categoryPrefix']),
  windowDays: first(b['windowDays']),
  warningLevel: first(b['warningLevel']),
  criticalLevel: first(b['criticalLevel']),
});

const common = {
  stateLabels: STATE_LABELS,
  kindLabel,
  interventionLabels: INTERVENTION_LABELS,
  outcomeLabels: OUTCOME_LABELS,
};

/** Early intervention pages: alerts and their explanations, rules, scores, the network and the fairness report. */
export function registerEarlyInterventionPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<Q>('/early-intervention', pre, async (request, reply) => {
    const principal = principalOf(request);
    const r = await listAlerts(deps, principal, request.query, request.id);
    return reply.page('early-intervention/views/alerts.njk', {
      pageTitle: 'Early intervention alerts',
      ...common,
      ...r,
      canManage: alertPolicy.manage(principal),
      flash: FLASH[request.query['done'] ?? ''],
    });
  });

  const showAlert = async (
    request: FastifyRequest<Id & Q>,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) => {
    const v = await viewAlert(deps, principalOf(request), request.params.id, request.id);
    return reply.page('early-intervention/views/alert.njk', {
      pageTitle: `Early intervention alert – ${v.alert.given_name} ${v.alert.family_name}`,
      ...common,
      ...v,
      values: {},
      flash: FLASH[request.query['done'] ?? ''],
      ...extra,
    });
  };
  app.get<Id & Q>('/early-intervention/alerts/:id', pre, (request, reply) => showAlert(request, reply));

  const onAlert =
    (done: string, act: (request: FastifyRequest<Id & Body & Q>) => Promise<unknown>, dateFields: string[] = []) =>
    async (request: FastifyRequest<Id & Body & Q>, reply: FastifyReply) => {
      try {
        await act(request);
        return reply.redirect(`/early-intervention/alerts/${request.params.id}?done=${done}`, 303);
      } catch (err) {
        const fields = validationFields(err);
        return showAlert(request, reply.code(400), {
          fields,
          errors: errorSummary(fields, dateFields),
          values: request.body,
        });
      }
    };

  app.post<Id & Body & Q>(
    '/early-intervention/alerts/:id/move',
    pre,
    onAlert('moved', (request) =>
      moveAlert(
        deps,
        principalOf(request),
        request.params.id,
        {
          to: first(request.body['to']),
          reason: first(request.body['reason']),
          version: first(request.body['version']),
        },
        request.id,
      ),
    ),
  );
  app.post<Id & Body & Q>(
    '/early-intervention/alerts/:id/interventions',
    pre,
    onAlert(
      'planned',
      async (request) => {
        const due = dateFromParts(request.body, 'dueOn', 'The due date');
        if (due.error) throw new AppError('validation', 'Check the intervention', { dueOn: due.error });
        return planIntervention(
          deps,
          principalOf(request),
          request.params.id,
          {
            kind: first(request.body['kind']),
            owner: first(request.body['owner']),
            dueOn: due.iso,
            notes: first(request.body['notes']),
          },
          request.id,
        );
      },
      ['dueOn'],
    ),
  );
  app.post<Id & Body & Q>(
    '/early-intervention/alerts/:id/interventions/:interventionId/follow-up',
    pre,
    onAlert('followed', (request) =>
      recordFollowUp(
        deps,
        principalOf(request),
        request.params.id,
        request.params.interventionId ?? '',
        { outcome: first(request.body['outcome']), outcomeNotes: first(request.body['outcomeNotes']) },
        request.id,
      ),
    ),
  );

  // --- rules -------------------------------------------------------------------------------------------
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
      values: current ? { ...current, categoryPrefix: current.categoryPrefix ?? '' } : {},
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

  // --- scores, network, fairness ---------------------------------------------------------------------------
  app.get<Q>('/early-intervention/scores', pre, async (request, reply) => {
    const r = await viewScores(deps, principalOf(request), request.query, request.id);
    return reply.page('early-intervention/views/scores.njk', { pageTitle: 'Peer-normalised scores', ...common, ...r });
  });
  app.get<Q>('/early-intervention/network', pre, async (request, reply) => {
    const r = await viewNetwork(deps, principalOf(request), request.query, request.id);
    return reply.page('early-intervention/views/network.njk', {
      pageTitle: 'Co-accused network',
      ...common,
      ...r,
      size: NETWORK_SIZE,
    });
  });
  app.get<Q>('/early-intervention/fairness', pre, async (request, reply) => {
    const r = await viewFairness(deps, principalOf(request), request.query, request.id);
    return reply.page('early-intervention/views/fairness.njk', {
      pageTitle: 'Early intervention fairness report',
      ...common,
      ...r,
    });
  });
}
