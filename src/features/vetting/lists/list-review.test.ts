import { describe, expect, it } from 'vitest';
import { parseIntegrityRules } from '../../../kernel/config/integrity-rules.ts';
import { listReviewOf } from './list-review.ts';

const years = parseIntegrityRules({}).listReviewYears;
const entry = (list: string, reason: string, listedOn: string | null, removedOn: string | null = null) => ({
  list,
  reason,
  listedOn,
  removedOn,
});

describe('when a list entry may be reviewed (Police Barred List and Police Advisory List Regulations 2017) [S]', () => {
  it('is 5 years after a barred listing, and due from that day', () => {
    expect(listReviewOf(entry('barred', 'Dismissed: gross misconduct', '2021-12-07'), years, '2026-12-06')).toEqual({
      from: '2026-12-07',
      due: false,
    });
    expect(listReviewOf(entry('barred', 'Dismissed: gross misconduct', '2021-12-07'), years, '2026-12-07')).toEqual({
      from: '2026-12-07',
      due: true,
    });
  });

  it('is 3 years after a dismissal for gross incompetence, and a listing on 29 February ends on 28 February', () => {
    expect(
      listReviewOf(
        entry('barred', 'Dismissed for Gross Incompetence (performance)', '2024-02-29'),
        years,
        '2026-12-07',
      ),
    ).toEqual({ from: '2027-02-28', due: false });
  });

  it('is 5 years on the advisory list; nothing to review without a listing date or once taken off', () => {
    expect(listReviewOf(entry('advisory', 'Resigned under investigation', '2020-01-20'), years, '2026-12-07')).toEqual({
      from: '2025-01-20',
      due: true,
    });
    expect(listReviewOf(entry('barred', 'x', null), years, '2026-12-07')).toBeNull();
    expect(listReviewOf(entry('barred', 'x', '2010-01-01', '2026-03-16'), years, '2026-12-07')).toBeNull();
  });

  it('takes the periods from the rules file', () => {
    const custom = parseIntegrityRules({ listReviewYears: { barred: 7, barredGrossIncompetence: 4, advisory: 6 } });
    expect(listReviewOf(entry('barred', 'x', '2020-05-01'), custom.listReviewYears, '2026-12-07')?.from).toBe(
      '2027-05-01',
    );
  });
});
