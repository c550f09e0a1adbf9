import { AppError } from '../kernel/errors.ts';
import { isIsoDate } from '../kernel/time/iso-date.ts';
import { createMailer } from '../features/notifications/mailer.ts';
import { runSweep } from '../features/scheduler/scheduler.ts';
import { openContext } from './context.ts';
import { ukToday } from '../kernel/time/dates.ts';

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
    // The same run as the in-server scheduler's: the clocks, then the day's reminders, then the e-mail.
    const mailer = createMailer(ctx.config.mail);
    const deps = o.today === undefined ? ctx.deps : { ...ctx.deps, now: () => new Date(`${today}T12:00:00Z`) };
    const {
      cases: result,
      complaints,
      vetting,
      reminders,
      vettingReviewReminders: vr,
      reportReminders: rr,
      mail,
    } = await runSweep(deps, mailer).finally(() => mailer?.close());
    console.log(
      `Clocks swept for ${today}: ${result.markedDue} fell due, ${result.markedOverdue} went overdue, ` +
        `${result.repeatsCreated} further report clocks started, ${result.cancelled} cancelled (case closed), ${result.windowsElapsed} windows elapsed.`,
    );
    console.log(
      `Complaints: ${complaints.markedDue} fell due, ${complaints.markedOverdue} went overdue, ` +
        `${complaints.windowsElapsed} review windows elapsed.`,
    );
    console.log(
      `Vetting: ${vetting.renewalReviewsOpened} renewal reviews opened, ${vetting.clearancesExpired} clearances expired, ` +
        `${vetting.markedDue} fell due, ${vetting.markedOverdue} went overdue, ${vetting.windowsElapsed} appeal windows elapsed.`,
    );
    console.log(
      `Reminders: ${reminders.reminders} before due, ${reminders.overdue} overdue, ${reminders.escalations} escalated; ` +
        `vetting reviews: ${vr.reminders} before due, ${vr.overdue} overdue, ${vr.escalations} escalated; ` +
        `confidential reports: ${rr.reminders} before due, ${rr.overdue} overdue, ${rr.escalations} escalated; ` +
        `e-mail: ${mail.sent} sent, ${mail.retrying} to retry, ${mail.failed} failed.`,
    );
  } finally {
    await ctx.close();
  }
}
