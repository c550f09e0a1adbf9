import * as ref from './demo-reference-data.ts';
import type { Career, PersonType, Rng } from './demo-organisation.ts';

/**
 * Collar numbers for the demo force: each officer or special holds one number at a time, a promotion to
 * sergeant brings a number from the sergeants' block, and a released number may be issued again later.
 */
type CollarBlock = keyof typeof ref.collarRanges;
export type Holding = { person: number; block: CollarBlock; from: number; to: number | null; value?: string };

/** Collar numbers the officer held: sergeants in this force take a number from the sergeants' block. */
export function collarHoldings(person: number, type: PersonType, career: Career): Holding[] {
  const { start: from, end: to } = career;
  if (type === 'special') return [{ person, block: 'special', from, to }];
  if (type !== 'officer') return [];
  const promotedOn = career.slots.find((s) => s.rankIndex >= 1)?.from;
  if (promotedOn === undefined) return [{ person, block: 'constable', from, to }];
  if (promotedOn === from) return [{ person, block: 'sergeant', from, to }];
  return [
    { person, block: 'constable', from, to: promotedOn - 1 },
    { person, block: 'sergeant', from: promotedOn, to },
  ];
}

/** Issues numbers in date order so a number released by a leaver or a promotion can go to someone later. */
export function allocateCollars(rng: Rng, holdings: Holding[]): void {
  const numbers = (lo: number, hi: number): string[] =>
    rng.faker.helpers.shuffle(Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i)));
  const fresh = new Map<CollarBlock, string[]>();
  const released = new Map<CollarBlock, { value: string; day: number }[]>();
  const widened = new Set<CollarBlock>();
  for (const [block, [lo, hi]] of Object.entries(ref.collarRanges) as [CollarBlock, readonly [number, number]][]) {
    fresh.set(block, numbers(lo, hi));
    released.set(block, []);
  }
  const order = holdings.map((h, i) => ({ h, i })).sort((a, b) => a.h.from - b.h.from || a.i - b.i);
  for (const { h } of order) {
    const unused = fresh.get(h.block) ?? [];
    const free = released.get(h.block) ?? [];
    const eligible = free.filter((r) => r.day + ref.COLLAR_REUSE_COOLDOWN_DAYS < h.from);
    if (unused.length === 0 && eligible.length === 0 && !widened.has(h.block)) {
      // A force too big for four-digit numbers moves on to five (1234 → 12340–12349), as the largest do.
      const [lo, hi] = ref.collarRanges[h.block];
      unused.push(...numbers(lo * 10, hi * 10 + 9));
      widened.add(h.block);
    }
    const reuse =
      eligible.length > 0 && (unused.length === 0 || rng.chance(ref.COLLAR_REUSE_CHANCE))
        ? rng.pick(eligible)
        : undefined;
    if (reuse) free.splice(free.indexOf(reuse), 1);
    const value = reuse?.value ?? unused.pop();
    if (value === undefined) throw new Error(`collar number block ${h.block} exhausted`);
    h.value = value;
    if (h.to !== null) free.push({ value, day: h.to });
  }
}
