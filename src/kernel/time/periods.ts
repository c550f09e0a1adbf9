import { z } from 'zod';
import type { IsoDate } from './dates.ts';
import type { RegimeVersion } from './regime.ts';
import { defaultCalendarConfig, type CalendarConfig } from './bank-holidays.ts';
import { CONDUCT_PERIODS } from './conduct-periods.ts';
import { COMPLAINT_PERIODS, REPORT_PERIODS, VETTING_PERIODS } from './owner-periods.ts';
import { PERIOD_UNITS, START_RULES, type Confidence, type PeriodUnit, type StartRule } from './period-words.ts';
import { addCalendarDays, addMonths, addWorkingDays } from './working-days.ts';

export { PERIOD_UNITS, START_RULES, type Confidence, type PeriodUnit, type StartRule } from './period-words.ts';

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
export const PERIOD_DEFINITIONS = Object.freeze({
  ...CONDUCT_PERIODS,
  ...COMPLAINT_PERIODS,
  ...REPORT_PERIODS,
  ...VETTING_PERIODS,
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
  /** Reference section and source tag, e.g. '§2.7 Conduct Regs reg 19 (Conduct Regs 2020 reg 19)'. */
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
  'vetting_withdrawal_appeal',
  'vetting_withdrawal_tribunal',
]);
