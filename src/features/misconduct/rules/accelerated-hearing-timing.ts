import type { CalendarConfig } from '../../../kernel/time/bank-holidays.ts';
import { addWorkingDays } from '../../../kernel/time/working-days.ts';
import { formatDate, type IsoDate } from '../../../kernel/time/dates.ts';

/**
 * Conduct Regs reg 52(1): an accelerated misconduct hearing is held "not less than 10 nor more than 15 working
 * days after the day on which the notice" under reg 51 is given to the officer. Day 1 is the first working day
 * after the notice. The upper limit is the `accelerated_hearing` period (clocks/periods.ts, configurable).
 */
export const ACCELERATED_HEARING_MIN_WORKING_DAYS = 10;

export type HearingWindow = { earliest: IsoDate; latest: IsoDate };

export function acceleratedHearingWindow(
  noticeOn: IsoDate,
  maxWorkingDays: number,
  cal: CalendarConfig,
): HearingWindow {
  return {
    earliest: addWorkingDays(noticeOn, ACCELERATED_HEARING_MIN_WORKING_DAYS, cal),
    latest: addWorkingDays(noticeOn, maxWorkingDays, cal),
  };
}

/** Null when the hearing date is inside the window; otherwise a sentence naming the window's dates. */
export function acceleratedHearingDateRefusal(noticeOn: IsoDate, hearingOn: IsoDate, w: HearingWindow): string | null {
  if (hearingOn >= w.earliest && hearingOn <= w.latest) return null;
  return `An accelerated hearing must be held between ${formatDate(w.earliest)} and ${formatDate(w.latest)}: not less than 10 nor more than 15 working days after the regulation 51 notice given on ${formatDate(noticeOn)} (Conduct Regs reg 52(1))`;
}
