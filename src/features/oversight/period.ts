import { z } from 'zod';
import type { IsoDate } from '../../kernel/time/dates.ts';

/**
 * Reporting periods (uk-domain.md §6.6): the financial year runs April to March, quarters are April–June,
 * July–September, October–December and January–March. Figures are counted by the date a case or allegation
 * was FINALISED (as the Home Office and the IOPC publish) or, selectable, by the date it was RECEIVED (came
 * to the appropriate authority's attention, as the Casey review counted). Pure: no clock, no database.
 */

export const BASES = ['finalised', 'received'] as const;
export type Basis = (typeof BASES)[number];
export type Quarter = 1 | 2 | 3 | 4;

export type ReportingPeriod = {
  /** The calendar year the financial year starts in: 2025 is 2025/26 (1 April 2025 to 31 March 2026). */
  fy: number;
  quarter: Quarter | null;
  basis: Basis;
  from: IsoDate;
  to: IsoDate;
  /** "2025/26" or "2025/26, quarter 1 (April to June 2025)". */
  label: string;
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The financial year a day falls in. */
export function financialYearOf(day: IsoDate): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** "2025/26". */
export function financialYearLabel(fy: number): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const iso = (year: number, month: number, day: number): IsoDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The first and last day of a financial year, or of one of its quarters. */
export function periodDates(fy: number, quarter: Quarter | null): { from: IsoDate; to: IsoDate } {
  if (quarter === null) return { from: iso(fy, 4, 1), to: iso(fy + 1, 3, 31) };
  const startMonth = (((quarter - 1) * 3 + 3) % 12) + 1; // 1 → April, 2 → July, 3 → October, 4 → January
  const year = quarter === 4 ? fy + 1 : fy;
  const endMonth = startMonth + 2;
  return { from: iso(year, startMonth, 1), to: iso(year, endMonth, lastDayOfMonth(year, endMonth)) };
}

export function reportingPeriod(fy: number, quarter: Quarter | null, basis: Basis): ReportingPeriod {
  const { from, to } = periodDates(fy, quarter);
  const fyLabel = financialYearLabel(fy);
  if (quarter === null) return { fy, quarter, basis, from, to, label: fyLabel };
  const first = MONTHS[Number(from.slice(5, 7)) - 1];
  const last = MONTHS[Number(to.slice(5, 7)) - 1];
  return {
    fy,
    quarter,
    basis,
    from,
    to,
    label: `${fyLabel}, quarter ${quarter} (${first} to ${last} ${to.slice(0, 4)})`,
  };
}

/** The day figures "as at" the period are taken on: its last day, or today while it is still running. */
export function asAtDay(period: ReportingPeriod, today: IsoDate): IsoDate {
  return period.to < today ? period.to : today;
}

/** The earliest financial year a period may be asked for: imported history reaches back decades. */
export const EARLIEST_FINANCIAL_YEAR = 1900;

/**
 * The financial years offered for selection, newest first: the current one and the `count - 1` before it, or
 * back to the year of the force's earliest record (`earliestDay`, e.g. imported history) when that is older.
 */
export function selectableYears(today: IsoDate, earliestDay: IsoDate | null = null, count = 6): number[] {
  const current = financialYearOf(today);
  const oldest = Math.max(
    EARLIEST_FINANCIAL_YEAR,
    Math.min(current - count + 1, earliestDay ? financialYearOf(earliestDay) : current),
  );
  return Array.from({ length: current - oldest + 1 }, (_, i) => current - i);
}

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The period query of the dashboard, exports and API: `fy`, `quarter` and `basis`, all optional. */
export function periodQuerySchema(today: IsoDate) {
  const current = financialYearOf(today);
  return z.object({
    fy: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'Choose a financial year' })
        .int('Choose a financial year')
        .min(EARLIEST_FINANCIAL_YEAR, `Choose a financial year from ${financialYearLabel(EARLIEST_FINANCIAL_YEAR)}`)
        .max(current, `Choose a financial year up to ${financialYearLabel(current)}`)
        .default(current),
    ),
    quarter: z.preprocess(
      blankToUndefined,
      z.enum(['1', '2', '3', '4'], { message: 'Choose a quarter from 1 to 4, or the whole year' }).optional(),
    ),
    basis: z.preprocess(
      blankToUndefined,
      z.enum(BASES, { message: 'Choose whether to count by date finalised or date received' }).default('finalised'),
    ),
  });
}

export type PeriodQuery = { fy?: unknown; quarter?: unknown; basis?: unknown };

export function periodFromInput(input: {
  fy: number;
  quarter?: '1' | '2' | '3' | '4' | undefined;
  basis: Basis;
}): ReportingPeriod {
  return reportingPeriod(input.fy, input.quarter ? (Number(input.quarter) as Quarter) : null, input.basis);
}
