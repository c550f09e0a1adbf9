import { z } from 'zod';
import type { IsoDate } from '../../lib/dates.ts';
import type { RegimeVersion } from '../misconduct/rules/regime.ts';
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

const ALL: readonly RegimeVersion[] = ['2012', '2020', '2020+2024', '2020+2025'];
const FROM_2020: readonly RegimeVersion[] = ['2020', '2020+2024', '2020+2025'];

export const PERIOD_DEFINITIONS = Object.freeze({
  pcc_report_first: period(12, 'months', 'V', FROM_2020, {
    label: 'First report to the local policing body on an investigation not completed',
    from: 'the day the allegation first came to the appropriate authority’s attention (Schedule 3: the day the complaint was made)',
    source: '§2.7 Conduct Regs reg 19; Complaints and Misconduct Regs reg 13 [V S13, S22]',
  }),
  pcc_report_repeat: period(6, 'months', 'V', FROM_2020, {
    label: 'Further report to the local policing body (each later period)',
    from: 'the end of the previous relevant period',
    source: '§2.7 Conduct Regs reg 19; Complaints and Misconduct Regs reg 13 [V S13, S22]',
  }),
  suspension_notice_written: period(3, 'working_days', 'R', ALL, {
    label: 'Written confirmation of a suspension given orally',
    from: 'the oral notification of suspension',
    source: '§2.12 reg 11 (2012 wording [V]; same in 2020 [R])',
  }),
  suspension_review: period(28, 'calendar_days', 'R', FROM_2020, {
    label: 'Review of whether the suspension conditions are still met',
    from: 'the suspension decision, then each review',
    source: '§2.12 reg 11 (interval not retrieved; "commonly every 4 weeks") [R]',
  }),
  restriction_notice: period(3, 'working_days', 'R', ALL, {
    label: 'Written notice of a restriction of duties (or written confirmation of one given orally)',
    from: 'the decision to restrict duties',
    source: '§2.12 alternatives to suspension: local force policy, default as for reg 11 [R]',
  }),
  restriction_review: period(28, 'calendar_days', 'R', ALL, {
    label: 'Review of a restriction of duties short of suspension',
    from: 'the decision, then each review',
    source: '§2.12 alternatives to suspension: local force policy, default as for reg 11 reviews [R]',
  }),
  reg18_representations: period(10, 'working_days', 'R', FROM_2020, {
    label: 'Officer’s statement or documents to the investigator',
    from: 'the regulation 17 written notice being given',
    source: '§2.6 reg 18 [R – confirm]',
  }),
  rprp_account: period(5, 'working_days', 'V', FROM_2020, {
    label: 'Officer’s account for the reflective practice review process',
    from: 'the reflective practice notice being given to the officer',
    source: '§2.11 Part 6 [V S30, S17]',
  }),
  pre_hearing: period(15, 'working_days', 'V', FROM_2020, {
    label: 'Misconduct pre-hearing (extendable)',
    from: 'the documents being supplied to the chair',
    source: '§2.9 pre-hearing [V S16]',
  }),
  outcome_report: period(5, 'working_days', 'V', FROM_2020, {
    label: 'Written reasons / outcome report to the appropriate authority',
    from: 'the end of the misconduct proceedings',
    source: '§2.9 [V S29]',
  }),
  meeting_appeal: period(7, 'working_days', 'R', FROM_2020, {
    label: 'Notice of appeal against a misconduct meeting (extendable in exceptional circumstances)',
    from: 'the officer receiving the report of the meeting',
    source: '§2.13 reg 45 [V S29g MoD mirror; R for Home Office]',
  }),
  pat_appeal: period(10, 'working_days', 'R', FROM_2020, {
    label: 'Notice of appeal to the Police Appeals Tribunal',
    from: 'the officer receiving the outcome of the hearing or accelerated hearing',
    source: '§2.13 Police Appeals Tribunals Rules 2020 [R]',
  }),
  barred_list_return: period(5, 'working_days', 'V', ALL, {
    label: 'Report to the College of Policing for the barred list',
    from: 'the dismissal, or the finding that a former officer would have been dismissed',
    source: '§2.15 Barred List Regs 2017 reg 3 [V S31]',
  }),
  advisory_list_return: period(5, 'working_days', 'V', ALL, {
    label: 'Report to the College of Policing for the advisory list',
    from: 'the resignation or retirement under investigation (or the allegation coming to attention after leaving)',
    source: '§2.15 Barred List Regs 2017 reg 12 [V S31]',
  }),
  written_warning_expiry: period(18, 'months', 'R', FROM_2020, {
    label: 'Written warning in force',
    from: 'the written warning being given',
    source: '§2.9 sanction durations [R – confirm Home Office text]',
  }),
  final_written_warning_expiry: period(24, 'months', 'R', FROM_2020, {
    label: 'Final written warning in force (can be extended)',
    from: 'the final written warning being given',
    source: '§2.9 sanction durations [R – confirm Home Office text]',
  }),
  rprp_pdr_followup: period(12, 'months', 'V', FROM_2020, {
    label: 'Reflective review report discussed at the officer’s PDR',
    from: 'the reflective review development report',
    source: '§2.11 Part 6 reg 70 [V S17]',
  }),
  complainant_review_window: period(28, 'calendar_days', 'V', FROM_2020, {
    label: 'Complainant’s application for a review of a complaint outcome',
    from: 'the complaint outcome being sent (day 1 is the day after it is sent)',
    source: '§3.4 Police Reform Act 2002 Sch 3 reviews [V S35a]; applies to complaints under the 2020 reforms',
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
  }),
  vetting_appeal: period(14, 'calendar_days', 'R', ALL, {
    label: 'Appeal against a vetting refusal or withdrawal',
    from: 'the decision being sent',
    source: '§4.4 typically 14 days (Warwickshire), some forces 21 — configurable per deployment [V S50, S50b]',
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
}

export interface ResolvedPeriod extends PeriodDefinition {
  /** True when configuration replaced the default amount or unit. */
  overridden: boolean;
  defaultAmount: number;
  defaultUnit: PeriodUnit;
}

export type ResolvedPeriods = Readonly<Record<PeriodKey, ResolvedPeriod>>;

const positiveWhole = z.number().int().positive().max(10_000);
/** Configuration: `{ meeting_appeal: 7 }` or `{ suspension_review: { amount: 4, unit: 'calendar_days' } }`. */
export const periodOverridesSchema = z.partialRecord(
  z.enum(PERIOD_KEYS as [PeriodKey, ...PeriodKey[]]),
  z.union([positiveWhole, z.strictObject({ amount: positiveWhole, unit: z.enum(PERIOD_UNITS).optional() })]),
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
    const overridden = amount !== base.amount || unit !== base.unit;
    return [key, { ...base, amount, unit, overridden, defaultAmount: base.amount, defaultUnit: base.unit }];
  });
  return Object.freeze(Object.fromEntries(entries) as Record<PeriodKey, ResolvedPeriod>);
}

/** The periods that apply to a regime version. */
export function periodsForRegime(periods: ResolvedPeriods, regime: RegimeVersion): ResolvedPeriod[] {
  return PERIOD_KEYS.map((key) => periods[key]).filter((p) => p.regimes.includes(regime));
}

/** The last day of the period that starts with an event on `start`. */
export function computeDeadline(
  period: Pick<PeriodDefinition, 'amount' | 'unit'>,
  start: IsoDate,
  cal: CalendarConfig = defaultCalendarConfig,
): IsoDate {
  switch (period.unit) {
    case 'working_days':
      return addWorkingDays(start, period.amount, cal);
    case 'calendar_days':
      return addCalendarDays(start, period.amount);
    case 'months':
      return addMonths(start, period.amount);
    default: {
      const unknownUnit: never = period.unit;
      throw new RangeError(`Unknown period unit: ${String(unknownUnit)}`);
    }
  }
}

function vetting(level: string, renewal: string): { label: string; from: string; source: string } {
  return {
    label: `Renewal of ${level} clearance`,
    from: 'the clearance being granted',
    source: `§4.2 renewal: ${renewal}`,
  };
}

function period(
  amount: number,
  unit: PeriodUnit,
  confidence: Confidence,
  regimes: readonly RegimeVersion[],
  words: { label: string; from: string; source: string },
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
