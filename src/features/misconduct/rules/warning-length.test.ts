import { describe, expect, it } from 'vitest';
import { computeDeadline, resolvePeriods } from '../../../kernel/time/periods.ts';
import { finalWrittenWarningMonths } from './warning-length.ts';

describe('final written warning length (Conduct Regs reg 62(4), reg 42(4))', () => {
  it('gives 2 years by default and the panel’s 2 to 5 years otherwise', () => {
    expect(finalWrittenWarningMonths('final_written_warning', undefined)).toEqual({ ok: true, months: 24 });
    expect(finalWrittenWarningMonths('final_written_warning', 5)).toEqual({ ok: true, months: 60 });
  });

  it('refuses 1 or 6 years, and a length on any other sanction', () => {
    expect(finalWrittenWarningMonths('final_written_warning', 6)).toMatchObject({ ok: false });
    expect(finalWrittenWarningMonths('final_written_warning', 1)).toMatchObject({ ok: false });
    expect(finalWrittenWarningMonths('written_warning', 3)).toMatchObject({ ok: false });
  });

  it('a 3-year warning notified on 15 July 2026 is last in force on 14 July 2029 (start + N months − 1 day)', () => {
    const period = resolvePeriods().final_written_warning_expiry;
    expect(computeDeadline({ ...period, amount: 36 }, '2026-07-15')).toBe('2029-07-14');
  });
});
