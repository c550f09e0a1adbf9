import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { systemActor, type AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import type { CalendarConfig } from '../../kernel/time/bank-holidays.ts';
import { lockActiveClocksOfCase, subJudiceWindowsOfCase, updateClock } from './clocks.repository.ts';
import { isIsoDate, toDayNumber } from '../../kernel/time/iso-date.ts';
import {
  computeDeadline,
  PERIOD_KEYS,
  type Confidence,
  type PeriodKey,
  type PeriodUnit,
} from '../../kernel/time/periods.ts';
import { addCalendarDays, addWorkingDays, workingDaysBetween } from '../../kernel/time/working-days.ts';

/**
 * Sub judice: criminal proceedings against the officer that misconduct proceedings could prejudice
 * (Conduct Regs 2020 reg 10, "criminal proceedings", §2.1). WHICH clocks such a period holds back is a
 * per-period flag, because the reference does not quote reg 10's wording [R]: the defaults below follow
 * the reading that reg 10 holds back MISCONDUCT PROCEEDINGS while they would prejudice the criminal case,
 * while everything else keeps running — a deployment changes a flag once it has checked the text.
 *
 * The pause is a window [from, to] (inclusive) in which the clock does not count; the days are kept on the
 * clock (`paused_days`, calendar days) because the IOPC publishes timeliness "including and excluding
 * suspension" (§3.6) and the 12-month report must explain a long investigation (§2.7).
 */

export type SubJudiceRule = { pauses: boolean; confidence: Confidence; why: string };

const keeps = (why: string, confidence: Confidence = 'R'): SubJudiceRule => ({ pauses: false, confidence, why });

export const SUB_JUDICE_DEFAULTS: Readonly<Record<PeriodKey, SubJudiceRule>> = Object.freeze({
  pcc_report_first: keeps(
    'Reg 19 counts the relevant period from the day the allegation came to attention, with no pause; its exception only limits what is disclosed where that might prejudice an investigation, including a criminal one. The report must give the sub judice period as a reason for the length (§2.7).',
    'V',
  ),
  pcc_report_repeat: keeps(
    'Each subsequent 6 months under reg 19 runs on the same basis as the first period (§2.7).',
    'V',
  ),
  suspension_notice_written: keeps(
    'The officer must be told in writing why they are suspended whatever the criminal position (§2.12).',
  ),
  suspension_review: keeps(
    'A suspension must keep being reviewed while it lasts; criminal proceedings are a reason it may continue, not a reason to stop reviewing it (§2.12).',
  ),
  restriction_notice: keeps(
    'The officer must be told in writing of a restriction whatever the criminal position (§2.12).',
  ),
  restriction_review: keeps('A restriction must keep being reviewed while it lasts, like a suspension (§2.12).'),
  reg18_representations: keeps(
    'Reg 10 restrains proceedings, not the investigation or the officer’s window to respond to the reg 17 notice; an extension is the investigator’s decision (§2.6).',
  ),
  rprp_account: keeps('Reflective practice is not a disciplinary proceeding (§2.11).', 'V'),
  pre_hearing: {
    pauses: true,
    confidence: 'R',
    why: 'A step of misconduct proceedings, which reg 10 holds back while they would prejudice the criminal proceedings (§2.1, §2.9).',
  },
  outcome_report: keeps('The proceedings have already taken place; only their written record remains (§2.9).'),
  meeting_appeal: keeps('The officer’s own appeal window; an extension is for the appeal body, not automatic (§2.13).'),
  pat_appeal: keeps('The officer’s own appeal window under the Police Appeals Tribunals Rules (§2.13).'),
  barred_list_return: keeps(
    'A statutory duty to the College within 5 working days; the College, not the force, weighs other investigations when deciding publication (§2.15).',
    'V',
  ),
  advisory_list_return: keeps('A statutory duty to the College within 5 working days of the event (§2.15).', 'V'),
  barred_list_further_report: keeps('A statutory duty to correct the College’s record (s.88F) (§2.15).'),
  accelerated_hearing: {
    pauses: true,
    confidence: 'R',
    why: 'A step of misconduct proceedings, which reg 10 holds back while they would prejudice the criminal proceedings (§2.10).',
  },
  written_warning_expiry: keeps('A sanction in force runs its time (§2.9).'),
  final_written_warning_expiry: keeps('A sanction in force runs its time (§2.9).'),
  rprp_pdr_followup: keeps('Part of the officer’s development review, not of proceedings (§2.11).'),
  complainant_review_window: keeps('The complainant’s statutory window to apply for a review (§3.4).'),
  complaint_first_contact: keeps('Contact with the complainant is not a step of conduct proceedings (§3.2).'),
  complaint_progress_update: keeps('The complainant is kept informed while criminal proceedings run (§3.2).'),
  complaint_outcome_notice: keeps('Telling the complainant the outcome is not a step of conduct proceedings (§3.2).'),
  report_acknowledgement: keeps('Answering a confidential reporter is not a step of conduct proceedings.'),
  report_feedback: keeps('Answering a confidential reporter is not a step of conduct proceedings.'),
  ...vettingKeeps([
    'vetting_renewal_rv',
    'vetting_renewal_mv',
    'vetting_renewal_nppv1',
    'vetting_renewal_nppv2a',
    'vetting_renewal_nppv2f',
    'vetting_renewal_nppv3',
    'vetting_renewal_ctc',
    'vetting_renewal_sc',
    'vetting_renewal_esc',
    'vetting_renewal_dv',
    'vetting_renewal_edv',
    'vetting_review',
    'vetting_appeal',
    'vetting_withdrawal_appeal',
    'vetting_withdrawal_appeal_decision',
    'vetting_withdrawal_tribunal',
  ]),
});

/** Vetting clocks are not conduct proceedings: reg 10 (sub judice) does not touch them (§4). */
function vettingKeeps<K extends PeriodKey>(keys: readonly K[]): Record<K, SubJudiceRule> {
  return Object.fromEntries(
    keys.map((k) => [k, keeps('Vetting is not a conduct proceeding; reg 10 does not hold it back (§4).')]),
  ) as Record<K, SubJudiceRule>;
}

export type SubJudicePolicy = Readonly<Record<PeriodKey, boolean>>;

/** Configuration: `{ "pre_hearing": false, "reg18_representations": true }` over the defaults. */
export const subJudiceOverridesSchema = z.partialRecord(
  z.enum(PERIOD_KEYS as [PeriodKey, ...PeriodKey[]]),
  z.boolean(),
);

export function resolveSubJudicePolicy(overrides: unknown = {}): SubJudicePolicy {
  const parsed = subJudiceOverridesSchema.parse(overrides ?? {});
  return Object.freeze(
    Object.fromEntries(PERIOD_KEYS.map((k) => [k, parsed[k] ?? SUB_JUDICE_DEFAULTS[k].pauses])) as Record<
      PeriodKey,
      boolean
    >,
  );
}

export const defaultSubJudicePolicy: SubJudicePolicy = resolveSubJudicePolicy();

export function isPeriodKey(value: string): value is PeriodKey {
  return (PERIOD_KEYS as readonly string[]).includes(value);
}

export type PauseWindow = { from: IsoDate; to: IsoDate };

/** Overlapping or touching windows become one, so a day paused for two reasons (two subjects charged) counts once. */
export function mergeWindows(windows: readonly PauseWindow[]): PauseWindow[] {
  const sorted = [...windows].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: PauseWindow[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (last && toDayNumber(w.from) <= toDayNumber(last.to) + 1) {
      if (w.to > last.to) last.to = w.to;
    } else merged.push({ ...w });
  }
  return merged;
}

/**
 * The due date of a clock once its pauses are taken out. The clock counts from the day after `startedOn`;
 * a pause that begins on or before the (already extended) due date stops it for the whole window, and it
 * resumes the day after `to`. A pause that begins after the due date is ignored: the clock had already run out.
 *
 * - calendar days and months: the due date moves by the window's calendar days (a month period is
 *   extended in days, not re-counted in months, so 12 months + 10 days paused ends 10 days later);
 * - WORKING DAYS: the due date moves by the WORKING days inside the window, counted forward from the due
 *   date with the same calendar, so the officer still gets N working days of unpaused time — a pause over a
 *   weekend alone moves nothing, a pause over a bank holiday Monday does not add that Monday.
 * `pausedDays` is always calendar days (the "excluding suspension" measure of §3.6).
 */
export function extendForPauses(input: {
  startedOn: IsoDate;
  baseDueOn: IsoDate;
  unit: PeriodUnit;
  windows: readonly PauseWindow[];
  calendar: CalendarConfig;
}): { dueOn: IsoDate; pausedDays: number } {
  let dueOn = input.baseDueOn;
  let pausedDays = 0;
  const firstCounted = addCalendarDays(input.startedOn, 1);
  for (const w of mergeWindows(input.windows)) {
    const from = w.from > firstCounted ? w.from : firstCounted;
    if (w.to < from) continue;
    if (from > dueOn) break;
    const days = toDayNumber(w.to) - toDayNumber(from) + 1;
    dueOn =
      input.unit === 'working_days'
        ? addWorkingDays(dueOn, workingDaysBetween(addCalendarDays(from, -1), w.to, input.calendar), input.calendar)
        : addCalendarDays(dueOn, days);
    pausedDays += days;
  }
  return { dueOn, pausedDays };
}

const pauseInput = z
  .object({
    forceId: z.string().min(1),
    caseId: z.string().uuid(),
    from: z.string().refine(isIsoDate, 'Enter the start of the sub judice period as a real date'),
    to: z.string().refine(isIsoDate, 'Enter the end of the sub judice period as a real date'),
  })
  .refine((v) => v.to >= v.from, {
    message: 'The end of the sub judice period must be on or after its start',
    path: ['to'],
  });

export type ClockAdjustment = {
  clockId: string;
  period: PeriodKey;
  previousDueOn: IsoDate;
  dueOn: IsoDate;
  pausedDays: number;
};

/**
 * Takes a sub judice window out of the live clocks of a case whose period pauses (see the policy), inside
 * the caller's transaction. Each due date is RECOMPUTED from the clock's start, its configured period and
 * every closed sub judice window of the case (those on `criminal_proceedings` plus this one, merged), not
 * pushed from its current value — so applying the same window twice, or a window also recorded on another
 * subject's proceedings, changes nothing the second time. A clock whose date moves goes back to `running`
 * with its due/overdue notices cleared, so the sweeper judges it again against the new date.
 */
export async function applySubJudicePause(
  tx: Db,
  deps: Deps,
  raw: { forceId: string; caseId: string; from: IsoDate; to: IsoDate; policy?: SubJudicePolicy; actor?: AuditActor },
): Promise<ClockAdjustment[]> {
  const input = parseInput(pauseInput, raw, 'Check the sub judice period');
  const policy = raw.policy ?? defaultSubJudicePolicy;
  const windows = [
    ...(await subJudiceWindowsOfCase(tx, input.forceId, input.caseId)),
    { from: input.from, to: input.to },
  ];
  const adjustments: ClockAdjustment[] = [];
  for (const clock of await lockActiveClocksOfCase(tx, { forceId: input.forceId, caseId: input.caseId })) {
    if (!isPeriodKey(clock.period) || !policy[clock.period]) continue;
    const period = deps.config.rules.periods[clock.period];
    const baseDueOn = computeDeadline(period, clock.startedOn, deps.config.rules.calendar);
    const next = extendForPauses({
      startedOn: clock.startedOn,
      baseDueOn,
      unit: period.unit,
      windows,
      calendar: deps.config.rules.calendar,
    });
    if (next.dueOn === clock.dueOn && next.pausedDays === clock.pausedDays) continue;
    const moved =
      next.dueOn !== clock.dueOn
        ? { dueOn: next.dueOn, state: 'running' as const, dueNotifiedAt: null, overdueNotifiedAt: null }
        : {};
    await updateClock(tx, clock.forceId, clock.id, { pausedDays: next.pausedDays, ...moved });
    await recordAudit(
      tx,
      raw.actor ?? systemActor('clocks', input.forceId),
      { type: 'clock', id: clock.id },
      {
        type: 'clock.paused',
        clockId: clock.id,
        caseId: clock.caseId,
        period: clock.period,
        from: input.from,
        to: input.to,
        previousDueOn: clock.dueOn,
        dueOn: next.dueOn,
        pausedDays: next.pausedDays,
      },
    );
    adjustments.push({
      clockId: clock.id,
      period: clock.period,
      previousDueOn: clock.dueOn,
      dueOn: next.dueOn,
      pausedDays: next.pausedDays,
    });
  }
  return adjustments;
}
