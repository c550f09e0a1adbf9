import { describe, expect, it } from 'vitest';
import { PERIOD_KEYS, computeDeadline, periodsForRegime, resolvePeriods } from './periods.ts';

describe('period table defaults', () => {
  const periods = resolvePeriods();

  it.each([
    ['pcc_report_first', 12, 'months', 'V'],
    ['pcc_report_repeat', 6, 'months', 'V'],
    ['suspension_notice_written', 3, 'working_days', 'R'],
    ['suspension_review', 28, 'calendar_days', 'R'],
    ['reg18_representations', 10, 'working_days', 'R'],
    ['rprp_account', 5, 'working_days', 'V'],
    ['pre_hearing', 15, 'working_days', 'V'],
    ['outcome_report', 5, 'working_days', 'V'],
    ['meeting_appeal', 7, 'working_days', 'R'],
    ['pat_appeal', 10, 'working_days', 'R'],
    ['barred_list_return', 5, 'working_days', 'V'],
    ['advisory_list_return', 5, 'working_days', 'V'],
    ['written_warning_expiry', 18, 'months', 'R'],
    ['final_written_warning_expiry', 24, 'months', 'R'],
    ['rprp_pdr_followup', 12, 'months', 'V'],
    ['complainant_review_window', 28, 'calendar_days', 'V'],
    ['complaint_first_contact', 10, 'working_days', 'R'],
    ['complaint_progress_update', 28, 'calendar_days', 'V'],
    ['complaint_outcome_notice', 5, 'working_days', 'V'],
    ['report_acknowledgement', 7, 'calendar_days', 'R'],
    ['report_feedback', 3, 'months', 'R'],
  ] as const)('%s is %i %s [%s]', (key, amount, unit, confidence) => {
    expect(periods[key]).toMatchObject({ key, amount, unit, confidence, overridden: false });
  });

  it('gives every period a label, a starting event, a reference section and at least one regime', () => {
    for (const key of PERIOD_KEYS) {
      const p = periods[key];
      expect(p.label).not.toBe('');
      expect(p.from).not.toBe('');
      expect(p.source).toMatch(/§\d/);
      expect(p.regimes.length).toBeGreaterThan(0);
    }
  });

  it('has exactly the expected keys (adding a clock must update this test)', () => {
    // 18 conduct clocks (with the barred-list further report and the accelerated hearing), 2 restriction clocks
    // (notice and review), 11 vetting renewals, the vetting review and appeal, the withdrawal appeal (lodge, decide, the tribunal), 3 complaint clocks (first
    // contact, progress update, outcome notice), 2 confidential-report clocks (acknowledgement, feedback).
    expect(PERIOD_KEYS).toHaveLength(41);
  });
});

describe('resolvePeriods', () => {
  it('applies an override, keeps the confidence mark and flags it', () => {
    const periods = resolvePeriods({ meeting_appeal: 8, suspension_review: { amount: 4, unit: 'months' } });
    expect(periods.meeting_appeal).toMatchObject({
      amount: 8,
      unit: 'working_days',
      confidence: 'R',
      overridden: true,
      defaultAmount: 7,
    });
    expect(periods.suspension_review).toMatchObject({
      amount: 4,
      unit: 'months',
      overridden: true,
      defaultUnit: 'calendar_days',
    });
    expect(periods.pat_appeal.overridden).toBe(false);
  });

  it('does not flag an override that repeats the default', () => {
    expect(resolvePeriods({ pat_appeal: 10 }).pat_appeal.overridden).toBe(false);
  });

  it('accepts no configuration at all', () => {
    expect(resolvePeriods(undefined).outcome_report.amount).toBe(5);
    expect(resolvePeriods(null).outcome_report.amount).toBe(5);
  });

  it('rejects unknown keys, zero, negatives, fractions and unknown units', () => {
    expect(() => resolvePeriods({ meeting_apeal: 7 })).toThrow();
    expect(() => resolvePeriods({ pat_appeal: 0 })).toThrow();
    expect(() => resolvePeriods({ pat_appeal: -3 })).toThrow();
    expect(() => resolvePeriods({ pat_appeal: 2.5 })).toThrow();
    expect(() => resolvePeriods({ pat_appeal: '10' })).toThrow();
    expect(() => resolvePeriods({ pat_appeal: { amount: 10, unit: 'weeks' } })).toThrow();
  });

  it('does not let a caller mutate the defaults through the result', () => {
    const periods = resolvePeriods();
    expect(Object.isFrozen(periods)).toBe(true);
    expect(resolvePeriods({ pat_appeal: 12 }).pat_appeal.amount).toBe(12);
    expect(resolvePeriods().pat_appeal.amount).toBe(10);
  });
});

