import type { noticeServiceMethods } from '../../../db/schema/index.ts';
import type { CalendarConfig } from '../../../kernel/time/bank-holidays.ts';
import type { IsoDate } from '../../../kernel/time/dates.ts';
import { computeDeadline, type PeriodDefinition, type StartRule } from '../../../kernel/time/periods.ts';
import { addWorkingDays } from '../../../kernel/time/working-days.ts';

export type ServiceMethod = (typeof noticeServiceMethods)[number];

/**
 * When a written notice given to the officer concerned is treated as served. Conduct Regs 2020 reg 7 lists the
 * ways a notice may be given (in person; left at or sent by recorded delivery to the last known address; by the
 * police friend; in a manner agreed) [V in the Performance Regs' same reg 7]; SI 2025/558 reg 8 adds e-mail and
 * rules for deemed dates of service [V that it does so; the days themselves not retrieved]. So each method's rule
 * is configuration with a default and its mark, never a hidden constant:
 * - `sameDay`: served the day it is given;
 * - `workingDaysAfter: n`: served on the n-th working day after the day it is given or sent.
 */
export type DeemedServiceRule = {
  label: string;
  rule: { kind: 'same_day' } | { kind: 'working_days_after'; days: number };
  mark: 'V' | 'S' | 'R';
  source: string;
};

export const DEFAULT_DEEMED_SERVICE: Readonly<Record<ServiceMethod, DeemedServiceRule>> = Object.freeze({
  in_person: {
    label: 'Given to the officer in person',
    rule: { kind: 'same_day' },
    mark: 'R',
    source: 'Conduct Regs 2020 reg 7(a); served when handed over [R]',
  },
  left_at_address: {
    label: 'Left with a person at the officer’s last known address',
    rule: { kind: 'same_day' },
    mark: 'R',
    source: 'Conduct Regs 2020 reg 7(b) [R: deemed date as amended by SI 2025/558 reg 8 not retrieved]',
  },
  recorded_delivery: {
    label: 'Sent by recorded delivery to the officer’s last known address',
    rule: { kind: 'working_days_after', days: 2 },
    mark: 'R',
    source:
      'Conduct Regs 2020 reg 7(b); SI 2025/558 reg 8 deemed service [R: default the 2nd working day after posting]',
  },
  police_friend: {
    label: 'Given to the officer in person by their police friend',
    rule: { kind: 'same_day' },
    mark: 'R',
    source: 'Conduct Regs 2020 reg 7(c) [R]',
  },
  email: {
    label: 'Sent by e-mail',
    rule: { kind: 'working_days_after', days: 1 },
    mark: 'R',
    source: 'SI 2025/558 reg 8 (e-mail service, in force 28 May 2025) [R: default the 1st working day after sending]',
  },
  agreed_manner: {
    label: 'In another manner agreed with the officer',
    rule: { kind: 'same_day' },
    mark: 'R',
    source: 'Conduct Regs 2020 reg 7(d) [R]',
  },
});

/** SI 2025/558 in force: e-mail service exists only for notices given from this day (SI 2025/558 reg 1) [V]. */
export const EMAIL_SERVICE_FROM: IsoDate = '2025-05-28';

/** The day a notice given (or sent) on `givenOn` by `method` is treated as served, or a refusal in words. */
export function deemedServiceDate(
  method: ServiceMethod,
  givenOn: IsoDate,
  cal: CalendarConfig,
  rules: Readonly<Record<ServiceMethod, DeemedServiceRule>> = DEFAULT_DEEMED_SERVICE,
): { ok: true; on: IsoDate } | { ok: false; reason: string } {
  if (method === 'email' && givenOn < EMAIL_SERVICE_FROM)
    return {
      ok: false,
      reason: 'A notice could be served by e-mail only from 28 May 2025 (SI 2025/558 reg 8)',
    };
  const r = rules[method].rule;
  if (r.kind === 'same_day') return { ok: true, on: givenOn };
  return { ok: true, on: addWorkingDays(givenOn, r.days, cal) };
}

/**
 * The last day for the officer's statement and documents (Conduct Regs 2020 reg 18): the SAME rule as the
 * representations clock the served date starts (the `reg18_representations` period and its start rule).
 */
export function representationsDueOn(
  servedOn: IsoDate,
  period: Pick<PeriodDefinition, 'amount' | 'unit'> & { startRule?: StartRule },
  cal: CalendarConfig,
): IsoDate {
  return computeDeadline(period, servedOn, cal);
}
