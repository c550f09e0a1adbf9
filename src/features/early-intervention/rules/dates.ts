import type { IsoDate } from '../../../kernel/time/dates.ts';

/** Calendar arithmetic on YYYY-MM-DD dates (UTC midnight, so no daylight-saving hour moves a day). */
export function addDays(on: IsoDate, days: number): IsoDate {
  const d = new Date(`${on}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole years from `from` to `on` (a birthday-style count: 2020-03-01 → 2026-02-28 is 5). */
export function wholeYears(from: IsoDate, on: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
