import { describe, expect, it } from 'vitest';
import { fairnessRates, relativeRateWithInterval } from './fairness.ts';

describe('relative rates with confidence intervals', () => {
  it('matches a hand-computed fixture', () => {
    // 10 of 100 Black officers have an alert, 20 of 400 White officers: rates 0.10 and 0.05, RR = 2.
    // SE = sqrt(1/10 − 1/100 + 1/20 − 1/400) = sqrt(0.1375) = 0.370810; exp(ln 2 ± 1.959964 × 0.370810)
    // = 2 × exp(±0.726774) = 0.9669 … 4.1370.
    const { rr, lower, upper } = relativeRateWithInterval(10, 100, 20, 400);
    expect(rr).toBe(2);
    expect(lower).toBeCloseTo(0.9669, 3);
    expect(upper).toBeCloseTo(4.137, 3);
  });

  it('gives the reference group 1, and no interval where a count is zero', () => {
    const rows = fairnessRates(
      [
        { group: 'white', workforce: 400, flagged: 20 },
        { group: 'black', workforce: 100, flagged: 10 },
        { group: 'asian', workforce: 50, flagged: 0 },
        { group: 'mixed', workforce: 0, flagged: 0 },
      ],
      'white',
    );
    expect(rows.map((r) => [r.group, r.ratePer1000, r.relativeRate])).toEqual([
      ['white', 50, 1],
      ['black', 100, 2],
      ['asian', 0, 0],
      ['mixed', null, null],
    ]);
    expect(rows[2]).toMatchObject({ lower: null, upper: null });
  });
});
