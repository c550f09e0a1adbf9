import { describe, expect, it } from 'vitest';
import { summariseClockEvent } from './clock-audit-summary.ts';

const ids = { clockId: '00000000-0000-4000-8000-000000000001', caseId: '00000000-0000-4000-8000-000000000002' };

describe('summariseClockEvent', () => {
  it('names the time limit in words, with the report number of a repeat', () => {
    expect(
      summariseClockEvent({ type: 'clock.due', ...ids, period: 'pcc_report_repeat', sequence: 3, dueOn: '2027-06-19' }),
    ).toBe('Fell due: Further report to the local policing body (each later period) (report 3), due 19 June 2027');
    expect(
      summariseClockEvent({
        type: 'clock.paused',
        ...ids,
        period: 'pre_hearing',
        from: '2026-03-09',
        to: '2026-03-13',
        previousDueOn: '2026-03-23',
        dueOn: '2026-03-30',
        pausedDays: 5,
      }),
    ).toBe(
      'Sub judice 9 March 2026 to 13 March 2026: Misconduct pre-hearing (extendable) now due 30 March 2026 (was 23 March 2026)',
    );
  });

  it('falls back to the stored key for a period it no longer knows', () => {
    expect(
      summariseClockEvent({
        type: 'clock.cancelled',
        ...ids,
        period: 'retired_period',
        sequence: 1,
        dueOn: '2026-01-01',
      }),
    ).toBe('Cancelled: retired_period (was due 1 January 2026)');
  });
});
