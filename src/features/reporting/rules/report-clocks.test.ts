import { describe, expect, it } from 'vitest';
import { resolvePeriods } from '../../../kernel/time/periods.ts';
import { daysBetween, reportClocks } from './report-clocks.ts';

const periods = resolvePeriods();

describe('the clocks of a confidential report', () => {
  it('gives 7 days to acknowledge and 3 months from the acknowledgement to give feedback, marked as targets', () => {
    const [ack, feedback] = reportClocks(
      periods,
      { receivedOn: '2026-03-02', acknowledgedOn: '2026-03-04', feedbackOn: null },
      '2026-03-05',
    );
    expect(ack).toMatchObject({ dueOn: '2026-03-09', metOn: '2026-03-04', state: 'met', late: false, mark: 'R' });
    expect(feedback).toMatchObject({ dueOn: '2026-06-04', metOn: null, state: 'running', mark: 'R' });
    expect(feedback!.source).toMatch(/not UK statute/);
  });

  it('runs feedback from the end of the acknowledgement period when the acknowledgement was late or missing', () => {
    const late = reportClocks(
      periods,
      { receivedOn: '2026-03-02', acknowledgedOn: '2026-03-20', feedbackOn: '2026-07-01' },
      '2026-07-02',
    );
    expect(late[0]).toMatchObject({ state: 'met', late: true });
    expect(late[1]).toMatchObject({ dueOn: '2026-06-09', state: 'met', late: true });
    const none = reportClocks(
      periods,
      { receivedOn: '2026-03-02', acknowledgedOn: null, feedbackOn: null },
      '2026-03-09',
    );
    expect(none[0]!.state).toBe('due');
    expect(none[1]!.dueOn).toBe('2026-06-09');
    const overdue = reportClocks(
      periods,
      { receivedOn: '2026-03-02', acknowledgedOn: null, feedbackOn: null },
      '2026-03-10',
    );
    expect(overdue[0]!.state).toBe('overdue');
  });

  it('follows the configured periods', () => {
    const custom = resolvePeriods({ report_acknowledgement: { amount: 3, unit: 'working_days' } });
    const [ack] = reportClocks(
      custom,
      { receivedOn: '2026-03-06', acknowledgedOn: null, feedbackOn: null },
      '2026-03-06',
    );
    expect(ack!.dueOn).toBe('2026-03-11');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });
});
