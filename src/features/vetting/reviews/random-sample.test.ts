import { describe, expect, it } from 'vitest';
import { randomSample, sampleSize, seedForDate } from './random-sample.ts';

const ids = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('the random re-vetting sample', () => {
  it('takes the percentage rounded up, and at least one of a non-empty population', () => {
    expect(sampleSize(200, 5)).toBe(10);
    expect(sampleSize(7, 10)).toBe(1);
    expect(sampleSize(0, 10)).toBe(0);
    expect(sampleSize(3, 100)).toBe(3);
  });

  it('refuses a percentage outside (0, 100]', () => {
    for (const p of [0, -1, 100.5, Number.NaN]) expect(() => sampleSize(10, p)).toThrow(RangeError);
  });

  it('is deterministic for the same people and seed, whatever order they come in', () => {
    const a = randomSample(ids, 5, 20260327);
    const b = randomSample([...ids].reverse(), 5, 20260327);
    expect(a).toEqual(b);
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    for (const id of a) expect(ids).toContain(id);
  });

  it('chooses differently with a different seed, and does not simply take the first ids', () => {
    const a = randomSample(ids, 5, 1);
    const b = randomSample(ids, 5, 2);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(ids.slice(0, 10));
  });

  it('spreads over the population: every id is chosen by some seed', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 400; seed++) for (const id of randomSample(ids, 5, seed)) seen.add(id);
    expect(seen.size).toBe(200);
  });

  it('seeds by the date by default', () => {
    expect(seedForDate('2026-03-27')).toBe(20260327);
  });
});
