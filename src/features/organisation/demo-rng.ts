import { Faker, base, en, en_GB } from '@faker-js/faker';
import type { Band } from './demo-reference-data.ts';

export type Rng = ReturnType<typeof makeRng>;

/** One seeded Faker behind every choice, ids included, so a seed always reproduces the same force. */
export function makeRng(seed: number) {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  const rnd = (): number => faker.number.float();
  const weighted = <T>(items: readonly T[], weightOf: (item: T) => number): T => {
    let r = rnd() * items.reduce((sum, item) => sum + weightOf(item), 0);
    for (const item of items) if ((r -= weightOf(item)) < 0) return item;
    return items[items.length - 1] as T;
  };
  return {
    faker,
    rnd,
    weighted,
    chance: (p: number): boolean => rnd() < p,
    int: (min: number, max: number): number => faker.number.int({ min, max }),
    uuid: (): string => faker.string.uuid(),
    pick: <T>(items: readonly T[]): T => faker.helpers.arrayElement(items),
    pickIndex: (shares: readonly number[]): number => weighted([...shares.keys()], (i) => shares[i] ?? 0),
    between: (band: readonly Band[]): number => {
      const [lo, hi] = weighted(band, (b) => b.weight).range;
      return lo + rnd() * (hi - lo);
    },
  };
}
