import { describe, expect, it } from 'vitest';
import { vettingLevels } from '../../db/schema/index.ts';
import { resolvePeriods } from '../../kernel/time/periods.ts';
import {
  effectiveStatus,
  levelPosition,
  levelTable,
  MEETS_BPSS,
  minimumLevelOf,
  renewalPeriodOf,
  satisfies,
} from './vetting-levels.ts';

describe('vetting level ordering', () => {
  it('orders each family from lowest to highest', () => {
    const chain = (levels: (typeof vettingLevels)[number][]) =>
      levels.every((l, i) => i === 0 || (satisfies(l, levels[i - 1] ?? l) && !satisfies(levels[i - 1] ?? l, l)));
    expect(chain(['RV', 'MV'])).toBe(true);
    expect(chain(['NPPV1', 'NPPV2A', 'NPPV2F', 'NPPV3'])).toBe(true);
    expect(chain(['CTC', 'SC', 'eSC', 'DV', 'eDV'])).toBe(true);
  });

  it('never lets one family satisfy another', () => {
    expect(satisfies('NPPV3', 'RV')).toBe(false);
    expect(satisfies('eDV', 'MV')).toBe(false);
    expect(satisfies('MV', 'NPPV1')).toBe(false);
    expect(satisfies('RV', 'CTC')).toBe(false);
  });

  it('lets a level satisfy itself and anything lower in its family', () => {
    expect(satisfies('MV', 'RV')).toBe(true);
    expect(satisfies('RV', 'MV')).toBe(false);
    expect(satisfies('NPPV2F', 'NPPV2A')).toBe(true);
    expect(satisfies('NPPV2A', 'NPPV2F')).toBe(false);
    expect(satisfies('DV', 'SC')).toBe(true);
    expect(satisfies('SC', 'eSC')).toBe(false);
    for (const level of vettingLevels) expect(satisfies(level, level)).toBe(true);
  });

  it('places every level exactly once', () => {
    expect(levelTable().map((r) => r.level)).toEqual([...vettingLevels]);
    expect(levelPosition('NPPV3')).toEqual({ family: 'nppv', rank: 3 });
    expect(levelPosition('eSC')).toEqual({ family: 'national_security', rank: 2 });
  });

  it('records which levels meet BPSS, as the reference says', () => {
    expect([...MEETS_BPSS].sort()).toEqual(['MV', 'NPPV2F', 'NPPV3', 'RV']);
  });

  it('finds each level’s renewal period in the period table', () => {
    const periods = resolvePeriods();
    expect(periods[renewalPeriodOf('RV')]).toMatchObject({ amount: 120, unit: 'months', confidence: 'V' });
    expect(periods[renewalPeriodOf('MV')]).toMatchObject({ amount: 84, confidence: 'R' });
    expect(periods[renewalPeriodOf('eDV')]).toMatchObject({ amount: 84, confidence: 'V' });
    for (const level of vettingLevels) expect(periods[renewalPeriodOf(level)]).toBeDefined();
  });
});

describe('clearance status', () => {
  it('counts an active clearance past its expiry as expired, even before a sweep', () => {
    expect(effectiveStatus({ status: 'active', expiresOn: '2026-03-01' }, '2026-03-01')).toBe('active');
    expect(effectiveStatus({ status: 'active', expiresOn: '2026-03-01' }, '2026-03-02')).toBe('expired');
    expect(effectiveStatus({ status: 'withdrawn', expiresOn: '2026-03-01' }, '2026-03-02')).toBe('withdrawn');
  });

  it('accepts only a real level as the configured minimum', () => {
    expect(minimumLevelOf('RV')).toBe('RV');
    expect(() => minimumLevelOf('XX')).toThrow(/minimumLevel/);
  });
});
