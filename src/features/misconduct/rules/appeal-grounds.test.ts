import { describe, expect, it } from 'vitest';
import { appealAfterAdmissionRefusal } from './appeal-grounds.ts';

describe('appeal after admitted misconduct (Conduct Regs reg 45)', () => {
  it('refuses overturning the finding when the officer admitted the conduct, naming the regulation', () => {
    expect(appealAfterAdmissionRefusal(true, 'finding_overturned')).toMatch(/sanction only.*Conduct Regs reg 45/);
  });

  it('allows dismissing the appeal or varying the sanction after an admission', () => {
    expect(appealAfterAdmissionRefusal(true, 'dismissed')).toBeNull();
    expect(appealAfterAdmissionRefusal(true, 'sanction_varied')).toBeNull();
  });

  it('allows overturning the finding when the conduct was denied or the admission not recorded', () => {
    expect(appealAfterAdmissionRefusal(false, 'finding_overturned')).toBeNull();
    expect(appealAfterAdmissionRefusal(undefined, 'finding_overturned')).toBeNull();
  });
});
