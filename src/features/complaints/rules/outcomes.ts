import type { Mark } from './eligibility.ts';

/**
 * The IOPC's outcome vocabulary for allegations (its complaints statistics and data-capture guidance), as a
 * table. The three "service" results are read in the IOPC tables; the action labels follow its published
 * list, whose exact wording was not retrieved, so they carry [R] and are configuration: a deployment may
 * relabel or retire them once checked against the IOPC's guidance.
 */
export type OutcomeEntry = {
  code: string;
  label: string;
  /** 'result' answers "was the service acceptable"; 'action' is something done to put things right. */
  kind: 'result' | 'action';
  /** Only after an investigation (special procedures / reflective practice). */
  mark: Mark;
};

export const defaultOutcomes: readonly OutcomeEntry[] = Object.freeze([
  { code: 'service_acceptable', label: 'The service provided was acceptable', kind: 'result', mark: 'V' },
  { code: 'service_not_acceptable', label: 'The service provided was not acceptable', kind: 'result', mark: 'V' },
  { code: 'no_further_action', label: 'Looked into, and no further action', kind: 'result', mark: 'V' },
  {
    code: 'unable_to_determine',
    label: 'Unable to determine whether the service was acceptable',
    kind: 'result',
    mark: 'R',
  },
  { code: 'apology', label: 'Apology', kind: 'action', mark: 'R' },
  { code: 'explanation', label: 'Explanation or information given', kind: 'action', mark: 'R' },
  { code: 'learning_individual', label: 'Learning for an individual', kind: 'action', mark: 'R' },
  { code: 'learning_organisation', label: 'Learning for the organisation', kind: 'action', mark: 'R' },
  { code: 'practice_requiring_improvement', label: 'Practice requiring improvement', kind: 'action', mark: 'V' },
  {
    code: 'reflective_practice',
    label: 'Referred to the reflective practice review process',
    kind: 'action',
    mark: 'V',
  },
  { code: 'misconduct_proceedings', label: 'Referred to misconduct proceedings', kind: 'action', mark: 'V' },
  {
    code: 'performance_proceedings',
    label: 'Referred to unsatisfactory performance procedures',
    kind: 'action',
    mark: 'R',
  },
  { code: 'criminal_referral', label: 'Referred to the Crown Prosecution Service', kind: 'action', mark: 'R' },
  { code: 'policy_change', label: 'Change of policy or procedure', kind: 'action', mark: 'R' },
  { code: 'remedy', label: 'Other action to remedy the dissatisfaction', kind: 'action', mark: 'R' },
]);

export const OUTCOME_CODES = defaultOutcomes.map((o) => o.code);

export function outcomeLabel(code: string): string {
  return defaultOutcomes.find((o) => o.code === code)?.label ?? code;
}
