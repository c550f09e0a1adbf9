import { formatDate } from '../../lib/dates.ts';
import type { DecisionRecord } from './decision-record.ts';
import type { viewDecision } from './view-decision.ts';
import { OUTCOME_LABELS } from './vetting-labels.ts';

type View = Awaited<ReturnType<typeof viewDecision>>;
type Row = { key: { text: string }; value: { text: string } };
const row = (key: string, text: string | null | undefined): Row => ({ key: { text: key }, value: { text: text || 'None' } });

/**
 * The decision record page's rows, from the stored Appendix K document; a decision stored with another
 * document shape (a review's, say) shows what its columns hold.
 */
export function decisionRecordModel(view: View) {
  const d = view.decision;
  const record = (d.document ?? {}) as Partial<DecisionRecord>;
  const applicant = record.applicant;
  const applicantRows: Row[] = applicant
    ? [
        row('Name', applicant.name),
        row('Former names', applicant.formerNames?.join(', ')),
        row('Date of birth', formatDate(applicant.dateOfBirth)),
        row('Former numbers', applicant.formerNumbers?.join(', ')),
        row('Previous force', applicant.previousForce),
        row('Application', record.applicationReference && record.application ? `${record.applicationReference} (${record.application.kindLabel}, received ${formatDate(record.application.receivedOn)})` : null),
        row('Level', record.level?.label),
      ]
    : [row('Application', view.application?.reference), row('Review', d.reviewId ? 'A vetting review of a clearance holder' : null)];
  const decisionRows: Row[] = [
    row('Decision', OUTCOME_LABELS[d.outcome]),
    row('Reasons', d.rationale),
    ...(d.conditions ? [row('Conditions or risk-mitigation plan', d.conditions)] : []),
    ...(d.reasonsForApplicant ? [row('Reasons that may be given to the applicant', d.reasonsForApplicant)] : []),
    row('Decision maker', record.decisionMaker?.name ?? view.decisionMaker),
    row('Date of decision', formatDate(d.decidedOn)),
    row('Appeal rights', record.appealRights?.text ?? (view.appealable ? `An appeal may be made until ${formatDate(view.windowEndsOn)}.` : 'Not applicable')),
  ];
  return { record: { form: record.form ?? 'Vetting decision record', force: record.force ?? '', checks: record.checks ?? [], adverseInformation: record.adverseInformation ?? [], listMatches: record.listMatches ?? [] }, applicantRows, decisionRows, outcomeLabel: OUTCOME_LABELS[d.outcome] };
}
