import { formatDate } from '../../../kernel/time/dates.ts';
import type { DecisionRecord } from './decision-record.ts';
import { LEVEL_LABELS } from '../reviews/review-labels.ts';
import type { viewDecision } from './view-decision.ts';
import {
  CHECK_LABELS,
  CHECK_STATUS_LABELS,
  INFO_TYPE_LABELS,
  OUTCOME_LABELS,
  RELATION_LABELS,
} from '../vetting-labels.ts';

type View = Awaited<ReturnType<typeof viewDecision>>;
type Row = { key: { text: string }; value: { text: string } };
const row = (key: string, text: string | null | undefined): Row => ({
  key: { text: key },
  value: { text: text || 'None' },
});

/** The record a review's decision stores (decision-record.ts), as far as this page reads it. */
type ReviewRecord = {
  form: 'vetting_review_decision';
  review?: { triggerLabel: string; caseReference: string | null; openedOn: string };
  subject?: { name: string };
  checks?: { type: string; status: string; completedOn: string | null; notes: string }[];
  adverseInformation?: {
    id: string;
    type: string;
    relation: string;
    source: string;
    occurredOn: string | null;
    severity: number;
    credibility: number;
    description: string;
    assessment: string;
    rationale: Record<string, string> | null;
  }[];
  clearances?: { level: string; status: string; grantedOn: string }[];
  decisionMaker?: { name: string };
  withdrawal?: {
    regulations: string;
    harmTestConsidered: boolean;
    withheldUnderHarmTest: string;
    officerInformedOn: string | null;
    policeFriendOffered: boolean;
    policeFriend: string | null;
    reasonsForOfficer: string;
  } | null;
};
const isReviewRecord = (r: unknown): r is ReviewRecord =>
  !!r && typeof r === 'object' && (r as { form?: unknown }).form === 'vetting_review_decision';

const labelOf = <K extends string>(labels: Record<K, string>, key: string | null | undefined) =>
  key ? (labels[key as K] ?? key) : '';

/**
 * The decision record page's rows, from the stored Appendix K document: an application's decision
 * (decision-record.ts) or a review's (also decision-record.ts, with the person reviewed, what opened the
 * review and, for a withdrawal, the assessment under the Police (Vetting) Regulations 2025). A decision
 * stored with another document shape shows what its columns hold.
 */
export function decisionRecordModel(view: View) {
  const d = view.decision;
  const appealRights = view.appealable
    ? `An appeal may be made until ${formatDate(view.windowEndsOn)}.`
    : 'Not applicable';
  if (isReviewRecord(d.document)) return reviewRecordModel(view, d.document, appealRights);
  const record = (d.document ?? {}) as Partial<DecisionRecord>;
  const applicant = record.applicant;
  const applicantRows: Row[] = applicant
    ? [
        row('Name', applicant.name),
        row('Former names', applicant.formerNames?.join(', ')),
        row('Date of birth', formatDate(applicant.dateOfBirth)),
        row('Former numbers', applicant.formerNumbers?.join(', ')),
        row('Previous force', applicant.previousForce),
        row(
          'Application',
          record.applicationReference && record.application
            ? `${record.applicationReference} (${record.application.kindLabel}, received ${formatDate(record.application.receivedOn)})`
            : null,
        ),
        row('Level', record.level?.label),
      ]
    : [
        row('Application', view.application?.reference),
        row('Review', d.reviewId ? 'A vetting review of a clearance holder' : null),
      ];
  const decisionRows: Row[] = [
    row('Decision', OUTCOME_LABELS[d.outcome]),
    row('Reasons', d.rationale),
    ...(d.conditions ? [row('Conditions or risk-mitigation plan', d.conditions)] : []),
    ...(d.reasonsForApplicant ? [row('Reasons that may be given to the applicant', d.reasonsForApplicant)] : []),
    row('Decision maker', record.decisionMaker?.name ?? view.decisionMaker),
    row('Date of decision', formatDate(d.decidedOn)),
    row('Appeal rights', record.appealRights?.text ?? appealRights),
  ];
  return {
    record: {
      form: record.form ?? 'Vetting decision record',
      force: record.force ?? '',
      checks: record.checks ?? [],
      adverseInformation: record.adverseInformation ?? [],
      listMatches: record.listMatches ?? [],
    },
    subjectHeading: 'Applicant',
    applicantRows,
    decisionRows,
    outcomeLabel: OUTCOME_LABELS[d.outcome],
  };
}

function reviewRecordModel(view: View, r: ReviewRecord, appealRights: string) {
  const d = view.decision;
  const w = r.withdrawal;
  const review = r.review;
  const subjectRows: Row[] = [
    row('Name', r.subject?.name),
    row('Review', review ? `${review.triggerLabel}, opened ${formatDate(review.openedOn)}` : null),
    row('Source', review?.caseReference ? `Conduct case ${review.caseReference}` : null),
    row(
      'Clearances',
      (r.clearances ?? [])
        .map((c) => `${labelOf(LEVEL_LABELS, c.level)} (${c.status}, granted ${formatDate(c.grantedOn)})`)
        .join('; '),
    ),
  ];
  const decisionRows: Row[] = [
    row('Decision', OUTCOME_LABELS[d.outcome]),
    row('Reasons', d.rationale),
    ...(d.conditions ? [row('Conditions or risk mitigation', d.conditions)] : []),
    ...(w
      ? [
          row('Regulations', w.regulations),
          row('Harm test considered', w.harmTestConsidered ? 'Yes' : 'No'),
          row('Withheld under the harm test', w.withheldUnderHarmTest || 'Nothing'),
          row('Officer told of the assessment', formatDate(w.officerInformedOn)),
          row(
            'Police friend',
            `${w.policeFriend ?? 'None chosen'}${w.policeFriendOffered ? ' (right explained)' : ''}`,
          ),
          row('Reasons for the officer', w.reasonsForOfficer),
        ]
      : []),
    row('Decision maker', r.decisionMaker?.name ?? view.decisionMaker),
    row('Date of decision', formatDate(d.decidedOn)),
    row('Appeal rights', appealRights),
  ];
  return {
    record: {
      form: 'Vetting review decision record',
      force: '',
      checks: (r.checks ?? []).map((c) => ({
        label: labelOf(CHECK_LABELS, c.type),
        resultLabel: labelOf(CHECK_STATUS_LABELS, c.status),
        completedOn: c.completedOn,
        notes: c.notes,
      })),
      adverseInformation: (r.adverseInformation ?? []).map((i) => ({
        ...i,
        typeLabel: labelOf(INFO_TYPE_LABELS, i.type),
        relationLabel: labelOf(RELATION_LABELS, i.relation),
      })),
      listMatches: [],
    },
    subjectHeading: 'Person reviewed',
    applicantRows: subjectRows,
    decisionRows,
    outcomeLabel: OUTCOME_LABELS[d.outcome],
  };
}
