import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { CalendarConfig } from '../../../kernel/time/bank-holidays.ts';
import { computeDeadline, type PeriodKey, type ResolvedPeriods } from '../../../kernel/time/periods.ts';
import { addCalendarDays } from '../../../kernel/time/working-days.ts';

/**
 * The complaint's time limits, computed from the configured period table of the clock machinery
 * (kernel/time/periods.ts), so every amount is configuration with its mark:
 *  - first contact with the complainant: `complaint_first_contact` from logging (a force target [R]);
 *  - progress updates: `complaint_progress_update` (4 weeks) from the start of handling, then from each update;
 *  - the outcome notice: `complaint_outcome_notice` (5 working days) from the outcome decision;
 *  - the 12-month report to the local policing body: `pcc_report_first` from the day the complaint was made
 *    (Complaints and Misconduct Regs 2020 reg 13);
 *  - the review window: `complainant_review_window` (28 days beginning with the day after the outcome notice,
 *    Complaints and Misconduct Regs 2020 reg 29(2)), with any forwarding time excluded (reg 29(3)).
 */
export const COMPLAINT_CLOCKS = [
  'complaint_first_contact',
  'complaint_progress_update',
  'complaint_outcome_notice',
  'pcc_report_first',
  'complainant_review_window',
] as const satisfies readonly PeriodKey[];
export type ComplaintClock = (typeof COMPLAINT_CLOCKS)[number];

export function complaintDeadline(
  periods: ResolvedPeriods,
  clock: ComplaintClock,
  start: IsoDate,
  cal?: CalendarConfig,
): IsoDate {
  return computeDeadline(periods[clock], start, cal);
}

/** The last day to apply for a review: 28 days from the day after the outcome notice, plus forwarding days. */
export function reviewWindowEnds(
  periods: ResolvedPeriods,
  outcomeNotifiedOn: IsoDate,
  forwardingDays = 0,
  cal?: CalendarConfig,
): IsoDate {
  if (!Number.isSafeInteger(forwardingDays) || forwardingDays < 0)
    throw new RangeError(`Forwarding days must be a whole number of days, not ${forwardingDays}`);
  return addCalendarDays(
    complaintDeadline(periods, 'complainant_review_window', outcomeNotifiedOn, cal),
    forwardingDays,
  );
}

/** Whether an application received on `receivedOn` is in time. */
export function reviewApplicationInTime(
  periods: ResolvedPeriods,
  outcomeNotifiedOn: IsoDate,
  receivedOn: IsoDate,
  forwardingDays = 0,
): boolean {
  return receivedOn <= reviewWindowEnds(periods, outcomeNotifiedOn, forwardingDays);
}
