import { WINDOW_PERIODS, type PeriodKey } from '../../kernel/time/periods.ts';

export type DisplayedClockState = 'running' | 'due' | 'overdue' | 'met' | 'elapsed' | 'cancelled' | (string & {});

/**
 * The state a page shows for a clock today. The sweeper moves states once a day, so until it has run a live
 * clock whose day has come is shown as it really is. A window (the officer's or complainant's time, a warning
 * in force) is nobody's duty: once its last day has passed it has elapsed — never due, never overdue — as the
 * sweeper records it (`met`).
 */
export function displayedClockState(
  clock: { state: string; dueOn: string; period: PeriodKey | null },
  today: string,
): DisplayedClockState {
  const live = clock.state === 'running' || clock.state === 'due';
  if (clock.period && WINDOW_PERIODS.has(clock.period)) {
    if (clock.state === 'met' || (live && clock.dueOn < today)) return 'elapsed';
    return live ? 'running' : clock.state;
  }
  if (live && clock.dueOn < today) return 'overdue';
  if (live && clock.dueOn === today) return 'due';
  return clock.state;
}

export type DueTag = { text: string; classes: string };

/** "Overdue by 3 days" (red), "Due today" (orange), "Due in 2 days" (yellow this week, grey after). */
export function dueTag(daysUntilDue: number): DueTag {
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (daysUntilDue < 0) return { text: `Overdue by ${days(-daysUntilDue)}`, classes: 'govuk-tag--red' };
  if (daysUntilDue === 0) return { text: 'Due today', classes: 'govuk-tag--orange' };
  return { text: `Due in ${days(daysUntilDue)}`, classes: daysUntilDue <= 6 ? 'govuk-tag--yellow' : 'govuk-tag--grey' };
}
