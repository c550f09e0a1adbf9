import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { CalendarConfig } from '../../../kernel/time/bank-holidays.ts';
import { displayedClockState } from '../../clocks/index.ts';
import { toDayNumber } from '../../../kernel/time/iso-date.ts';
import { computeDeadline, type ResolvedPeriods } from '../../../kernel/time/periods.ts';

/**
 * The two time limits of a confidential report, computed from the configured period table of the clock
 * machinery (kernel/time/periods.ts), so each amount is configuration with its mark ([R]: a force
 * target, not UK statute):
 *  - acknowledgement (`report_acknowledgement`, default 7 days) from the day the report was received;
 *  - feedback on the action taken or planned (`report_feedback`, default 3 months) from the acknowledgement,
 *    or, if none was sent in time, from the end of the acknowledgement period (EU Directive 2019/1937
 *    art 9(1)(f), followed as good practice).
 * Derived from the report's days, never stored: a report's clocks cannot drift from its own record.
 */
export const REPORT_CLOCKS = ['report_acknowledgement', 'report_feedback'] as const;
export type ReportClockKey = (typeof REPORT_CLOCKS)[number];

export type ReportClock = {
  period: ReportClockKey;
  label: string;
  dueOn: IsoDate;
  metOn: IsoDate | null;
  /** running, due (today), overdue, met. */
  state: string;
  /** Met after its day. */
  late: boolean;
  /** The confidence mark of the period: 'R' (a target to be set by the force) unless overridden as verified. */
  mark: string;
  source: string;
};

export type ReportDays = {
  receivedOn: IsoDate;
  acknowledgedOn: IsoDate | null;
  feedbackOn: IsoDate | null;
};

export function reportClocks(
  periods: ResolvedPeriods,
  report: ReportDays,
  today: IsoDate,
  cal?: CalendarConfig,
): ReportClock[] {
  const ack = periods.report_acknowledgement;
  const ackDue = computeDeadline(ack, report.receivedOn, cal);
  const feedbackStart = report.acknowledgedOn && report.acknowledgedOn <= ackDue ? report.acknowledgedOn : ackDue;
  const feedback = periods.report_feedback;
  const feedbackDue = computeDeadline(feedback, feedbackStart, cal);
  const clock = (period: ReportClockKey, def: typeof ack, dueOn: IsoDate, metOn: IsoDate | null): ReportClock => ({
    period,
    label: def.label,
    dueOn,
    metOn,
    state: metOn ? 'met' : displayedClockState({ state: 'running', dueOn, period: null }, today),
    late: !!metOn && metOn > dueOn,
    mark: def.confidence,
    source: def.source,
  });
  return [
    clock('report_acknowledgement', ack, ackDue, report.acknowledgedOn),
    clock('report_feedback', feedback, feedbackDue, report.feedbackOn),
  ];
}

/** Whole days from one day to another (for the statistics' medians). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}
