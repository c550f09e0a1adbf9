import { AppError } from '../lib/errors.ts';
import { isIsoDate } from '../features/clocks/iso-date.ts';
import { sweepAllClocks } from '../features/clocks/sweep-clocks.ts';
import { openContext } from './context.ts';
import { ukToday } from '../lib/dates.ts';

/**
 * `probity clocks sweep [--today YYYY-MM-DD]`: marks due and overdue clocks once and starts the next
 * six-monthly report clocks; then vetting's deadlines (its clocks, clearance expiry, renewal reviews). Safe
 * to run from cron on every instance at once (the sweep skips rows another instance holds) and to run again
 * (the second run changes nothing). `--today` replays a given day, for tests and for catching up after an
 * outage; the default is today in the UK.
 */
export async function sweepClocksCommand(o: { today?: string }): Promise<void> {
  if (o.today !== undefined && !isIsoDate(o.today))
    throw new AppError('validation', `--today must be a real date as YYYY-MM-DD, not "${o.today}"`);
  const ctx = await openContext('probity clocks sweep');
  try {
    const today = o.today ?? ukToday(ctx.deps.now());
    const { cases: result, vetting } = await sweepAllClocks(ctx.deps, { today });
    console.log(
      `Clocks swept for ${today}: ${result.markedDue} fell due, ${result.markedOverdue} went overdue, ` +
        `${result.repeatsCreated} further report clocks started, ${result.cancelled} cancelled (case closed), ${result.windowsElapsed} windows elapsed.`,
    );
    console.log(
      `Vetting: ${vetting.renewalReviewsOpened} renewal reviews opened, ${vetting.clearancesExpired} clearances expired, ` +
        `${vetting.markedDue} fell due, ${vetting.markedOverdue} went overdue, ${vetting.windowsElapsed} appeal windows elapsed.`,
    );
  } finally {
    await ctx.close();
  }
}
