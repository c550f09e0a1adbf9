import { describe, expect, it } from 'vitest';
import { REGIMES, REGIME_VERSIONS, regimeDefinition, regimeFeatures, regimeFor } from './regime.ts';

describe('regimeFor — by the date the matter came to the appropriate authority’s attention', () => {
  it.each([
    ['2015-06-01', '2012'],
    ['2020-01-31', '2012'],
    ['2020-02-01', '2020'],
    ['2022-09-19', '2020'],
    ['2024-05-06', '2020'],
    ['2024-05-07', '2020+2024'],
    ['2025-05-27', '2020+2024'],
    ['2025-05-28', '2020+2025'],
    ['2026-01-15', '2020+2025'],
  ])('%s → %s', (date, version) => {
    expect(regimeFor(date)).toBe(version);
  });

  it('refuses a date that does not exist rather than guessing a regime', () => {
    expect(() => regimeFor('2025-02-29')).toThrow(RangeError);
    expect(() => regimeFor('28/05/2025')).toThrow(RangeError);
  });
});

describe('regime features', () => {
  it('turns on the 2025 changes only from 28 May 2025', () => {
    expect(regimeFeatures(regimeFor('2025-05-27'))).toMatchObject({
      presumptionOfDismissal: false,
      vettingReferralOption: false,
      formerOfficersDefaultToAccelerated: false,
      chiefOfficerChairs: true,
    });
    expect(regimeFeatures(regimeFor('2025-05-28'))).toMatchObject({
      presumptionOfDismissal: true,
      vettingReferralOption: true,
      formerOfficersDefaultToAccelerated: true,
      chiefOfficerChairs: true,
    });
  });

  it('has chief-officer-chaired panels only from 7 May 2024', () => {
    expect(regimeFeatures(regimeFor('2024-05-06')).chiefOfficerChairs).toBe(false);
    expect(regimeFeatures(regimeFor('2024-05-07')).chiefOfficerChairs).toBe(true);
  });

  it('has reflective practice and reduction in rank only under the 2020 Regulations', () => {
    expect(regimeFeatures('2012')).toMatchObject({ reflectivePractice: false, reductionInRank: false });
    expect(regimeFeatures('2020')).toMatchObject({ reflectivePractice: true, reductionInRank: true });
  });

  it('lists every version once, oldest first, each with a source', () => {
    expect(REGIMES.map((r) => r.version)).toEqual([...REGIME_VERSIONS]);
    const starts = REGIMES.map((r) => r.appliesFrom ?? '');
    expect([...starts].sort()).toEqual(starts);
    for (const r of REGIMES) expect(regimeDefinition(r.version).source).not.toBe('');
  });
});
