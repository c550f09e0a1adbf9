import { z } from 'zod';
import type { IsoDate } from '../../lib/dates.ts';
import type { RegimeVersion } from './regime.ts';
import { defaultCalendarConfig, type CalendarConfig } from './bank-holidays.ts';
import { addCalendarDays, addMonths, addWorkingDays } from './working-days.ts';

/**
 * The statutory and guidance time limits as DATA, one row per clock (§2.18 "Timers"). Each row carries the
 * reference's confidence mark: [V] was read in the cited source; [R] is unverified recollection, which the
 * reference says must be configuration rather than a hidden constant. So every amount here is a DEFAULT
 * that a deployment can override (see {@link resolvePeriods}) once checked against the primary text; the
 * mark is kept after an override so screens can still say where the default came from.
 *
 * Deadlines follow the convention of working-days.ts: the starting event is day 0 and the deadline is the
 * last day of the period (start + amount).
 */

export const PERIOD_UNITS = ['working_days', 'calendar_days', 'months'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
export type Confidence = 'V' | 'R';

/**
 * Where a period's day 1 falls. The regulations use two wordings, and a period a day late breaks the law:
 * - 'event_day': "N working days BEGINNING WITH THE DATE OF the event" (Barred List Regs 2017 reg 3(1),
 *   reg 12(1)): the event day is day 1 when it is a working day, so 5 WD from Monday 2 June 2025 end on
 *   Friday 6 June; a warning "in force for N months" from its notification ends on start + N months − 1 day.
 * - 'day_after': "beginning with the first working day after the day on which …" (Conduct Regs reg 45(3);
 *   C&M Regs reg 29(2)): day 1 is the first (working) day after the event.
 */
export const START_RULES = ['event_day', 'day_after'] as const;
export type StartRule = (typeof START_RULES)[number];

type PeriodWords = { label: string; from: string; source: string; startRule: StartRule; startRuleSource: string };

const ALL: readonly RegimeVersion[] = ['2012', '2020', '2020+2024', '2020+2025'];
const FROM_2020: readonly RegimeVersion[] = ['2020', '2020+2024', '2020+2025'];

export const PERIOD_DEFINITIONS = Object.freeze({
  pcc_report_first: period(12, 'months', 'V', FROM_2020, {
    label: 'First report to the local policing body on an investigation not completed',
    from: 'the day the allegation first came to the appropriate authority’s attention (Schedule 3: the day the complaint was made)',
    source: '§2.7 Conduct Regs reg 19; Complaints and Misconduct Regs reg 13 [V S13, S22]',
    startRule: 'day_after',
    startRuleSource:
      'Conduct Regs reg 19: the report is due once the 12 months beginning with the day of attention have ended, i.e. on start + 12 months [V]',
  }),
  pcc_report_repeat: period(6, 'months', 'V', FROM_2020, {
    label: 'Further report to the local policing body (each later period)',
    from: 'the end of the previous relevant period',
    source: '§2.7 Conduct Regs reg 19; Complaints and Misconduct Regs reg 13 [V S13, S22]',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 19: each further report is due once the next 6 months have ended [V]',
  }),
  suspension_notice_written: period(3, 'working_days', 'R', ALL, {
    label: 'Written confirmation of a suspension given orally',
    from: 'the oral notification of suspension',
    source: '§2.12 reg 11 (2012 wording [V]; same in 2020 [R])',
    startRule: 'day_after',
    startRuleSource: 'reg 11 wording not retrieved [R]',
  }),
  suspension_review: period(28, 'calendar_days', 'R', FROM_2020, {
    label: 'Review of whether the suspension conditions are still met',
    from: 'the suspension decision, then each review',
    source: '§2.12 reg 11 (interval not retrieved; "commonly every 4 weeks") [R]',
    startRule: 'day_after',
    startRuleSource: 'reg 11 review interval not retrieved [R]',
  }),
  restriction_notice: period(3, 'working_days', 'R', ALL, {
    label: 'Written notice of a restriction of duties (or written confirmation of one given orally)',
    from: 'the decision to restrict duties',
    source: '§2.12 alternatives to suspension: local force policy, default as for reg 11 [R]',
    startRule: 'day_after',
    startRuleSource: 'force policy [R]',
  }),
  restriction_review: period(28, 'calendar_days', 'R', ALL, {
    label: 'Review of a restriction of duties short of suspension',
    from: 'the decision, then each review',
    source: '§2.12 alternatives to suspension: local force policy, default as for reg 11 reviews [R]',
    startRule: 'day_after',
    startRuleSource: 'force policy [R]',
  }),
  reg18_representations: period(10, 'working_days', 'R', FROM_2020, {
    label: 'Officer’s statement or documents to the investigator',
    from: 'the regulation 17 written notice being given',
    source: '§2.6 reg 18 [R – confirm]',
    startRule: 'day_after',
    startRuleSource:
      'Conduct Regs reg 18: "starting with the first working day after the day on which the notice is given" (text not retrieved) [R]',
  }),
  rprp_account: period(5, 'working_days', 'V', FROM_2020, {
    label: 'Officer’s account for the reflective practice review process',
    from: 'the reflective practice notice being given to the officer',
    source: '§2.11 Part 6 [V S30, S17]',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs Part 6 (wording of the start not retrieved) [R]',
  }),
  pre_hearing: period(15, 'working_days', 'V', FROM_2020, {
    label: 'Misconduct pre-hearing (extendable)',
    from: 'the documents being supplied to the chair',
    source: '§2.9 pre-hearing [V S16]',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 31/32 (wording of the start not retrieved) [R]',
  }),
  outcome_report: period(5, 'working_days', 'V', FROM_2020, {
    label: 'Written reasons / outcome report to the appropriate authority',
    from: 'the end of the misconduct proceedings',
    source: '§2.9 [V S29]',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 43(1) [S]',
  }),
  meeting_appeal: period(7, 'working_days', 'R', FROM_2020, {
    label: 'Notice of appeal against a misconduct meeting (extendable in exceptional circumstances)',
    from: 'the officer receiving the report of the meeting',
    source: '§2.13 reg 45 [V S29g MoD mirror; R for Home Office]',
    startRule: 'day_after',
    startRuleSource:
      'Conduct Regs reg 45(3): "beginning with the first working day after the day on which the officer is supplied with" the report [V MoD mirror]',
  }),
  pat_appeal: period(10, 'working_days', 'R', FROM_2020, {
    label: 'Notice of appeal to the Police Appeals Tribunal',
    from: 'the officer receiving the outcome of the hearing or accelerated hearing',
    source: '§2.13 Police Appeals Tribunals Rules 2020 [R]',
    startRule: 'day_after',
    startRuleSource: 'Police Appeals Tribunals Rules 2020 (time limits not retrieved) [R]',
  }),
  barred_list_return: period(5, 'working_days', 'V', ALL, {
    label: 'Report to the College of Policing for the barred list',
    from: 'the dismissal, or the finding that a former officer would have been dismissed',
    source: '§2.15 Barred List Regs 2017 reg 3 [V S31]',
    startRule: 'event_day',
    startRuleSource:
      'Police Barred List and Police Advisory List Regs 2017 reg 3(1): "5 working days beginning with the date of" the dismissal or finding [V]',
  }),
  advisory_list_return: period(5, 'working_days', 'V', ALL, {
    label: 'Report to the College of Policing for the advisory list',
    from: 'the resignation or retirement under investigation (or the allegation coming to attention after leaving)',
    source: '§2.15 Barred List Regs 2017 reg 12 [V S31]',
    startRule: 'event_day',
    startRuleSource:
      'Police Barred List and Police Advisory List Regs 2017 reg 12(1): "5 working days beginning with the date of" the event [V]',
  }),
  barred_list_further_report: period(5, 'working_days', 'R', ALL, {
    label: 'Further report to the College of Policing for the barred list (dismissal overturned or changed)',
    from: 'the change that makes the earlier report wrong (e.g. the appeal decision)',
    source: '§2.15 Police Act 1996 s.88F; Barred List Regs 2017 reg 5 [V duty; R period, taken as for reg 3]',
    startRule: 'event_day',
    startRuleSource: 'Barred List Regs 2017 reg 5 (period wording not retrieved; as reg 3(1)) [R]',
  }),
  accelerated_hearing: period(15, 'working_days', 'V', FROM_2020, {
    label: 'Accelerated misconduct hearing held (not less than 10 nor more than 15 working days after the notice)',
    from: 'the regulation 51 notice being given to the officer',
    source: '§2.10 Conduct Regs reg 52(1) [V]',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 52(1): "after the day on which the notice … is given" [V]',
  }),
  written_warning_expiry: period(18, 'months', 'R', FROM_2020, {
    label: 'Written warning in force',
    from: 'the written warning being given',
    source: '§2.9 sanction durations [R – confirm Home Office text]',
    startRule: 'event_day',
    startRuleSource:
      'Conduct Regs reg 42(4): a warning runs from the day it is notified, so its last day in force is start + N months − 1 day [V]',
  }),
  final_written_warning_expiry: period(24, 'months', 'R', FROM_2020, {
    label: 'Final written warning in force (can be extended)',
    from: 'the final written warning being given',
    source: '§2.9 sanction durations [R – confirm Home Office text]',
    startRule: 'event_day',
    startRuleSource:
      'Conduct Regs reg 42(4), reg 62(4): runs from notification, last day in force start + N months − 1 day [V]',
  }),
  rprp_pdr_followup: period(12, 'months', 'V', FROM_2020, {
    label: 'Reflective review report discussed at the officer’s PDR',
    from: 'the reflective review development report',
    source: '§2.11 Part 6 reg 70 [V S17]',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 70 (start wording not retrieved) [R]',
  }),
  complainant_review_window: period(28, 'calendar_days', 'V', FROM_2020, {
    label: 'Complainant’s application for a review of a complaint outcome',
    from: 'the complaint outcome being sent (day 1 is the day after it is sent)',
    source: '§3.4 Police Reform Act 2002 Sch 3 reviews [V S35a]; applies to complaints under the 2020 reforms',
    startRule: 'day_after',
    startRuleSource: 'C&M Regs reg 29(2): 28 days beginning with the day after the outcome information is sent [V]',
  }),
  complaint_first_contact: period(10, 'working_days', 'R', FROM_2020, {
    label: 'First contact with the complainant about how they want the complaint handled',
    from: 'the complaint being logged',
    source:
      '§3.6 Police Reform Act 2002 Sch 3 para 2(6): contact "as soon as practicable"; the number of days is a force target, not law [R]',
    startRule: 'day_after',
    startRuleSource: 'force target [R]',
  }),
  complaint_progress_update: period(28, 'calendar_days', 'V', FROM_2020, {
    label: 'Update to the complainant on the progress of the complaint (every 4 weeks)',
    from: 'the start of the handling of a recorded complaint, then each update',
    source:
      '§3.2 Police Reform Act 2002 Sch 3 (keeping the complainant informed): within 4 weeks, then every 4 weeks [V]',
    startRule: 'day_after',
    startRuleSource: 'Complaints and Misconduct Regs 2020 (the 4 weeks run from the start of the handling) [V]',
  }),
  complaint_outcome_notice: period(5, 'working_days', 'V', FROM_2020, {
    label: 'Notice of the outcome of the complaint to the complainant',
    from: 'the outcome being decided',
    source: '§3.2 Police Reform Act 2002 Sch 3; Complaints and Misconduct Regs 2020 reg 33: within 5 working days [V]',
    startRule: 'day_after',
    startRuleSource: 'Complaints and Misconduct Regs 2020 (start wording not retrieved) [R]',
  }),
  // Anonymous internal reports (features/reporting). No UK statute sets these for a force's own channel; the
  // defaults follow the good practice of the EU Whistleblowing Directive 2019/1937 art 9(1)(b) and (f) (which
  // does not bind the UK), so they are force targets, marked [R], to be set by each force.
  report_acknowledgement: period(7, 'calendar_days', 'R', ALL, {
    label: 'Acknowledge a confidential report to the reporter',
    from: 'the report being received',
    source:
      '§5.5 internal reporting (the reference gives no time limit): good practice, not UK statute — EU Directive 2019/1937 art 9(1)(b) "within seven days"; the force sets its target [R]',
    startRule: 'day_after',
    startRuleSource: 'force target [R]',
  }),
  report_feedback: period(3, 'months', 'R', ALL, {
    label: 'Give the reporter feedback on the action taken or planned',
    from: 'the acknowledgement, or if none was sent the end of the acknowledgement period',
    source:
      '§5.5 internal reporting (the reference gives no time limit): good practice, not UK statute — EU Directive 2019/1937 art 9(1)(f) "not exceeding three months"; the force sets its target [R]',
    startRule: 'day_after',
    startRuleSource: 'force target [R]',
  }),
  vetting_renewal_rv: period(120, 'months', 'V', ALL, vetting('Recruitment vetting (RV)', '10 years [V S47]')),
  vetting_renewal_mv: period(84, 'months', 'R', ALL, vetting('Management vetting (MV)', '7 years [R]')),
  vetting_renewal_nppv1: period(36, 'months', 'R', ALL, vetting('NPPV level 1', 'about 3 years [R]')),
  vetting_renewal_nppv2a: period(36, 'months', 'R', ALL, vetting('NPPV level 2 (abbreviated)', 'about 3 years [R]')),
  vetting_renewal_nppv2f: period(36, 'months', 'R', ALL, vetting('NPPV level 2 (full)', '3 years [R]')),
  vetting_renewal_nppv3: period(
    60,
    'months',
    'R',
    ALL,
    vetting('NPPV level 3', '5 years, some sources say 7 [R – conflicting]'),
  ),
  vetting_renewal_ctc: period(
    120,
    'months',
    'V',
    ALL,
    vetting('Counter-terrorism check (CTC)', '10 years, 5 for non-List X contractors [V S49e]'),
  ),
  vetting_renewal_sc: period(
    120,
    'months',
    'V',
    ALL,
    vetting('Security check (SC)', '10 years, 5 for non-List X contractors [V S49e]'),
  ),
  vetting_renewal_esc: period(
    120,
    'months',
    'V',
    ALL,
    vetting('Enhanced security check (eSC)', '10 years, as SC [V S49e]'),
  ),
  vetting_renewal_dv: period(
    84,
    'months',
    'V',
    ALL,
    vetting('Developed vetting (DV)', '7 years, 3 for non-List X contractors [V S49e]'),
  ),
  vetting_renewal_edv: period(
    84,
    'months',
    'V',
    ALL,
    vetting('Enhanced developed vetting (eDV)', '7 years, as DV [V S49e]'),
  ),
  vetting_review: period(28, 'calendar_days', 'R', ALL, {
    label:
      'Vetting review completed after a trigger (adverse information, misconduct, restriction, charge, transfer …)',
    from: 'the trigger opening the review',
    source: '§4.5 immediate review on adverse information; time to complete is force policy [R]',
    startRule: 'day_after',
    startRuleSource: 'force policy [R]',
  }),
  vetting_appeal: period(14, 'calendar_days', 'R', ALL, {
    label: 'Appeal against a vetting refusal or withdrawal',
    from: 'the decision being sent',
    source: '§4.4 typically 14 days (Warwickshire), some forces 21 — configurable per deployment [V S50, S50b]',
    startRule: 'day_after',
    startRuleSource: 'force policy [R]',
  }),
});

export type PeriodKey = keyof typeof PERIOD_DEFINITIONS;
export const PERIOD_KEYS = Object.keys(PERIOD_DEFINITIONS) as PeriodKey[];

export interface PeriodDefinition {
  key: PeriodKey;
  label: string;
  amount: number;
  unit: PeriodUnit;
  /** The event that starts the clock, in words. */
  from: string;
  confidence: Confidence;
  /** Reference section and source tag, e.g. '§2.7 Conduct Regs reg 19 [V S13]'. */
  source: string;
  /** Regime versions the limit applies to; absent means the reference gives no limit for that regime. */
  regimes: readonly RegimeVersion[];
  /** Whether the event day is day 1 or the day after it is (see {@link START_RULES}). */
  startRule: StartRule;
  /** The words of the regulation that fix the start rule, with their evidence mark. */
  startRuleSource: string;
}

export interface ResolvedPeriod extends PeriodDefinition {
  /** True when configuration replaced the default amount, unit or start rule. */
  overridden: boolean;
  defaultAmount: number;
  defaultUnit: PeriodUnit;
  defaultStartRule: StartRule;
}

export type ResolvedPeriods = Readonly<Record<PeriodKey, ResolvedPeriod>>;

const positiveWhole = z.number().int().positive().max(10_000);
/**
 * Configuration: `{ meeting_appeal: 7 }`, `{ suspension_review: { amount: 4, unit: 'calendar_days' } }` or
 * `{ pat_appeal: { amount: 10, startRule: 'event_day' } }` (a start rule marked [R] can be corrected too).
 */
export const periodOverridesSchema = z.partialRecord(
  z.enum(PERIOD_KEYS as [PeriodKey, ...PeriodKey[]]),
  z.union([
    positiveWhole,
    z.strictObject({
      amount: positiveWhole,
      unit: z.enum(PERIOD_UNITS).optional(),
      startRule: z.enum(START_RULES).optional(),
    }),
  ]),
);
export type PeriodOverrides = z.input<typeof periodOverridesSchema>;

/** The period table with validated overrides applied. Throws a ZodError naming the bad key or value. */
export function resolvePeriods(overrides: unknown = {}): ResolvedPeriods {
  const parsed = periodOverridesSchema.parse(overrides ?? {});
  const entries = PERIOD_KEYS.map((key): [PeriodKey, ResolvedPeriod] => {
    const base: PeriodDefinition = { key, ...PERIOD_DEFINITIONS[key] };
    const change = parsed[key];
    const amount = change === undefined ? base.amount : typeof change === 'number' ? change : change.amount;
    const unit = typeof change === 'object' && change.unit !== undefined ? change.unit : base.unit;
    const startRule = typeof change === 'object' && change.startRule !== undefined ? change.startRule : base.startRule;
    const overridden = amount !== base.amount || unit !== base.unit || startRule !== base.startRule;
    const defaults = { defaultAmount: base.amount, defaultUnit: base.unit, defaultStartRule: base.startRule };
    return [key, { ...base, amount, unit, startRule, overridden, ...defaults }];
  });
  return Object.freeze(Object.fromEntries(entries) as Record<PeriodKey, ResolvedPeriod>);
}

/** The periods that apply to a regime version. */
export function periodsForRegime(periods: ResolvedPeriods, regime: RegimeVersion): ResolvedPeriod[] {
  return PERIOD_KEYS.map((key) => periods[key]).filter((p) => p.regimes.includes(regime));
}

/**
 * The last day of the period that starts with an event on `start`. Under 'event_day' the count begins on the
 * event day itself (it is day 1 if it is a working day), so the deadline is one (working) day earlier than
 * under 'day_after'; a period without a start rule counts from the day after (the older convention).
 */
export function computeDeadline(
  period: Pick<PeriodDefinition, 'amount' | 'unit'> & { startRule?: StartRule },
  start: IsoDate,
  cal: CalendarConfig = defaultCalendarConfig,
): IsoDate {
  // "Beginning with the date of" the event: count as if the event were the day before, so it is day 1.
  const from = period.startRule === 'event_day' ? addCalendarDays(start, -1) : start;
  switch (period.unit) {
    case 'working_days':
      return addWorkingDays(from, period.amount, cal);
    case 'calendar_days':
      return addCalendarDays(from, period.amount);
    case 'months':
      return period.startRule === 'event_day'
        ? addCalendarDays(addMonths(start, period.amount), -1)
        : addMonths(start, period.amount);
    default: {
      const unknownUnit: never = period.unit;
      throw new RangeError(`Unknown period unit: ${String(unknownUnit)}`);
    }
  }
}

function vetting(level: string, renewal: string): PeriodWords {
  return {
    label: `Renewal of ${level} clearance`,
    from: 'the clearance being granted',
    source: `§4.2 renewal: ${renewal}`,
    startRule: 'day_after',
    startRuleSource: 'a renewal falls on the anniversary of the grant (APP renewal table not retrieved) [R]',
  };
}

function period(
  amount: number,
  unit: PeriodUnit,
  confidence: Confidence,
  regimes: readonly RegimeVersion[],
  words: PeriodWords,
): Omit<PeriodDefinition, 'key'> {
  return Object.freeze({ amount, unit, confidence, regimes, ...words });
}

/**
 * Periods that are someone else's window or an expiry date, not a duty of the force: the officer's time to
 * make representations, give an account or appeal; a warning in force; the complainant's time to ask for a
 * review. When one ends it has simply elapsed — it is never "overdue", and it leaves the deadline lists.
 */
export const WINDOW_PERIODS: ReadonlySet<PeriodKey> = new Set<PeriodKey>([
  'reg18_representations',
  'rprp_account',
  'meeting_appeal',
  'pat_appeal',
  'written_warning_expiry',
  'final_written_warning_expiry',
  'complainant_review_window',
  'vetting_appeal',
]);
