import { z } from 'zod';
import type { IsoDate } from './dates.ts';
import {
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isoFromParts,
  isWeekend,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
} from './iso-date.ts';

/**
 * Bank holidays in England and Wales, computed for any year rather than copied from a list, because
 * working-day limits in the conduct regime (§2.18 "working-day calendar (England & Wales bank holidays)
 * for all working-day limits") must work for deadlines years ahead and for cases years old.
 *
 * The recurring days (Banking and Financial Dealings Act 1971 and royal proclamations, plus Good Friday
 * and Christmas Day, which are common-law holidays) are: New Year's Day, Good Friday, Easter Monday, the
 * first Monday in May (since 1978), the last Mondays in May and August, Christmas Day and Boxing Day, with
 * a weekday substitute when New Year's Day, Christmas Day or Boxing Day falls on a weekend. One-off days and moved days are made by proclamation, so they are CONFIGURATION
 * ({@link CalendarConfig}) with {@link defaultCalendarConfig} holding the ones already proclaimed:
 * when the next one is proclaimed, a deployment adds it without a code change.
 *
 * Rules are applied from 1978 (the first year of the Early May bank holiday); earlier years throw.
 */

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/** A proclaimed one-off bank holiday (jubilee, royal wedding, state funeral…). */
export interface ExtraBankHoliday {
  date: IsoDate;
  name: string;
}

/** A recurring bank holiday moved by proclamation (e.g. Early May 2020 moved to VE Day, Friday 8 May). */
export interface MovedBankHoliday {
  /** The date the recurring rule would give; must be a computed bank holiday or the config is rejected. */
  from: IsoDate;
  to: IsoDate;
  /** Replacement name, if the proclamation renamed it. */
  name?: string;
}

export interface CalendarConfig {
  add: readonly ExtraBankHoliday[];
  move: readonly MovedBankHoliday[];
}

export const FIRST_SUPPORTED_YEAR = 1978;
export const LAST_SUPPORTED_YEAR = 9999;

