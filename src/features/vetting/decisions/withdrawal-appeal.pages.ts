import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { formatDate, ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { authorize } from '../../../kernel/access/principal.ts';
import { lodgeWithdrawalAppeal } from './lodge-withdrawal-appeal.ts';
import { decideWithdrawalAppeal } from './decide-withdrawal-appeal.ts';
import { viewWithdrawalAppeal } from './view-withdrawal-appeal.ts';
import { exampleDate, showDecisionPage } from './decision-page.ts';
import { PVR_2025 } from './withdrawal-appeal-rules.ts';
import { APPEAL_LODGER_LABELS, APPEAL_OUTCOME_LABELS } from '../vetting-labels.ts';
import { dateFromParts, errorSummary, first, formFailure, type FormBody } from '../vetting-pages-support.ts';

type Params = { Params: { id: string }; Querystring: Record<string, string> };
type Extra = { status?: number; fields?: Record<string, string>; refusal?: string; values?: Record<string, string> };
const valuesOf = (body: FormBody) => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, first(v)]));

/**
 * The appeal against a withdrawal of vetting clearance (Police (Vetting) Regulations 2025, Part 3), apart from
 * the refusal appeal: lodged from the decision record, and its own page with the panel's outcome and, when the
 * appeal is dismissed, whether dismissal follows. Without JavaScript; the same use cases as the API.
 */
export function registerWithdrawalAppealPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.post<Params & { Body: FormBody }>('/vetting/decisions/:id/withdrawal-appeals', pre, async (request, reply) => {
    const body = request.body;
    const lodged = dateFromParts(body, 'lodgedOn', 'The date the appeal was received');
    const values = valuesOf(body);
    try {
      if (lodged.error) {
        authorize(principalOf(request), 'vetting.decide', 'decision');
        throw new AppError('validation', 'Check the appeal', { lodgedOn: lodged.error });
      }
      const appeal = await lodgeWithdrawalAppeal(
        deps,
        principalOf(request),
        {
          decisionId: request.params.id,
          lodgedOn: lodged.iso ?? '',
          lodgedBy: values['lodgedBy'] as never,
          grounds: values['grounds'] ?? '',
        },
        request.id,
      );
      return reply.redirect(`/vetting/withdrawal-appeals/${appeal.id}?done=lodged`, 303);
    } catch (err) {
      return showDecisionPage(deps, request, reply, { ...formFailure(err), values });
    }
  });

  const show = async (request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) => {
    const view = await viewWithdrawalAppeal(deps, principalOf(request), request.params.id, request.id);
    const a = view.appeal;
    const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
    const rows = [
      row('Appellant', view.appellantName ?? 'Not on record'),
      row(
        'Route',
        view.route === 'regulations'
          ? `${PVR_2025}, Part 3: a panel, then the Police Appeals Tribunal`
          : 'The force’s own procedure for police staff (the Regulations concern police officers)',
      ),
      row('Brought by', a.lodgedBy ? APPEAL_LODGER_LABELS[a.lodgedBy] : 'Not recorded'),
      row('Received', formatDate(a.lodgedOn)),
      row('Grounds', a.grounds),
      row('Panel to decide by', a.decideBy ? formatDate(a.decideBy) : 'Not set'),
      row('Outcome', APPEAL_OUTCOME_LABELS[a.outcome]),
      ...(a.outcome === 'pending'
        ? []
        : [
            row('Panel', a.panel),
            row('Decided', formatDate(a.decidedOn)),
            row('Reasons', a.outcomeReasons),
            row('What follows', view.consequence),
          ]),
    ];
    return reply.code(extra.status ?? 200).page('vetting/views/withdrawal-appeal.njk', {
      pageTitle: 'Appeal against a withdrawal of vetting clearance',
      ...view,
      rows,
      regulations: PVR_2025,
      exampleDate: exampleDate(ukToday(deps.now())),
      fields: extra.fields,
      errors: extra.refusal
        ? [{ text: extra.refusal, href: '#main-content' }]
        : extra.fields
          ? errorSummary(extra.fields, ['outcome', 'decidedOn', 'dismissalFollows'])
          : undefined,
      values: extra.values ?? {},
      flash:
        request.query['done'] === 'lodged'
          ? 'The appeal was recorded.'
          : request.query['done'] === 'decided'
            ? view.consequence
            : undefined,
    });
  };

  app.get<Params>('/vetting/withdrawal-appeals/:id', pre, (request, reply) => show(request, reply));

  app.post<Params & { Body: FormBody }>('/vetting/withdrawal-appeals/:id/outcome', pre, async (request, reply) => {
    const body = request.body;
    const decided = dateFromParts(body, 'decidedOn', 'The date the panel decided');
    const values = valuesOf(body);
    try {
      if (decided.error) {
        authorize(principalOf(request), 'vetting.decide', 'appeal');
        throw new AppError('validation', 'Check the appeal outcome', { decidedOn: decided.error });
      }
      await decideWithdrawalAppeal(
        deps,
        principalOf(request),
        {
          appealId: request.params.id,
          version: values['version'],
          panel: values['panel'] ?? '',
          outcome: values['outcome'] as never,
          decidedOn: decided.iso ?? '',
          reasons: values['reasons'] ?? '',
          dismissalFollows: values['dismissalFollows'],
        },
        request.id,
      );
      return reply.redirect(`/vetting/withdrawal-appeals/${request.params.id}?done=decided`, 303);
    } catch (err) {
      return show(request, reply, { ...formFailure(err), values });
    }
  });
}
