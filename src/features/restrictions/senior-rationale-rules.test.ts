import { describe, expect, it } from 'vitest';
import { parseIntegrityRules } from '../../kernel/config/integrity-rules.ts';
import { rankAtLeast, rankPosition, seniorRationaleRefusal } from './senior-rationale-rules.ts';

const rules = parseIntegrityRules({}).seniorRationale;
const imposer = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const inForce = [{ kind: 'restricted_duties' as const, decisionMakerUserId: imposer }];

describe('who may record the senior rationale', () => {
  it('defaults to Superintendent in the Home Office rank order [R]', () => {
    expect(rules.minimumRank).toBe('Superintendent');
    expect(rules.rankOrder[0]).toBe('Constable');
    expect(rules.rankOrder.at(-1)).toBe('Chief Constable');
  });

  it('compares ranks by their place in the order, ignoring case and spacing; an unknown rank is not senior', () => {
    expect(rankPosition(rules.rankOrder, 'chief  superintendent')).toBe(5);
    expect(rankPosition(rules.rankOrder, 'Commander')).toBe(-1);
    expect(rankAtLeast(rules, 'Superintendent')).toBe(true);
    expect(rankAtLeast(rules, 'Chief Constable')).toBe(true);
    expect(rankAtLeast(rules, 'Chief Inspector')).toBe(false);
    expect(rankAtLeast(rules, 'Commander')).toBe(false);
    expect(rankAtLeast(rules, null)).toBe(false);
  });

  it('refuses the person who imposed a restriction in force, whatever their rank', () => {
    expect(seniorRationaleRefusal(rules, { recorderUserId: imposer, recorderRank: 'Chief Constable', inForce })).toBe(
      'You imposed the restricted duties on this subject: the senior rationale must be recorded by a different person, of at least Superintendent rank',
    );
    const two = [...inForce, { kind: 'firearms_authority_withdrawn' as const, decisionMakerUserId: other }];
    expect(
      seniorRationaleRefusal(rules, { recorderUserId: other, recorderRank: 'Chief Constable', inForce: two }),
    ).toContain('You imposed the firearms authority withdrawn');
  });

  it('refuses someone below the minimum rank, or with no linked person record', () => {
    expect(seniorRationaleRefusal(rules, { recorderUserId: other, recorderRank: 'Inspector', inForce })).toBe(
      'The senior rationale must be recorded by someone of at least Superintendent rank: your rank is Inspector',
    );
    expect(seniorRationaleRefusal(rules, { recorderUserId: other, recorderRank: null, inForce })).toBe(
      'Your account is not linked to a person record with a current rank: the senior rationale must be recorded by someone of at least Superintendent rank',
    );
  });

  it('allows a different person at or above the minimum rank, with or without a restriction in force', () => {
    expect(seniorRationaleRefusal(rules, { recorderUserId: other, recorderRank: 'Superintendent', inForce })).toBe(
      null,
    );
    expect(
      seniorRationaleRefusal(rules, { recorderUserId: imposer, recorderRank: 'Superintendent', inForce: [] }),
    ).toBe(null);
  });

  it('takes the minimum rank and the order from configuration, and refuses a minimum outside the order', () => {
    const chiefInspector = parseIntegrityRules({ seniorRationale: { minimumRank: 'chief inspector' } }).seniorRationale;
    expect(
      seniorRationaleRefusal(chiefInspector, { recorderUserId: other, recorderRank: 'Chief Inspector', inForce }),
    ).toBe(null);
    const met = parseIntegrityRules({
      seniorRationale: { minimumRank: 'Commander', rankOrder: ['Constable', 'Superintendent', 'Commander'] },
    }).seniorRationale;
    expect(rankAtLeast(met, 'Superintendent')).toBe(false);
    expect(rankAtLeast(met, 'Commander')).toBe(true);
    expect(() => parseIntegrityRules({ seniorRationale: { minimumRank: 'Commander' } })).toThrow(
      'seniorRationale.minimumRank must be one of seniorRationale.rankOrder',
    );
  });
});
