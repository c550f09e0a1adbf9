import type { Deps } from '../../kernel/deps.ts';
import { formatDate, type IsoDate } from '../../kernel/time/dates.ts';
import { PERIOD_DEFINITIONS, WINDOW_PERIODS, type PeriodKey } from '../../kernel/time/periods.ts';
import { addWorkingDays } from '../../kernel/time/working-days.ts';
import { appropriateAuthoritiesOf, reminderCandidates, type ReminderCandidate } from './notifications.repository.ts';
import { notifyUsers } from './notify.ts';
import { reminderStage, type ReminderStage } from './reminder-stage.ts';

/** The review clocks of a suspension or restriction (restrictions/restriction-clocks.ts). */
const RESTRICTION_REVIEW_PERIODS: ReadonlySet<string> = new Set(['suspension_review', 'restriction_review']);

export type ReminderResult = { reminders: number; overdue: number; escalations: number };

/**
 * The reminder pass, run by the scheduler after each sweep: every live duty clock at a reminder point today
 * tells the person responsible (the clock's owner, else the case lead) in the app and by e-mail; one
 * overdue for longer than the escalation point tells the force's appropriate authorities. Each (clock,
 * stage, recipient) is sent once — the dedupe keys make a second run, or a second instance, a no-op.
 */
export async function enqueueClockReminders(
  deps: Deps,
  o: { today: IsoDate; batchSize?: number },
): Promise<ReminderResult> {
  const { workingDaysBefore, escalationWorkingDays } = deps.config.reminders;
  const calendar = deps.config.rules.calendar;
  const furthest = Math.max(0, ...workingDaysBefore);
  const dueOnOrBefore = addWorkingDays(o.today, furthest, calendar);
  const result: ReminderResult = { reminders: 0, overdue: 0, escalations: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await reminderCandidates(deps.db, {
      dueOnOrBefore,
      windows: [...WINDOW_PERIODS],
      afterClockId: after,
      limit: o.batchSize ?? 200,
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1]?.clock_id ?? null;
    await deps.db.transaction(async (tx) => {
      for (const clock of batch) {
        const stage = reminderStage(
          { dueOn: clock.due_on, today: o.today, workingDaysBefore, escalationWorkingDays },
          calendar,
        );
        if (!stage) continue;
        const escalate = stage.kind === 'escalation';
        const to = escalate ? await appropriateAuthoritiesOf(tx, clock.force_id) : [clock.responsible_user_id];
        // A restriction's review (reg 11 for a suspension) is its own kind of notice, to whoever decided it.
        const review = RESTRICTION_REVIEW_PERIODS.has(clock.period);
        const told = await notifyUsers(tx, deps, to, {
          kind: escalate
            ? 'clock_escalation'
            : review
              ? 'restriction_review_due'
              : stage.kind === 'overdue'
                ? 'clock_overdue'
                : 'clock_reminder',
          subject: { type: 'case', id: clock.case_id, reference: clock.case_reference },
          message: reminderMessage(clock, stage),
          path: `/cases/${clock.case_id}`,
          dedupeKey: `clock:${clock.clock_id}:${stage.key}`,
        });
        if (told === 0) continue;
        if (stage.kind === 'before') result.reminders += 1;
        else if (stage.kind === 'overdue') result.overdue += 1;
        else result.escalations += 1;
      }
    });
  }
}

function reminderMessage(clock: ReminderCandidate, stage: ReminderStage): string {
  const label = clock.period in PERIOD_DEFINITIONS ? PERIOD_DEFINITIONS[clock.period as PeriodKey].label : clock.period;
  const due = formatDate(clock.due_on);
  const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;
  switch (stage.kind) {
    case 'before':
      return stage.workingDays === 0
        ? `${clock.case_reference}: “${label}” is due today (${due}).`
        : `${clock.case_reference}: “${label}” is due on ${due}, within ${days(stage.workingDays)}.`;
    case 'overdue':
      return `${clock.case_reference}: “${label}” was due on ${due} and is overdue by ${days(stage.workingDaysOverdue)}.`;
    case 'escalation':
      return `${clock.case_reference}: “${label}” was due on ${due} and is overdue by ${days(stage.workingDaysOverdue)}. Escalated to the appropriate authority.`;
  }
}
