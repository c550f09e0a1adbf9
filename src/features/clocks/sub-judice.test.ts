import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../../kernel/time/bank-holidays.ts';
import { PERIOD_KEYS } from '../../kernel/time/periods.ts';
import {
  defaultSubJudicePolicy,
  extendForPauses,
  mergeWindows,
  resolveSubJudicePolicy,
  SUB_JUDICE_DEFAULTS,
} from './sub-judice.ts';

const cal = defaultCalendarConfig;

describe('which clocks a sub judice period holds back', () => {
  it('pauses the proceedings-stage clock and keeps the reg 19 reports, appeal windows and list returns running', () => {
    expect(defaultSubJudicePolicy.pre_hearing).toBe(true);
    for (const key of [
      'pcc_report_first',
      'pcc_report_repeat',
      'suspension_review',
      'barred_list_return',
      'meeting_appeal',
      'complainant_review_window',
    ] as const) {
      expect(defaultSubJudicePolicy[key]).toBe(false);
    }
  });

  it('gives every period a reason and a confidence mark', () => {
    for (const key of PERIOD_KEYS) {
      expect(SUB_JUDICE_DEFAULTS[key].why.length).toBeGreaterThan(20);
      expect(['V', 'R']).toContain(SUB_JUDICE_DEFAULTS[key].confidence);
    }
  });

  it('takes overrides from configuration and rejects unknown periods', () => {
    const policy = resolveSubJudicePolicy({ pre_hearing: false, reg18_representations: true });
    expect(policy.pre_hearing).toBe(false);
    expect(policy.reg18_representations).toBe(true);
    expect(policy.outcome_report).toBe(false);
    expect(() => resolveSubJudicePolicy({ no_such_period: true })).toThrow();
    expect(() => resolveSubJudicePolicy({ pre_hearing: 'yes' })).toThrow();
  });
});

describe('mergeWindows', () => {
  it('joins overlapping and touching windows so a day is never paused twice', () => {
    expect(
      mergeWindows([
        { from: '2026-03-10', to: '2026-03-20' },
        { from: '2026-03-01', to: '2026-03-05' },
        { from: '2026-03-06', to: '2026-03-08' },
        { from: '2026-03-15', to: '2026-03-25' },
      ]),
    ).toEqual([
      { from: '2026-03-01', to: '2026-03-08' },
      { from: '2026-03-10', to: '2026-03-25' },
    ]);
  });
});

describe('extendForPauses', () => {
  it('moves a month period by the calendar days paused', () => {
    // 12 months from 19 December 2025 is 19 December 2026; 1–10 February paused (10 days) → 29 December.
    expect(
      extendForPauses({
        startedOn: '2025-12-19',
        baseDueOn: '2026-12-19',
        unit: 'months',
        windows: [{ from: '2026-02-01', to: '2026-02-10' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-12-29',
      pausedDays: 10,
    });
  });

  it('moves a working-day period by the working days inside the pause', () => {
    // 15 working days from Monday 2 March 2026 ends Monday 23 March. Pausing Mon 9 – Fri 13 March (5 working days) → Monday 30 March.
    expect(
      extendForPauses({
        startedOn: '2026-03-02',
        baseDueOn: '2026-03-23',
        unit: 'working_days',
        windows: [{ from: '2026-03-09', to: '2026-03-13' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-03-30',
      pausedDays: 5,
    });
    // A pause over a weekend alone takes no working day out of the count.
    expect(
      extendForPauses({
        startedOn: '2026-03-02',
        baseDueOn: '2026-03-23',
        unit: 'working_days',
        windows: [{ from: '2026-03-07', to: '2026-03-08' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-03-23',
      pausedDays: 2,
    });
  });

  it('does not add back bank holidays inside the pause (Easter 2026)', () => {
    // Started Mon 16 March, 15 WD → Wed 8 April (Good Friday 3 and Easter Monday 6 April skipped). Paused Mon 30 March – Mon 6 April:
    // 30, 31 March, 1, 2 April are the only working days in it, so the clock ends 4 working days later, Tuesday 14 April.
    expect(
      extendForPauses({
        startedOn: '2026-03-16',
        baseDueOn: '2026-04-08',
        unit: 'working_days',
        windows: [{ from: '2026-03-30', to: '2026-04-06' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-04-14',
      pausedDays: 8,
    });
  });

  it('ignores a pause that begins after the due date and counts only the part of one after the start', () => {
    expect(
      extendForPauses({
        startedOn: '2026-03-02',
        baseDueOn: '2026-03-23',
        unit: 'working_days',
        windows: [{ from: '2026-03-24', to: '2026-04-30' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-03-23',
      pausedDays: 0,
    });
    // Paused since 20 February; the clock starting on 2 March counts nothing until 5 March has passed (3, 4, 5 March paused).
    expect(
      extendForPauses({
        startedOn: '2026-03-02',
        baseDueOn: '2026-03-23',
        unit: 'working_days',
        windows: [{ from: '2026-02-20', to: '2026-03-05' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-03-26',
      pausedDays: 3,
    });
  });

  it('extends by a pause that starts before the due date and runs past it', () => {
    // 28 calendar days from 1 March → 29 March; paused 27 March – 5 April (10 days) → 8 April.
    expect(
      extendForPauses({
        startedOn: '2026-03-01',
        baseDueOn: '2026-03-29',
        unit: 'calendar_days',
        windows: [{ from: '2026-03-27', to: '2026-04-05' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-04-08',
      pausedDays: 10,
    });
  });
});
