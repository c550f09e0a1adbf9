/**
 * A small, fast, seeded random source for the synthetic data at scale (millions of draws: Faker's own
 * generator is too slow there). sfc32 seeded through splitmix32, so nearby seeds give unrelated streams.
 * Every draw is made in a fixed order, so the same seed always gives the same rows.
 */
export type FastRng = ReturnType<typeof fastRng>;

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A stable 32-bit seed from text (FNV-1a), for deriving per-force seeds from the run's seed. */
export function seedFrom(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function fastRng(seed: number) {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = (): number => u32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const byte = (w: number, shift: number) => HEX[(w >>> shift) & 0xff] as string;
  return {
    next,
    int,
    chance: (p: number): boolean => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    /** Index into `cumulative` (running totals of weights, last = total). */
    weightedIndex: (cumulative: readonly number[]): number => {
      const total = cumulative[cumulative.length - 1] ?? 0;
      const r = next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > r) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    /** A version-4 UUID from the stream. */
    uuid: (): string => {
      const w1 = u32();
      const w2 = u32();
      const w3 = u32();
      const w4 = u32();
      return (
        byte(w1, 24) +
        byte(w1, 16) +
        byte(w1, 8) +
        byte(w1, 0) +
        '-' +
        byte(w2, 24) +
        byte(w2, 16) +
        '-4' +
        HEX[(w2 >>> 8) & 0xff]?.slice(1) +
        byte(w2, 0) +
        '-' +
        HEX[0x80 | ((w3 >>> 24) & 0x3f)] +
        byte(w3, 16) +
        '-' +
        byte(w3, 8) +
        byte(w3, 0) +
        byte(w4, 24) +
        byte(w4, 16) +
        byte(w4, 8) +
        byte(w4, 0)
      );
    },
  };
}

/** Running totals of weights, for {@link FastRng.weightedIndex}. */
export function cumulativeOf(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
