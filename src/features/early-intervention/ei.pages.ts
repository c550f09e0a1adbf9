import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { dateFromParts, errorSummary, first } from '../../kernel/forms.ts';
import { viewFairness } from './fairness-report.ts';
import { planIntervention, recordFollowUp } from './interventions.ts';
import { moveAlert } from './move-alert.ts';
import { NETWORK_SIZE, viewNetwork } from './network.ts';
import { listAlerts, viewAlert } from './view-alert.ts';
import { viewScores } from './view-scores.ts';
import { alertPolicy } from './alert.policy.ts';
import { common, FLASH, validationFields, type Body, type Id, type Q } from './ei-page-common.ts';
import { registerEarlyInterventionRulePages } from './ei-rules.pages.ts';

/**
 * Early intervention pages: alerts and their explanations, rules (ei-rules.pages.ts), scores, the network and
 * the fairness report.
 */
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

  registerEarlyInterventionRulePages(app, deps);

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
