import type { RegimeVersion } from './regime.ts';

/**
 * The words and helpers of the period table (periods.ts): units, confidence marks and start rules, and the
 * helpers that build a row. Pure data, no database.
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

export type PeriodWords = {
  label: string;
  from: string;
  source: string;
  startRule: StartRule;
  startRuleSource: string;
};

export const ALL: readonly RegimeVersion[] = ['2012', '2020', '2020+2024', '2020+2025'];
export const FROM_2020: readonly RegimeVersion[] = ['2020', '2020+2024', '2020+2025'];

/** One row of the period table before its key is known (periods.ts adds the key). */
export type PeriodRow = {
  amount: number;
  unit: PeriodUnit;
  confidence: Confidence;
  regimes: readonly RegimeVersion[];
} & PeriodWords;

export function vetting(level: string, renewal: string): PeriodWords {
  return {
    label: `Renewal of ${level} clearance`,
    from: 'the clearance being granted',
    source: `§4.2 renewal: ${renewal}`,
    startRule: 'day_after',
    startRuleSource: 'a renewal falls on the anniversary of the grant (APP renewal table not retrieved) [R]',
  };
}

export function period(
  amount: number,
  unit: PeriodUnit,
  confidence: Confidence,
  regimes: readonly RegimeVersion[],
  words: PeriodWords,
): PeriodRow {
  return Object.freeze({ amount, unit, confidence, regimes, ...words });
}
