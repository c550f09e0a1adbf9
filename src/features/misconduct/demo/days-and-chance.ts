import { Faker, base, en, en_GB } from '@faker-js/faker';
import type { IsoDate } from '../../../kernel/time/dates.ts';

/*
 * The two things that make the demo reproducible: days as plain numbers, and one seeded source for every
 * choice, drawn from in a fixed order, so the same seed and day give the same cases.
 */

export type Rng = ReturnType<typeof makeRng>;

// Dates as whole days since 1970-01-01, so arithmetic never meets time zones.

const DAY_MS = 86_400_000;
export const toDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const toIso = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function makeRng(seed: number) {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  const rnd = (): number => faker.number.float();
  const weighted = <T>(items: readonly T[], weightOf: (item: T) => number): T => {
    let r = rnd() * items.reduce((sum, item) => sum + weightOf(item), 0);
    for (const item of items) if ((r -= weightOf(item)) < 0) return item;
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted choice from an empty list');
    return last;
  };
  return {
    weighted,
    chance: (p: number): boolean => rnd() < p,
    pick: <T>(items: readonly T[]): T => faker.helpers.arrayElement(items),
    between: ([min, max]: readonly [number, number]): number => faker.number.int({ min, max }),
  };
}
