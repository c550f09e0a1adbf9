import { describe, expect, it } from 'vitest';
import { indictableOnlyConvictionRefusal } from './indictable-only.ts';
import { regimeFor } from '../../clocks/regime.ts';

describe('an indictable-only conviction forces gross misconduct (SI 2025/558)', () => {
  it('refuses misconduct for a July 2025 matter with a conviction on 3 November 2025, naming the date and the regulations', () => {
    expect(indictableOnlyConvictionRefusal(regimeFor('2025-07-01'), '2025-11-03', 'misconduct')).toMatch(
      /convicted of an indictable-only offence on 2025-11-03.*SI 2025\/558/,
    );
    for (const severity of ['none', 'pri', 'vetting_referral'] as const)
      expect(indictableOnlyConvictionRefusal('2020+2025', '2025-11-03', severity)).not.toBeNull();
  });

  it('allows gross misconduct, and any severity without a conviction', () => {
    expect(indictableOnlyConvictionRefusal('2020+2025', '2025-11-03', 'gross_misconduct')).toBeNull();
    expect(indictableOnlyConvictionRefusal('2020+2025', undefined, 'misconduct')).toBeNull();
  });

  it('leaves a matter that came to attention on 1 March 2025 (before 28 May 2025) to the appropriate authority', () => {
    expect(indictableOnlyConvictionRefusal(regimeFor('2025-03-01'), '2025-11-03', 'misconduct')).toBeNull();
  });
});
