import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { formatDate, ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { authorize } from '../../../kernel/access/principal.ts';
import { decideAppeal } from './decide-appeal.ts';
import { lodgeAppeal } from './lodge-appeal.ts';
import { viewAppeal } from './view-appeal.ts';
import { exampleDate, showDecisionPage } from './decision-page.ts';
import { APPEAL_OUTCOME_LABELS, OUTCOME_LABELS } from '../vetting-labels.ts';
import { dateFromParts, errorSummary, first, formFailure, type FormBody } from '../vetting-pages-support.ts';

type Params = { Params: { id: string }; Querystring: Record<string, string> };
const APPEAL_FLASH: Record<string, string> = {
  lodged: 'The appeal was recorded.',
  dismissed: 'Appeal dismissed: the decision stands.',
  'upheld-refusal':
    'Appeal upheld. The application is not granted by the appeal: record a new decision on the application to grant clearance.',
};

type Extra = { status?: number; fields?: Record<string, string>; refusal?: string; values?: Record<string, string> };

/** The printable decision record, lodging a refusal appeal on it, and the appeal page with the panel's outcome. */
export function registerDecisionRecordPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const showDecision = (request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) =>
    showDecisionPage(deps, request, reply, extra);

  app.get<Params>('/vetting/decisions/:id', pre, (request, reply) => showDecision(request, reply));

  app.post<Params & { Body: FormBody }>('/vetting/decisions/:id/appeals', pre, async (request, reply) => {
    const body = request.body;
    const lodged = dateFromParts(body, 'lodgedOn', 'The date the appeal was received');
    const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, first(v)]));
    try {
      if (lodged.error) {
        authorize(principalOf(request), 'vetting.decide', 'decision');
        throw new AppError('validation', 'Check the appeal', { lodgedOn: lodged.error });
      }
      const appeal = await lodgeAppeal(
        deps,
        principalOf(request),
        { decisionId: request.params.id, lodgedOn: lodged.iso ?? '', grounds: first(body['grounds']) },
        request.id,
      );
      return reply.redirect(`/vetting/appeals/${appeal.id}?done=lodged`, 303);
    } catch (err) {
      const failure = formFailure(err);
      return showDecision(request, reply, {
        status: failure.status,
        fields: failure.fields,
        refusal: failure.refusal,
        values,
      });
    }
  });

  const showAppeal = async (request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) => {
    const view = await viewAppeal(deps, principalOf(request), request.params.id, request.id);
    const a = view.appeal;
    const rows = [
      { key: { text: 'Received' }, value: { text: formatDate(a.lodgedOn) } },
      { key: { text: 'Grounds' }, value: { text: a.grounds } },
      { key: { text: 'Outcome' }, value: { text: APPEAL_OUTCOME_LABELS[a.outcome] } },
      ...(a.outcome === 'pending'
        ? []
        : [
            { key: { text: 'Panel' }, value: { text: a.panel } },
            { key: { text: 'Decided' }, value: { text: formatDate(a.decidedOn) } },
            { key: { text: 'Reasons' }, value: { text: a.outcomeReasons } },
          ]),
    ];
    return reply.code(extra.status ?? 200).page('vetting/views/appeal.njk', {
      pageTitle: 'Vetting appeal',
      ...view,
      rows,
      outcomeLabel: OUTCOME_LABELS[view.decision.outcome],
      upheldHint: 'The application can be decided again; only a new decision grants clearance',
      exampleDate: exampleDate(ukToday(deps.now())),
      fields: extra.fields,
      errors: extra.refusal
        ? [{ text: extra.refusal, href: '#main-content' }]
        : extra.fields
          ? errorSummary(extra.fields, ['decidedOn'])
          : undefined,
      values: extra.values ?? {},
      flash: APPEAL_FLASH[request.query['done'] ?? ''],
    });
  };

  app.get<Params>('/vetting/appeals/:id', pre, (request, reply) => showAppeal(request, reply));

  app.post<Params & { Body: FormBody }>('/vetting/appeals/:id/outcome', pre, async (request, reply) => {
    const body = request.body;
    const decided = dateFromParts(body, 'decidedOn', 'The date the panel decided');
    const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, first(v)]));
    try {
      if (decided.error) {
        authorize(principalOf(request), 'vetting.decide', 'appeal');
        throw new AppError('validation', 'Check the appeal outcome', { decidedOn: decided.error });
      }
      await decideAppeal(
        deps,
        principalOf(request),
        {
          appealId: request.params.id,
          version: values['version'],
          panel: values['panel'] ?? '',
          outcome: values['outcome'] as never,
          decidedOn: decided.iso ?? '',
          reasons: values['reasons'] ?? '',
        },
        request.id,
      );
      const done = values['outcome'] === 'dismissed' ? 'dismissed' : 'upheld-refusal';
      return reply.redirect(`/vetting/appeals/${request.params.id}?done=${done}`, 303);
    } catch (err) {
      const failure = formFailure(err);
      return showAppeal(request, reply, {
        status: failure.status,
        fields: failure.fields,
        refusal: failure.refusal,
        values,
      });
    }
  });
}
