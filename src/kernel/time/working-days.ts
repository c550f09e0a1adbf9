import type { IsoDate } from './dates.ts';
import { defaultCalendarConfig, isBankHoliday, type CalendarConfig } from './bank-holidays.ts';
import { daysInMonth, fromDayNumber, isWeekend, isoFromParts, parseIsoDate, toDayNumber } from './iso-date.ts';

/**
 * Working-day and calendar arithmetic for statutory limits. The regulations express most limits in
 * "working days" (§2.9 pre-hearing 15 WD, outcome report 5 WD; §2.15 barred/advisory list 5 WD …). A
 * working day is taken to be Monday to Friday except the England and Wales bank and public holidays
 * computed in bank-holidays.ts (which include Christmas Day and Good Friday). The reference does not
 * quote the regulations' definition of "working day" [R — confirm against reg 3 of SI 2020/4].
 *
 * Counting convention (used by every function here and by the deadline table in periods.ts): the day of
 * the triggering event is day 0, and DAY 1 IS THE FIRST WORKING DAY AFTER IT. So "within 5 working days of
 * a notice served on Thursday 17 April 2025" ends on Monday 28 April 2025 (Good Friday and Easter Monday
 * are skipped), and a notice served on a Saturday starts counting on the Monday.
 */

export function isWorkingDay(date: IsoDate, cal: CalendarConfig = defaultCalendarConfig): boolean {
  return !isWeekend(date) && !isBankHoliday(date, cal);
}

/**
 * The date `n` working days after `start` (day 1 = first working day after `start`). `n = 0` returns
 * `start` unchanged, even when it is not a working day. A negative `n` counts back: day −1 is the last
 * working day before `start`.
 */
export function addWorkingDays(start: IsoDate, n: number, cal: CalendarConfig = defaultCalendarConfig): IsoDate {
  assertWholeNumber(n, 'working days');
  let day = toDayNumber(start);
  const step = n < 0 ? -1 : 1;
  for (let remaining = Math.abs(n); remaining > 0;) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), cal)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/** Plain calendar days: `addCalendarDays('2025-01-31', 28)` is '2025-02-28'. */
export function addCalendarDays(start: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'calendar days');
  return fromDayNumber(toDayNumber(start) + n);
}

/**
 * The same day-of-month `n` months later, clamped to the end of a shorter month: 31 January + 1 month is
 * 28 February (29 in a leap year); 29 February 2024 + 12 months is 28 February 2025.
 */
export function addMonths(start: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'months');
  const { year, month, day } = parseIsoDate(start);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Working days from `from` to `to` under the same convention: the count of working days after `from` up to
 * and including `to`, so that `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when `to` is
 * before `from` (−(working days on or after `to` and before `from`)); 0 when they are the same day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: CalendarConfig = defaultCalendarConfig): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = b >= a ? [a + 1, b, 1] : [b, a - 1, -1];
  let count = 0;
  for (let day = lo; day <= hi; day += 1) if (isWorkingDay(fromDayNumber(day), cal)) count += 1;
  return sign * count;
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`The number of ${what} must be a whole number, not ${n}`);
}
