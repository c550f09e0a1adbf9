import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { sweepClocks, type SweepResult } from '../clocks/index.ts';
import { sweepComplaintClocks, type ComplaintSweepResult } from '../complaints/index.ts';
import { sweepVettingDeadlines, type VettingSweepResult } from '../vetting/index.ts';

/**
 * The one sweeper over the one clock store: everything `probity clocks sweep` and the scheduler do. Each
 * owner kind sweeps its own rows by its own rules, in batches of one transaction locked FOR UPDATE SKIP
 * LOCKED, and each is counted apart: the case clocks (clocks/sweep-clocks.ts), then public complaints'
 * clocks (complaints/sweep-complaint-clocks.ts), then vetting's deadlines (its clocks, clearance expiry and
 * renewal reviews: vetting/vetting-deadline-sweep.ts). This module sits above the owners, so the clock
 * machinery (features/clocks) depends on none of them. Adding an owner kind is adding its step here, if it
 * needs one: a confidential report's clocks do not (they stay running until the unit's step meets them, the
 * lists judge "overdue" by the date, and reporting's reminder pass, run by the scheduler, tells the unit).
 */
export async function sweepAllClocks(
  deps: Deps,
  options: { today: IsoDate; batchSize?: number },
): Promise<{ cases: SweepResult; complaints: ComplaintSweepResult; vetting: VettingSweepResult }> {
  const batchSize = options.batchSize ?? 200;
  const cases = await sweepClocks(deps, options);
  const complaints = await sweepComplaintClocks(deps, { today: options.today, batchSize });
  const vetting = await sweepVettingDeadlines(deps, { today: options.today, batchSize });
  return { cases, complaints, vetting };
}
