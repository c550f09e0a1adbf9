import { toIso } from '../misconduct/index.ts';

/*
 * Dates as text, cached: the generator writes tens of millions of dates over a few thousand distinct days,
 * and building each through Date and toISOString is where much of its time went.
 */

const isoCache = new Map<number, string>();

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export function isoOf(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = toIso(day);
    isoCache.set(day, text);
  }
  return text;
}

export const isoOrNull = (day: number | null | undefined): string | null =>
  day === null || day === undefined ? null : isoOf(day);

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A UTC timestamp on a day at hour:minute (minutes past 59 carry into the hour; the day never overflows). */
export function at(day: number, hour: number, minute = 0): string {
  const h = Math.min(23, hour + Math.floor(minute / 60));
  const m = h === 23 && hour + Math.floor(minute / 60) > 23 ? 59 : minute % 60;
  return `${isoOf(day)}T${two(h)}:${two(m)}:00.000Z`;
}
