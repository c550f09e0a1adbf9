import type { adverseRelations } from '../../../db/schema/index.ts';
import type { ReviewOutcome } from '../decisions/decision-rules.ts';

/** Words for the review pages (§4.3 checks, §4.6 adverse information), shared by pages and the decision record. */

// The same words as applications use, so a check reads the same on every vetting page.
export {
  CHECK_LABELS as CHECK_TYPE_LABELS,
  CHECK_STATUS_LABELS,
  INFO_TYPE_LABELS as ADVERSE_TYPE_LABELS,
} from '../vetting-labels.ts';
export { LEVEL_LABELS } from '../vetting-levels.ts';

export const RELATION_LABELS: Record<(typeof adverseRelations)[number], string> = {
  self: 'The person themself',
  family: 'A family member',
  associate: 'An associate',
};

export const OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  maintain: 'Maintain the clearance',
  maintain_with_conditions: 'Maintain the clearance with conditions',
  withdraw: 'Withdraw the clearance (Police (Vetting) Regulations 2025)',
};

/** "1 (low)" … "5 (high)" for severity and credibility. */
export const SCALE = [1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  text: n === 1 ? '1 (low)' : n === 5 ? '5 (high)' : String(n),
}));
