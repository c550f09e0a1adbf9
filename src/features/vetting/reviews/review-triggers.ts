import type { ReviewTrigger } from './open-review-for-trigger.ts';

/**
 * Which conduct events open a vetting review (§4.5: "immediate review" on adverse information and on a
 * misconduct outcome without dismissal; §2.4: the 2025 severity option to refer a matter to the Vetting
 * Regulations). Pure: the use cases of the conduct process call {@link reviewTriggerForAllegationStep} with
 * the action they have just carried out, and open the review inside their own transaction.
 */

/** The part of an allegation action that decides whether vetting must look again. */
export type AllegationStep = { type: string; severity?: string; finding?: string };

/**
 * - a severity assessment of gross misconduct → 'gross_misconduct_assessment';
 * - a severity assessment referring the matter to the Vetting Regulations → 'vetting_referral';
 * - a finding of misconduct or gross misconduct (a former officer's is recorded as "would have been
 *   dismissed", and still opens one: the APP asks for a record of people who left before a withdrawal
 *   assessment concluded) → 'misconduct_finding'.
 * Anything else opens nothing.
 */
export function reviewTriggerForAllegationStep(step: AllegationStep): ReviewTrigger | null {
  if (step.type === 'assess_severity') {
    if (step.severity === 'gross_misconduct') return 'gross_misconduct_assessment';
    if (step.severity === 'vetting_referral') return 'vetting_referral';
    return null;
  }
  if (step.type === 'record_finding')
    return step.finding === 'misconduct' || step.finding === 'gross_misconduct' ? 'misconduct_finding' : null;
  return null;
}

/** A step in criminal proceedings that opens a review: being charged (§4.5 criminal allegation/arrest/bail). */
export function reviewTriggerForCriminalEvent(kind: string): ReviewTrigger | null {
  return kind === 'charge' ? 'criminal_charge' : null;
}

/** The words the vetting unit sees for each trigger (never shown to other roles). */
export const TRIGGER_LABELS: Record<ReviewTrigger, string> = {
  renewal: 'Renewal due',
  annual: 'Annual integrity review',
  random: 'Random re-vetting',
  adverse_information: 'Adverse information',
  change_of_circumstances: 'Change of circumstances declared',
  gross_misconduct_assessment: 'Gross misconduct assessment',
  misconduct_finding: 'Finding of misconduct',
  vetting_referral: 'Referred under the Vetting Regulations',
  restriction_imposed: 'Duties restricted or suspended',
  criminal_charge: 'Criminal charge',
  transfer_in: 'Transfer in',
  role_change: 'Role change',
};
