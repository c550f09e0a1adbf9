import { caseTypes } from '../../db/schema/index.ts';

/**
 * The words and groupings of the oversight tables, from an allegation's track (misconduct/rules): its
 * outcome, its proceedings and sanction. Pure, so every table groups an allegation the same way.
 */

export const CASE_TYPE_LABELS: Record<(typeof caseTypes)[number], string> = {
  conduct_matter: 'Conduct matter',
  recordable_conduct_matter: 'Recordable conduct matter',
  complaint_special_procedures: 'Complaint (special procedures)',
};
export const CASE_TYPES = caseTypes;

export const OUTCOMES = [
  'not_finalised',
  'no_case',
  'referred_to_vetting',
  'reflective_practice',
  'no_case_to_answer',
  'case_to_answer_no_proceedings',
  'withdrawn',
  'not_proven',
  'misconduct_proven',
  'gross_misconduct_proven',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  not_finalised: 'Not yet finalised',
  no_case: 'No case (assessed as neither misconduct nor gross misconduct)',
  referred_to_vetting: 'Referred to the vetting process',
  reflective_practice: 'Reflective practice (RPRP)',
  no_case_to_answer: 'No case to answer',
  case_to_answer_no_proceedings: 'Case to answer, no proceedings (no further action or performance)',
  withdrawn: 'Proceedings withdrawn',
  not_proven: 'Proceedings: not proven',
  misconduct_proven: 'Proceedings: misconduct proven',
  gross_misconduct_proven: 'Proceedings: gross misconduct proven',
};

export type TrackFacts = {
  state: string;
  severity: string | null;
  caseToAnswer: string | null;
  form: string | null;
  finding: string | null;
  /** Whether the allegation ever went to reflective practice (from its events). */
  rprp: boolean;
};

/** What became of an allegation. An open allegation is "not yet finalised", whatever it has reached. */
export function outcomeOf(t: TrackFacts): Outcome {
  if (t.state !== 'closed') return 'not_finalised';
  if (t.finding === 'gross_misconduct' || t.finding === 'would_have_been_dismissed') return 'gross_misconduct_proven';
  if (t.finding === 'misconduct') return 'misconduct_proven';
  if (t.finding === 'not_proven') return 'not_proven';
  if (t.rprp) return 'reflective_practice';
  if (t.form) return 'withdrawn';
  if (t.severity === 'vetting_referral') return 'referred_to_vetting';
  if (t.caseToAnswer === 'no_case') return 'no_case_to_answer';
  if (t.caseToAnswer === 'misconduct' || t.caseToAnswer === 'gross_misconduct') return 'case_to_answer_no_proceedings';
  return 'no_case';
}

export const FORMS = ['meeting', 'hearing', 'accelerated_hearing'] as const;
export type Form = (typeof FORMS)[number];
export const FORM_LABELS: Record<Form, string> = {
  meeting: 'Misconduct meeting',
  hearing: 'Misconduct hearing',
  accelerated_hearing: 'Accelerated hearing',
};

/** Sanctions as the tables list them; a former officer's gross misconduct is "would have been dismissed" (§2.14). */
export const SANCTION_ROWS = [
  'written_warning',
  'final_written_warning',
  'reduction_in_rank',
  'dismissal_without_notice',
  'would_have_been_dismissed',
] as const;
export type SanctionRow = (typeof SANCTION_ROWS)[number];
export const SANCTION_LABELS: Record<SanctionRow, string> = {
  written_warning: 'Written warning',
  final_written_warning: 'Final written warning',
  reduction_in_rank: 'Reduction in rank',
  dismissal_without_notice: 'Dismissal without notice',
  would_have_been_dismissed: 'Would have been dismissed (former officer)',
};

export function sanctionRowOf(sanction: string | null, finding: string | null): SanctionRow | null {
  if (finding === 'would_have_been_dismissed') return 'would_have_been_dismissed';
  return (SANCTION_ROWS as readonly string[]).includes(sanction ?? '') ? (sanction as SanctionRow) : null;
}

export const FINDINGS = ['not_proven', 'misconduct', 'gross_misconduct'] as const;
export const FINDING_LABELS: Record<(typeof FINDINGS)[number], string> = {
  not_proven: 'Not proven',
  misconduct: 'Misconduct',
  gross_misconduct: 'Gross misconduct',
};

export function findingRowOf(finding: string | null): (typeof FINDINGS)[number] | null {
  if (finding === 'would_have_been_dismissed') return 'gross_misconduct';
  return (FINDINGS as readonly string[]).includes(finding ?? '') ? (finding as (typeof FINDINGS)[number]) : null;
}

export const CASE_TO_ANSWER_ROWS = ['no_case', 'misconduct', 'gross_misconduct'] as const;
export const CASE_TO_ANSWER_LABELS: Record<(typeof CASE_TO_ANSWER_ROWS)[number], string> = {
  no_case: 'No case to answer',
  misconduct: 'Case to answer: misconduct',
  gross_misconduct: 'Case to answer: gross misconduct',
};

export const PERSON_TYPE_LABELS: Record<string, string> = {
  officer: 'Police officers',
  special: 'Special constables',
  staff: 'Police staff',
  volunteer: 'Volunteers',
};
