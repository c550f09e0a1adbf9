import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import { withdrawClearance, type ClearanceRow } from '../reviews/review-file.repository.ts';
import { cancelVettingClocks, startVettingClock } from '../vetting-clocks.ts';

/**
 * The effects of a withdrawal (Police (Vetting) Regulations 2025, Part 3; APP 2025: terminate clearances
 * that are withdrawn): every live clearance of the person ends as 'withdrawn' on the decision date, pointing
 * at the decision (so an upheld appeal can reinstate it), its renewal clocks are cancelled, and the officer's
 * own appeal window (`vetting_withdrawal_appeal`) starts on the decision. Returns the ids of the clearances withdrawn.
 */
export async function withdrawClearances(
  tx: Db,
  deps: Deps,
  input: { clearances: ClearanceRow[]; decisionId: string; personId: string; on: string },
): Promise<string[]> {
  const forceId = input.clearances[0]?.forceId;
  if (!forceId) return [];
  for (const c of input.clearances) {
    await withdrawClearance(tx, c, {
      on: input.on,
      reason: 'Withdrawn after a vetting review',
      decisionId: input.decisionId,
    });
    await cancelVettingClocks(tx, { forceId, subjectKey: `clearance:${c.id}`, on: input.on });
  }
  await startVettingClock(tx, deps, {
    forceId,
    personId: input.personId,
    subjectKey: `decision:${input.decisionId}`,
    period: 'vetting_withdrawal_appeal',
    startOn: input.on,
  });
  return input.clearances.map((c) => c.id);
}
