import { describe, expect, it } from 'vitest';
import { resolvePeriods } from '../../../kernel/time/periods.ts';
import { daysBetween, feedbackAfterAcknowledgement, plannedReportClocks, reportClockView } from './report-clocks.ts';

const periods = resolvePeriods();

describe('the clocks of a confidential report', () => {
  it('starts with 7 days to acknowledge and 3 months after that to give feedback, marked as targets', () => {
    expect(plannedReportClocks(periods, '2026-03-02')).toEqual([
      { period: 'report_acknowledgement', startedOn: '2026-03-02', dueOn: '2026-03-09' },
      { period: 'report_feedback', startedOn: '2026-03-09', dueOn: '2026-06-09' },
    ]);
    const view = reportClockView(
      periods,
      { period: 'report_feedback', dueOn: '2026-06-09', metOn: null, state: 'running' },
      '2026-03-05',
    );
    expect(view).toMatchObject({ state: 'running', mark: 'R', late: false });
    expect(view.source).toMatch(/not UK statute/);
  });

  it('runs feedback from an acknowledgement sent in time, and leaves it when the acknowledgement was late', () => {
    expect(feedbackAfterAcknowledgement(periods, { dueOn: '2026-03-09' }, '2026-03-04')).toEqual({
      startedOn: '2026-03-04',
      dueOn: '2026-06-04',
    });
    expect(feedbackAfterAcknowledgement(periods, { dueOn: '2026-03-09' }, '2026-03-09')?.dueOn).toBe('2026-06-09');
    expect(feedbackAfterAcknowledgement(periods, { dueOn: '2026-03-09' }, '2026-03-20')).toBeNull();
  });

  it('shows a stored clock as due today, overdue, or met (late when after its day)', () => {
    const ack = { period: 'report_acknowledgement' as const, dueOn: '2026-03-09', metOn: null, state: 'running' };
    expect(reportClockView(periods, ack, '2026-03-09').state).toBe('due');
    expect(reportClockView(periods, ack, '2026-03-10').state).toBe('overdue');
    expect(reportClockView(periods, { ...ack, state: 'met', metOn: '2026-03-20' }, '2026-03-21')).toMatchObject({
      state: 'met',
      late: true,
    });
  });

  it('follows the configured periods', () => {
    const custom = resolvePeriods({ report_acknowledgement: { amount: 3, unit: 'working_days' } });
    expect(plannedReportClocks(custom, '2026-03-06')[0]?.dueOn).toBe('2026-03-11');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });
});