describe('periodsForRegime', () => {
  it('omits the 2020 clocks for a 2012-regime case but keeps the barred-list duties', () => {
    const keys = periodsForRegime(resolvePeriods(), '2012').map((p) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining(['barred_list_return', 'advisory_list_return', 'suspension_notice_written']),
    );
    expect(keys).not.toContain('rprp_account');
    expect(keys).not.toContain('pcc_report_first');
    expect(periodsForRegime(resolvePeriods(), '2020+2025').map((p) => p.key)).toHaveLength(41);
  });
});

describe('computeDeadline', () => {
  const periods = resolvePeriods();

  it('counts working days from the day after the event for the "first working day after" periods (Conduct Regs reg 45(3))', () => {
    expect(computeDeadline(periods.outcome_report, '2025-04-17')).toBe('2025-04-28'); // Easter 2025 skipped
    expect(computeDeadline(periods.pre_hearing, '2025-12-01')).toBe('2025-12-22');
    expect(computeDeadline(periods.meeting_appeal, '2026-12-22')).toBe('2027-01-05'); // 23, 24, 29, 30, 31 Dec, 4, 5 Jan
  });

  it('counts calendar days and months', () => {
    expect(computeDeadline(periods.complainant_review_window, '2025-01-31')).toBe('2025-02-28');
    expect(computeDeadline(periods.pcc_report_first, '2025-03-10')).toBe('2026-03-10');
    expect(computeDeadline(periods.pcc_report_repeat, '2026-03-10')).toBe('2026-09-10');
    // Conduct Regs reg 42(4): in force from notification, so the last day is start + N months − 1 day.
    expect(computeDeadline(periods.final_written_warning_expiry, '2025-06-02')).toBe('2027-06-01');
    expect(computeDeadline(periods.written_warning_expiry, '2025-04-18')).toBe('2026-10-17');
  });

  it('uses an overridden amount', () => {
    expect(computeDeadline(resolvePeriods({ pat_appeal: 15 }).pat_appeal, '2025-12-01')).toBe('2025-12-22');
  });
});

describe('start rules: "beginning with the date of" the event against "the first working day after"', () => {
  const periods = resolvePeriods();

  it('Barred List Regs 2017 reg 3(1): dismissal on Monday 2 June 2025 → report due Friday 6 June 2025, not Monday 9 June', () => {
    expect(periods.barred_list_return.startRule).toBe('event_day');
    expect(computeDeadline(periods.barred_list_return, '2025-06-02')).toBe('2025-06-06');
  });

  it('Advisory List Regs 2017 reg 12(1): resignation on Thursday 17 April 2025 → due Friday 25 April (Easter 2025 skipped)', () => {
    // 17 (day 1), 22, 23, 24, 25: Good Friday 18 and Easter Monday 21 April are not working days.
    expect(computeDeadline(periods.advisory_list_return, '2025-04-17')).toBe('2025-04-25');
  });

  it('Barred List Regs 2017 reg 3(1): an event on a Saturday starts counting on the Monday (Christmas 2027 substitutes)', () => {
    // Saturday 25 December 2027: 27 and 28 December are the substitute holidays, so day 1 is Wednesday 29th.
    expect(computeDeadline(periods.barred_list_return, '2027-12-25')).toBe('2028-01-05');
  });

  it('gives every period a start rule with its source, and lets configuration correct one marked [R]', () => {
    for (const key of PERIOD_KEYS) {
      expect(['event_day', 'day_after']).toContain(periods[key].startRule);
      expect(periods[key].startRuleSource).toMatch(/\[(V|R|S)/);
    }
    const changed = resolvePeriods({ pat_appeal: { amount: 10, startRule: 'event_day' } }).pat_appeal;
    expect(changed).toMatchObject({ startRule: 'event_day', defaultStartRule: 'day_after', overridden: true });
    expect(() => resolvePeriods({ pat_appeal: { amount: 10, startRule: 'day_before' } })).toThrow();
  });
});
