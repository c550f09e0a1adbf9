import type { CalendarConfig } from '../../kernel/time/bank-holidays.ts';
import { workingDaysBetween } from '../../kernel/time/working-days.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';

/** Where a deadline stands for reminders: before its due date (at a configured point), overdue, escalated. */
export type ReminderStage =
  | { kind: 'before'; workingDays: number; key: string }
  | { kind: 'overdue'; workingDaysOverdue: number; key: 'overdue' }
  | { kind: 'escalation'; workingDaysOverdue: number; key: 'escalation' };

/**
 * The one stage a clock is in today, or null before its first reminder point. Only the current stage is
 * sent: a clock found already overdue is not also reminded of the points it passed. The points are working
 * days before the due date (configuration, PROBITY_REMINDER_WORKING_DAYS; 0 = on the day); escalation comes
 * after PROBITY_ESCALATION_WORKING_DAYS working days overdue (local practice, not a regulation).
 */
export function reminderStage(
  o: { dueOn: IsoDate; today: IsoDate; workingDaysBefore: readonly number[]; escalationWorkingDays: number },
  calendar?: CalendarConfig,
): ReminderStage | null {
  if (o.dueOn < o.today) {
    const late = -workingDaysBetween(o.today, o.dueOn, calendar);
    return late >= o.escalationWorkingDays
      ? { kind: 'escalation', workingDaysOverdue: late, key: 'escalation' }
      : { kind: 'overdue', workingDaysOverdue: late, key: 'overdue' };
  }
  const left = workingDaysBetween(o.today, o.dueOn, calendar);
  const points = [...o.workingDaysBefore].filter((p) => p >= left).sort((a, b) => a - b);
  const point = points[0];
  return point === undefined ? null : { kind: 'before', workingDays: point, key: `before-${point}` };
}
