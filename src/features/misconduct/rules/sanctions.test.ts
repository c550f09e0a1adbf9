import { describe, expect, it } from 'vitest';
import type { AllegationContext } from './allegation-types.ts';
import { availableSanctions, sanctionRefusal } from './sanctions.ts';

const CTX: AllegationContext = {
  regime: '2020+2024',
  subject: 'serving',
  finalWrittenWarningInForce: false,
  multipleUnconnectedIncidents: false,
};

describe('availableSanctions (§2.9)', () => {
  it.each([
    ['meeting', 'misconduct', CTX, ['written_warning', 'final_written_warning']],
    ['hearing', 'misconduct', CTX, ['written_warning', 'final_written_warning']],
    [
      'hearing',
      'misconduct',
      { ...CTX, multipleUnconnectedIncidents: true },
      ['written_warning', 'final_written_warning', 'reduction_in_rank', 'dismissal_without_notice'],
    ],
    [
      'hearing',
      'misconduct',
      { ...CTX, finalWrittenWarningInForce: true },
      ['reduction_in_rank', 'dismissal_without_notice'],
    ],
    ['hearing', 'gross_misconduct', CTX, ['final_written_warning', 'reduction_in_rank', 'dismissal_without_notice']],
    ['accelerated_hearing', 'gross_misconduct', CTX, ['reduction_in_rank', 'dismissal_without_notice']],
  ] as const)('%s + %s → listed sanctions', (form, finding, ctx, expected) => {
    expect(availableSanctions(form, finding, ctx)).toEqual({ ok: true, sanctions: expected });
  });

  it('never offers management advice or dismissal with notice (abolished / absent in 2020)', () => {
    const all = availableSanctions('hearing', 'misconduct', { ...CTX, multipleUnconnectedIncidents: true });
    expect(all.ok && all.sanctions.map(String)).not.toContain('management_advice');
  });

  it.each([
    ['meeting', 'gross_misconduct', CTX, /cannot find gross misconduct/],
    ['hearing', 'not_proven', CTX, /not found proven/],
    ['hearing', 'would_have_been_dismissed', { ...CTX, subject: 'former' }, /former officer/],
    ['accelerated_hearing', 'misconduct', CTX, /reg 62\(8\)/],
    ['hearing', 'misconduct', { ...CTX, regime: '2012' }, /2012 Regulations/],
  ] as const)('%s + %s → no sanction', (form, finding, ctx, reason) => {
    const result = availableSanctions(form, finding, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('sanctionRefusal', () => {
  const from2025: AllegationContext = { ...CTX, regime: '2020+2025' };

  it('applies the presumption of dismissal only from 28 May 2025 and only to gross misconduct', () => {
    expect(sanctionRefusal('hearing', 'gross_misconduct', 'reduction_in_rank', CTX, undefined)).toBeNull();
    expect(sanctionRefusal('hearing', 'gross_misconduct', 'reduction_in_rank', from2025, undefined)).toMatch(
      /presumption of dismissal/,
    );
    expect(
      sanctionRefusal('hearing', 'gross_misconduct', 'reduction_in_rank', from2025, 'Exceptional reason'),
    ).toBeNull();
    expect(sanctionRefusal('hearing', 'gross_misconduct', 'final_written_warning', from2025, '')).toMatch(
      /presumption/,
    );
    expect(sanctionRefusal('hearing', 'misconduct', 'written_warning', from2025, undefined)).toBeNull();
    expect(sanctionRefusal('hearing', 'gross_misconduct', 'dismissal_without_notice', from2025, undefined)).toBeNull();
  });

  it('lets an appeal body substitute a lesser sanction without the presumption', () => {
    expect(
      sanctionRefusal('hearing', 'gross_misconduct', 'final_written_warning', from2025, undefined, false),
    ).toBeNull();
  });

  it('explains why reduction or dismissal is unavailable for misconduct', () => {
    expect(sanctionRefusal('hearing', 'misconduct', 'dismissal_without_notice', CTX, undefined)).toMatch(
      /multiple unconnected incidents/,
    );
  });
});

describe('the Conduct Regulations’ limits on warnings (real rules, named)', () => {
  it('Conduct Regs reg 42(8): no written warning and no final written warning while a final written warning is in force', () => {
    const fww = { ...CTX, finalWrittenWarningInForce: true };
    for (const sanction of ['written_warning', 'final_written_warning'] as const) {
      expect(sanctionRefusal('hearing', 'misconduct', sanction, fww, undefined)).toMatch(/reg 42\(8\)/);
    }
    expect(availableSanctions('hearing', 'gross_misconduct', fww)).toEqual({
      ok: true,
      sanctions: ['reduction_in_rank', 'dismissal_without_notice'],
    });
  });

  it('Conduct Regs reg 62(3): no final written warning at an accelerated hearing, even with exceptional circumstances', () => {
    expect(
      sanctionRefusal('accelerated_hearing', 'gross_misconduct', 'final_written_warning', CTX, 'Long service'),
    ).toMatch(/reg 62\(3\)/);
    expect(sanctionRefusal('accelerated_hearing', 'gross_misconduct', 'reduction_in_rank', CTX, undefined)).toBeNull();
  });
});
