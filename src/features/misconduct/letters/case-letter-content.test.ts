import { describe, expect, it } from 'vitest';
import { composeCaseLetter, type CaseLetterFacts } from './case-letter-content.ts';
import { DEFAULT_CASE_LETTER_WORDING as W } from './letter-wording.ts';

const facts = (allegations: CaseLetterFacts['allegations']): CaseLetterFacts => ({
  forceName: 'West Police',
  reference: 'W-2026-1',
  officerName: 'Constable Erin Eastwood',
  wording: W,
  allegations,
});
const appeal = (f: CaseLetterFacts) =>
  composeCaseLetter('outcome', f).sections.find((s) => s.heading === 'Your right of appeal')?.paragraphs[0];

describe('the right of appeal in an outcome letter', () => {
  it('is to the tribunal after a hearing, under reg 45 after a meeting only, and none when nothing is proven', () => {
    expect(appeal(facts([{ description: 'A.', form: 'hearing', finding: 'misconduct' }]))).toBe(W.tribunalAppeal);
    expect(
      appeal(
        facts([
          { description: 'A.', form: 'meeting', finding: 'misconduct', sanction: 'written_warning' },
          { description: 'B.', form: 'accelerated_hearing', finding: 'gross_misconduct' },
        ]),
      ),
    ).toBe(W.tribunalAppeal);
    expect(appeal(facts([{ description: 'A.', form: 'meeting', finding: 'misconduct' }]))).toBe(W.meetingAppeal);
    expect(appeal(facts([{ description: 'A.', form: 'hearing', finding: 'not_proven' }]))).toBe(W.noAppeal);
  });

  it('refuses to compose a hearing notice without its sitting', () => {
    expect(() => composeCaseLetter('hearing_notice', facts([]))).toThrow('needs its hearing');
  });
});