/** One-off and moved bank holidays proclaimed for England and Wales (as published on GOV.UK). */
export const defaultCalendarConfig: CalendarConfig = Object.freeze({
  add: Object.freeze([
    { date: '1981-07-29', name: 'Royal wedding of the Prince of Wales' },
    { date: '1999-12-31', name: 'Millennium bank holiday' },
    { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
    { date: '2011-04-29', name: 'Royal wedding' },
    { date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
    { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
    { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
    { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
  ]),
  move: Object.freeze([
    { from: '1995-05-01', to: '1995-05-08', name: 'Early May bank holiday (VE Day)' },
    { from: '2002-05-27', to: '2002-06-04' },
    { from: '2012-05-28', to: '2012-06-04' },
    { from: '2020-05-04', to: '2020-05-08', name: 'Early May bank holiday (VE Day)' },
    { from: '2022-05-30', to: '2022-06-02' },
  ]),
});

export default defaultCalendarConfig;

const isoDateSchema = z.string().refine(isIsoDate, { message: 'Enter a real date as YYYY-MM-DD' });

/** Validates calendar configuration read from a file or the database. */
export const calendarConfigSchema = z.strictObject({
  add: z.array(z.strictObject({ date: isoDateSchema, name: z.string().trim().min(1) })),
  move: z.array(
    z
      .strictObject({ from: isoDateSchema, to: isoDateSchema, name: z.string().trim().min(1).optional() })
      .refine((m) => m.from.slice(0, 4) === m.to.slice(0, 4), {
        message: 'A bank holiday can only be moved within its year',
      }),
  ),
});

export function parseCalendarConfig(raw: unknown): CalendarConfig {
  const parsed = calendarConfigSchema.parse(raw);
  return {
    add: parsed.add,
    move: parsed.move.map((m) =>
      m.name === undefined ? { from: m.from, to: m.to } : { from: m.from, to: m.to, name: m.name },
    ),
  };
}

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoFromParts(year, month, day);
}

/** The bank holidays of one year, in date order, after applying the configured moves and additions. */
export function bankHolidays(year: number, cal: CalendarConfig = defaultCalendarConfig): readonly BankHoliday[] {
  assertYear(year);
  const days = recurringBankHolidays(year);
  for (const move of cal.move) {
    if (Number(move.from.slice(0, 4)) !== year) continue;
    const index = days.findIndex((h) => h.date === move.from);
    const moved = days[index];
    if (!moved)
      throw new RangeError(`Calendar configuration moves ${move.from}, which is not a bank holiday by the usual rules`);
    days[index] = { date: move.to, name: move.name ?? moved.name };
  }
  for (const extra of cal.add) {
    if (Number(extra.date.slice(0, 4)) === year && !days.some((h) => h.date === extra.date))
      days.push({ date: extra.date, name: extra.name });
  }
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const cache = new WeakMap<CalendarConfig, Map<number, ReadonlySet<IsoDate>>>();

/** Cached per configuration object and year: treat a CalendarConfig as immutable once in use. */
export function bankHolidayDates(year: number, cal: CalendarConfig = defaultCalendarConfig): ReadonlySet<IsoDate> {
  let byYear = cache.get(cal);
  if (!byYear) cache.set(cal, (byYear = new Map<number, ReadonlySet<IsoDate>>()));
  let dates = byYear.get(year);
  if (!dates) byYear.set(year, (dates = new Set(bankHolidays(year, cal).map((h) => h.date))));
  return dates;
}

export function isBankHoliday(date: IsoDate, cal: CalendarConfig = defaultCalendarConfig): boolean {
  return bankHolidayDates(parseIsoDate(date).year, cal).has(date);
}

function recurringBankHolidays(year: number): BankHoliday[] {
  const easter = toDayNumber(easterSunday(year));
  const days: BankHoliday[] = [
    newYearsDay(year),
    { date: fromDayNumber(easter - 2), name: 'Good Friday' },
    { date: fromDayNumber(easter + 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
  ];
  // Christmas and Boxing Day: a day that falls on a weekday stays put; a weekend one moves to the
  // next weekday not already taken (25 Sat → Mon 27 and Tue 28; 25 Sun → Boxing Mon 26, Christmas Tue 27).
  const christmas = isoFromParts(year, 12, 25);
  const boxing = isoFromParts(year, 12, 26);
  const taken = new Set<IsoDate>([christmas, boxing].filter((d) => !isWeekend(d)));
  for (const [date, name] of [
    [christmas, 'Christmas Day'],
    [boxing, 'Boxing Day'],
  ] as const) {
    if (!isWeekend(date)) {
      days.push({ date, name });
    } else {
      const substitute = nextWeekday(date, taken);
      taken.add(substitute);
      days.push({ date: substitute, name: `${name} (substitute day)` });
    }
  }
  return days;
}

function newYearsDay(year: number): BankHoliday {
  const date = isoFromParts(year, 1, 1);
  return isWeekend(date)
    ? { date: nextWeekday(date, new Set()), name: "New Year's Day (substitute day)" }
    : { date, name: "New Year's Day" };
}

/** The date itself if it is a weekday not in `taken`, otherwise the next such day. */
function nextWeekday(date: IsoDate, taken: ReadonlySet<IsoDate>): IsoDate {
  let n = toDayNumber(date);
  while (isWeekend(fromDayNumber(n)) || taken.has(fromDayNumber(n))) n += 1;
  return fromDayNumber(n);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = isoFromParts(year, month, 1);
  return fromDayNumber(toDayNumber(first) + ((8 - weekdayOf(first)) % 7));
}

function lastMonday(year: number, month: number): IsoDate {
  const last = isoFromParts(year, month, daysInMonth(year, month));
  return fromDayNumber(toDayNumber(last) - ((weekdayOf(last) + 6) % 7));
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Bank holidays are computed for ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}, not ${year}`);
  }
}
