import type { AppealOutcome } from './allegation-types.ts';

/**
 * Conduct Regs reg 45: where the officer admitted the conduct, an appeal may be made only against the
 * outcome (the sanction), not the finding. So an appeal decision after an admission may dismiss the appeal or
 * vary the sanction, but may not overturn the finding. Null when the outcome is allowed.
 */
export function appealAfterAdmissionRefusal(admitted: boolean | undefined, outcome: AppealOutcome): string | null {
  if (!admitted || outcome !== 'finding_overturned') return null;
  return 'The officer admitted the conduct, so the appeal is against the sanction only: dismiss the appeal or vary the sanction; the finding cannot be overturned (Conduct Regs reg 45)';
}
