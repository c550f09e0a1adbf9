import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../../../kernel/time/bank-holidays.ts';
import { acceleratedHearingDateRefusal, acceleratedHearingWindow } from './accelerated-hearing-timing.ts';

describe('accelerated hearing timing (Conduct Regs reg 52(1))', () => {
  it('puts the window for a notice given on Monday 2 November 2026 at 16 to 23 November 2026', () => {
    expect(acceleratedHearingWindow('2026-11-02', 15, defaultCalendarConfig)).toEqual({
      earliest: '2026-11-16',
      latest: '2026-11-23',
    });
  });

  it('skips Christmas and the New Year: a notice on Friday 18 December 2026 gives 6 to 13 January 2027', () => {
    expect(acceleratedHearingWindow('2026-12-18', 15, defaultCalendarConfig)).toEqual({
      earliest: '2027-01-06',
      latest: '2027-01-13',
    });
  });

  it('refuses a date before or after the window, naming the window’s dates; accepts its first and last days', () => {
    const w = acceleratedHearingWindow('2026-11-02', 15, defaultCalendarConfig);
    expect(acceleratedHearingDateRefusal('2026-11-02', '2026-11-13', w)).toBe(
      'An accelerated hearing must be held between 16 November 2026 and 23 November 2026: not less than 10 nor more than 15 working days after the regulation 51 notice given on 2 November 2026 (Conduct Regs reg 52(1))',
    );
    expect(acceleratedHearingDateRefusal('2026-11-02', '2026-11-24', w)).toMatch(/16 November 2026 and 23 November/);
    expect(acceleratedHearingDateRefusal('2026-11-02', '2026-11-16', w)).toBeNull();
    expect(acceleratedHearingDateRefusal('2026-11-02', '2026-11-23', w)).toBeNull();
  });
});
