import type { IsoDate } from '../../../kernel/time/dates.ts';
import { fromDayNumber, toDayNumber } from '../../../kernel/time/iso-date.ts';
import { addCalendarDays, addMonths } from '../../../kernel/time/working-days.ts';
import type { Sanction } from './allegation-types.ts';

/**
 * Conduct Regs reg 62(4): a final written warning remains in force for 2 years "or such longer period … up to a
 * maximum of 5 years" as the panel decides. It runs from the officer being notified (reg 42(4)), so its last day
 * in force is start + N months − 1 day (the `final_written_warning_expiry` period's 'event_day' start rule).
 */
export const FWW_MIN_YEARS = 2;
export const FWW_MAX_YEARS = 5;

/** The months a final written warning is in force, or a refusal naming the regulation. */
export function finalWrittenWarningMonths(
  sanction: Sanction,
  years: number | undefined,
): { ok: true; months: number | undefined } | { ok: false; reason: string } {
  if (sanction !== 'final_written_warning') {
    return years === undefined
      ? { ok: true, months: undefined }
      : { ok: false, reason: 'A length is set only for a final written warning (Conduct Regs reg 62(4))' };
  }
  const y = years ?? FWW_MIN_YEARS;
  if (!Number.isInteger(y) || y < FWW_MIN_YEARS || y > FWW_MAX_YEARS)
    return {
      ok: false,
      reason: `A final written warning is in force for ${FWW_MIN_YEARS} to ${FWW_MAX_YEARS} years, as the panel decides (Conduct Regs reg 62(4))`,
    };
  return { ok: true, months: y * 12 };
}

/** A career break of the officer: `endsOn` null while it continues. */
export type CareerBreak = { startsOn: IsoDate; endsOn: IsoDate | null };

/**
 * The last day a warning is in force once career breaks are taken out of its time (Conduct Regs 2020 reg 42(11)
 * for a written warning [S], reg 62(5) for a final written warning [V]): the warning runs for the days from its
 * start (the day it is notified, reg 42(4)) to `baseLastDay`, counting only days outside a career break, so each
 * break day from the start onwards pushes the last day one day later. Breaks may overlap (a day counts once).
 * Null while an open career break (no end yet) has begun on or before the day the warning would end: its end is
 * not yet known, and until then the warning stays in force.
 */
export function extendByCareerBreaks(
  startOn: IsoDate,
  baseLastDay: IsoDate,
  breaks: readonly CareerBreak[],
): IsoDate | null {
  const start = toDayNumber(startOn);
  let remaining = toDayNumber(baseLastDay) - start + 1;
  if (remaining <= 0) return baseLastDay;
  let pos = start;
  const sorted = [...breaks]
    .map((b) => ({ s: toDayNumber(b.startsOn), e: b.endsOn === null ? null : toDayNumber(b.endsOn) }))
    .filter((b) => b.e === null || b.e >= b.s)
    .sort((a, b) => a.s - b.s);
  for (const b of sorted) {
    if (b.e !== null && b.e < pos) continue; // wholly before the days still to run
    if (b.s > pos + remaining - 1) break; // begins after the warning has run out
    if (b.s > pos) {
      remaining -= b.s - pos;
      pos = b.s;
    }
    if (b.e === null) return null;
    pos = b.e + 1;
  }
  return fromDayNumber(pos + remaining - 1);
}

/**
 * A written or final written warning's last day in force: start + N months − 1 day (it runs from notification,
 * Conduct Regs 2020 reg 42(4)), then extended by the career-break days within it (reg 42(11), reg 62(5)).
 */
export function warningLastDayInForce(
  startOn: IsoDate,
  months: number,
  breaks: readonly CareerBreak[],
): IsoDate | null {
  return extendByCareerBreaks(startOn, addCalendarDays(addMonths(startOn, months), -1), breaks);
}

/** Whether a warning that started on `startOn` with that last day (null: open-ended) is in force on `on`. */
export function warningInForceOn(startOn: IsoDate, lastDay: IsoDate | null, on: IsoDate): boolean {
  return startOn <= on && (lastDay === null || on <= lastDay);
}
