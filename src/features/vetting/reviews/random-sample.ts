import type { IsoDate } from '../../../kernel/time/dates.ts';

/**
 * The sample for randomised re-vetting (§4.5 "mandatory randomised re-vetting" (College of Policing vetting guidance)), pure and
 * deterministic: the same people, percentage and seed always give the same sample, so a run can be
 * repeated or audited, and repeating it opens nothing new. The percentage is force policy.
 */

/** How many of `population` a `percent` sample takes: rounded up, so any non-empty population gives at least one. */
export function sampleSize(population: number, percent: number): number {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100)
    throw new RangeError(`The percentage must be more than 0 and at most 100, not ${percent}`);
  return Math.min(population, Math.ceil((population * percent) / 100));
}

/** The default seed for a day: the date's digits (2026-03-27 → 20260327), so one day's sample is stable. */
export function seedForDate(on: IsoDate): number {
  return Number(on.replaceAll('-', ''));
}

/** mulberry32: a small, well-known 32-bit generator; plenty for choosing a sample, not for secrets. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A `percent` sample of `ids`, chosen by a seeded partial Fisher–Yates shuffle over the ids in sorted order
 * (so the order the database returned them in does not matter). Returned sorted.
 */
export function randomSample(ids: readonly string[], percent: number, seed: number): string[] {
  const pool = [...new Set(ids)].sort();
  const n = sampleSize(pool.length, percent);
  const next = generator(seed);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, n).sort();
}
