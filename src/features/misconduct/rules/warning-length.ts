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
