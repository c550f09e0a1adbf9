import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { CalendarConfig } from '../../../kernel/time/bank-holidays.ts';
import { displayedClockState } from '../../clocks/index.ts';
import { toDayNumber } from '../../../kernel/time/iso-date.ts';
import { computeDeadline, type ResolvedPeriods } from '../../../kernel/time/periods.ts';

/**
 * The two time limits of a confidential report, kept as rows of the one clock store (owner kind 'report':
 * report-clocks.repository.ts) and computed here from the configured period table of the clock machinery
 * (kernel/time/periods.ts), so each amount is configuration with its mark ([R]: a force target, not UK
 * statute; EU Directive 2019/1937 art 9(1)(b) and (f), followed as good practice):
 *  - acknowledgement (`report_acknowledgement`, default 7 days) from the day the report was received;
 *  - feedback on the action taken or planned (`report_feedback`, default 3 months) from the end of the
 *    acknowledgement period, brought forward to the acknowledgement when it is sent in time.
 */
export const REPORT_CLOCKS = ['report_acknowledgement', 'report_feedback'] as const;
export type ReportClockKey = (typeof REPORT_CLOCKS)[number];

export function isReportClockKey(period: string): period is ReportClockKey {
  return (REPORT_CLOCKS as readonly string[]).includes(period);
}

/** A report clock as the unit's pages show it. */
export type ReportClock = {
  period: ReportClockKey;
  label: string;
  dueOn: IsoDate;
  metOn: IsoDate | null;
  /** running, due (today), overdue, met; cancelled for a clock of a report closed before it was met. */
  state: string;
  /** Met after its day. */
  late: boolean;
  /** The confidence mark of the period: 'R' (a target to be set by the force) unless overridden as verified. */
  mark: string;
  source: string;
};

export type PlannedReportClock = { period: ReportClockKey; startedOn: IsoDate; dueOn: IsoDate };

/** The clocks a report starts with on the day it is received: acknowledgement, then feedback after it. */
export function plannedReportClocks(
  periods: ResolvedPeriods,
  receivedOn: IsoDate,
  cal?: CalendarConfig,
): PlannedReportClock[] {
  const ackDue = computeDeadline(periods.report_acknowledgement, receivedOn, cal);
  return [
    { period: 'report_acknowledgement', startedOn: receivedOn, dueOn: ackDue },
    { period: 'report_feedback', startedOn: ackDue, dueOn: computeDeadline(periods.report_feedback, ackDue, cal) },
  ];
}

/**
 * The feedback clock once the report is acknowledged: it runs from the acknowledgement when that was sent by
 * the acknowledgement's due day; a late acknowledgement leaves it where it was (from the end of the period).
 */
export function feedbackAfterAcknowledgement(
  periods: ResolvedPeriods,
  acknowledgement: { dueOn: IsoDate },
  acknowledgedOn: IsoDate,
  cal?: CalendarConfig,
): { startedOn: IsoDate; dueOn: IsoDate } | null {
  if (acknowledgedOn > acknowledgement.dueOn) return null;
  return { startedOn: acknowledgedOn, dueOn: computeDeadline(periods.report_feedback, acknowledgedOn, cal) };
}

/** A stored clock as the pages show it today: met (late or not), running, due today or overdue. */
export function reportClockView(
  periods: ResolvedPeriods,
  clock: { period: ReportClockKey; dueOn: IsoDate; metOn: IsoDate | null; state: string },
  today: IsoDate,
): ReportClock {
  const def = periods[clock.period];
  return {
    period: clock.period,
    label: def.label,
    dueOn: clock.dueOn,
    metOn: clock.metOn,
    state:
      clock.state === 'running'
        ? displayedClockState({ state: 'running', dueOn: clock.dueOn, period: null }, today)
        : clock.state,
    late: !!clock.metOn && clock.metOn > clock.dueOn,
    mark: def.confidence,
    source: def.source,
  };
}

/** Whole days from one day to another (for the statistics' medians). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}
