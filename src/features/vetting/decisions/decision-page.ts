import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf } from '../../../kernel/http/guards.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { viewDecision } from './view-decision.ts';
import { decisionRecordModel } from './decision-record-model.ts';
import { APPEAL_LODGER_LABELS, APPEAL_OUTCOME_LABELS, OUTCOME_LABELS } from '../vetting-labels.ts';
import { dateParts, errorSummary } from '../vetting-pages-support.ts';

export type DecisionPageExtra = {
  status?: number;
  fields?: Record<string, string>;
  refusal?: string;
  values?: Record<string, string>;
};

export const exampleDate = (today: string) => Object.values(dateParts(today)).join(' ');

/**
 * The printable decision record with its appeal section: a refusal takes the force's appeal, a withdrawal
 * the officer's or member of staff's own (Police (Vetting) Regulations 2025, Part 3). Shared by the pages
 * that lodge either, so a refused form shows the record again with its errors.
 */
export async function showDecisionPage(
  deps: Deps,
  request: FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string> }>,
  reply: FastifyReply,
  extra: DecisionPageExtra = {},
) {
  const view = await viewDecision(deps, principalOf(request), request.params.id, request.id);
  const today = ukToday(deps.now());
  const withdrawal = view.decision.outcome === 'withdraw';
  return reply.code(extra.status ?? 200).page('vetting/views/decision.njk', {
    pageTitle: `Vetting decision record – ${OUTCOME_LABELS[view.decision.outcome]}`,
    ...view,
    ...decisionRecordModel(view),
    withdrawal,
    appealHref: (a: { id: string; kind: string }) =>
      a.kind === 'withdrawal' ? `/vetting/withdrawal-appeals/${a.id}` : `/vetting/appeals/${a.id}`,
    lodgerItems: Object.entries(APPEAL_LODGER_LABELS).map(([value, text]) => ({
      value,
      text,
      checked: extra.values?.['lodgedBy'] === value,
    })),
    windowClosed: !!view.windowEndsOn && view.windowEndsOn < today,
    appealLabels: APPEAL_OUTCOME_LABELS,
    exampleDate: exampleDate(today),
    fields: extra.fields,
    errors: extra.refusal
      ? [{ text: extra.refusal, href: '#appeals' }]
      : extra.fields
        ? errorSummary(extra.fields, ['lodgedOn', 'lodgedBy'])
        : undefined,
    values: extra.values ?? {},
    flash: request.query['done'] === 'lodged' ? 'The appeal was recorded.' : undefined,
  });
}
