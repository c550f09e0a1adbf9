import { describe, expect, it } from 'vitest';
import {
  editDistance,
  isTransposedDate,
  likelyMatches,
  normaliseName,
  normaliseNumber,
  scoreMatch,
  type Applicant,
} from './list-matching.ts';

const applicant: Applicant = {
  givenName: 'Dominic',
  familyName: 'Hartwell-Price',
  formerNames: ['Dominic Hartley'],
  dateOfBirth: '1988-04-07',
  formerNumbers: ['PC 4521'],
};
const entry = (
  over: Partial<{ givenName: string; familyName: string; dateOfBirth: string | null; identifiers: string[] }> = {},
) => ({ givenName: 'Dominic', familyName: 'Hartwell-Price', dateOfBirth: '1988-04-07', identifiers: [], ...over });

describe('names and dates', () => {
  it('normalises accents, case and punctuation', () => {
    expect(normaliseName("  Zoë  O'Brien-Smith ")).toBe('zoe o brien smith');
  });
  it('compares numbers without punctuation or a rank prefix', () => {
    expect(normaliseNumber('PC 4521')).toBe('4521');
    expect(normaliseNumber('w-77')).toBe('W77');
    expect(normaliseNumber('PCSO 99')).toBe('99');
  });
  it('counts edits', () => {
    expect(editDistance('smith', 'smyth')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('recognises a day and month swapped', () => {
    expect(isTransposedDate('1988-04-07', '1988-07-04')).toBe(true);
    expect(isTransposedDate('1988-04-04', '1988-04-04')).toBe(false);
    expect(isTransposedDate('1988-04-07', '1989-07-04')).toBe(false);
  });
});

describe('scoring an applicant against a list entry', () => {
  it('scores the same name and date of birth highly, with reasons', () => {
    const m = scoreMatch(applicant, entry());
    expect(m.score).toBe(0.85);
    expect(m.reasons).toEqual(['Family name matches', 'Given name matches', 'Date of birth matches']);
  });

  it('finds a former name and a former number', () => {
    const m = scoreMatch(applicant, entry({ familyName: 'Hartley', dateOfBirth: null, identifiers: ['pc4521'] }));
    expect(m.reasons).toEqual([
      'Family name matches (former name Dominic Hartley)',
      'Given name matches',
      'Former number PC 4521 matches',
    ]);
    expect(m.score).toBe(0.9);
  });

  it('finds a misspelt family name and a transposed date of birth', () => {
    const m = scoreMatch(
      { ...applicant, familyName: 'Smith', formerNames: [] },
      entry({ familyName: 'Smyth', dateOfBirth: '1988-07-04' }),
    );
    expect(m.reasons).toEqual([
      'Family name is similar: smith and smyth',
      'Given name matches',
      'Date of birth matches with day and month transposed',
    ]);
    expect(m.score).toBeCloseTo(0.3 * 0.8 + 0.15 + 0.25, 3);
  });

  it('matches one part of a double-barrelled name', () => {
    expect(scoreMatch(applicant, entry({ familyName: 'Price' })).reasons[0]).toBe('Family name matches');
  });

  it('gives a different person nothing', () => {
    expect(
      scoreMatch(applicant, {
        givenName: 'Alice',
        familyName: 'Zhang',
        dateOfBirth: '1970-01-01',
        identifiers: ['999'],
      }),
    ).toEqual({ score: 0, reasons: [] });
  });

  it('keeps only entries at or above the threshold, best first', () => {
    const entries = [
      { id: 'name-only', ...entry({ dateOfBirth: '1960-01-01' }) },
      { id: 'best', ...entry() },
      { id: 'dob-only', ...entry({ givenName: 'Zed', familyName: 'Quill' }) },
      { id: 'number-and-name', ...entry({ dateOfBirth: null, identifiers: ['4521'] }) },
    ];
    const found = likelyMatches({ ...applicant, formerNumbers: ['4521'] }, entries, 0.6);
    expect(found.map((f) => f.entry.id)).toEqual(['number-and-name', 'best']);
  });
});
