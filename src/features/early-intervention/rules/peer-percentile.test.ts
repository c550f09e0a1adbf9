import { describe, expect, it } from 'vitest';
import { peerScores, percentileOf, serviceBand } from './peer-percentile.ts';

describe('percentile among peers', () => {
  it('gives tied people one figure: those below plus half of those tied', () => {
    const group = [0, 0, 0, 0, 1, 1, 2, 2, 2, 5];
    expect(percentileOf(0, group)).toBe(20);
    expect(percentileOf(1, group)).toBe(50);
    expect(percentileOf(2, group)).toBe(75);
    expect(percentileOf(5, group)).toBe(95);
    expect(percentileOf(3, [3, 3, 3])).toBe(50);
  });

  it('gives no percentile to a group smaller than the minimum, but says how big it is', () => {
    const members = [
      ...Array.from({ length: 10 }, (_, i) => ({ personId: `c${i}`, rank: 'Constable', band: '2_5', count: i % 3 })),
      ...Array.from({ length: 5 }, (_, i) => ({ personId: `s${i}`, rank: 'Sergeant', band: '2_5', count: i })),
    ];
    const scores = peerScores(members, 10);
    const c9 = scores.find((s) => s.personId === 'c9');
    const s4 = scores.find((s) => s.personId === 's4');
    // Constables' counts: 0,1,2,0,1,2,0,1,2,0 → c9 has 0: none below, four tied → 20.
    expect(c9).toMatchObject({ groupSize: 10, percentile: 20, groupMean: 0.9 });
    expect(s4).toMatchObject({ groupSize: 5, percentile: null, count: 4 });
    expect(peerScores(members, 5).find((s) => s.personId === 's4')?.percentile).toBe(90);
  });

  it('keeps ranks and service bands apart', () => {
    const scores = peerScores(
      [
        { personId: 'a', rank: 'Constable', band: '0_2', count: 3 },
        { personId: 'b', rank: 'Constable', band: '5_10', count: 0 },
      ],
      1,
    );
    expect(scores.map((s) => [s.groupSize, s.percentile])).toEqual([
      [1, 50],
      [1, 50],
    ]);
  });

  it('bands length of service in whole years on the day', () => {
    expect(serviceBand('2024-03-03', '2026-03-02')).toBe('0_2');
    expect(serviceBand('2024-03-02', '2026-03-02')).toBe('2_5');
    expect(serviceBand('2006-03-02', '2026-03-02')).toBe('20_plus');
    expect(serviceBand(null, '2026-03-02')).toBe('unknown');
  });
});
