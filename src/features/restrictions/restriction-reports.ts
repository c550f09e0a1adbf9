import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import {
  countReviewsOverdue,
  inForceDurations,
  splitFlaggableSubjects,
  type ListScope,
} from './restriction-lists.repository.ts';
import { KIND_LABELS, RESTRICTION_KINDS, type RestrictionKind } from './restriction-rules.ts';
import { subjectFlags } from './subject-flags.ts';

/**
 * Aggregate reports on restrictions, for the appropriate authority's lists now and the PCC oversight
 * dashboard later: numbers only — no names, no ids — over a user's need-to-know (`{ principal }`) or a whole
 * force (`{ forceId }`, for oversight roles that never see a case). The SQL is in the repository; the
 * shaping here is pure and unit-tested.
 */

export type KindStats = {
  kind: RestrictionKind;
  label: string;
  count: number;
  minDays: number | null;
  maxDays: number | null;
  meanDays: number | null;
  medianDays: number | null;
};
export type InForceByType = { asOf: IsoDate; total: number; byKind: KindStats[] };

/** Counts and duration statistics (whole days) per kind, every kind listed in the same order, zeros included. */
export function shapeInForceByType(
  rows: readonly { kind: RestrictionKind; days: number }[],
  asOf: IsoDate,
): InForceByType {
  const byKind = RESTRICTION_KINDS.map((kind): KindStats => {
    const days = rows
      .filter((r) => r.kind === kind)
      .map((r) => r.days)
      .sort((a, b) => a - b);
    const n = days.length;
    if (n === 0)
      return {
        kind,
        label: KIND_LABELS[kind],
        count: 0,
        minDays: null,
        maxDays: null,
        meanDays: null,
        medianDays: null,
      };
    const mid = Math.floor(n / 2);
    const median = n % 2 === 1 ? (days[mid] ?? 0) : ((days[mid - 1] ?? 0) + (days[mid] ?? 0)) / 2;
    const mean = days.reduce((a, b) => a + b, 0) / n;
    return {
      kind,
      label: KIND_LABELS[kind],
      count: n,
      minDays: days[0] ?? 0,
      maxDays: days[n - 1] ?? 0,
      meanDays: Math.round(mean * 10) / 10,
      medianDays: median,
    };
  });
  return { asOf, total: rows.length, byKind };
}

/** Restrictions in force on `asOf`, by kind, with how long they have lasted. */
export async function restrictionsInForceByType(
  deps: Pick<Deps, 'db'>,
  scope: ListScope,
  asOf: IsoDate,
): Promise<InForceByType> {
  return shapeInForceByType(await inForceDurations(deps.db, scope, asOf), asOf);
}

/** In-force restrictions whose review date has passed. */
export async function reviewsOverdueCount(deps: Pick<Deps, 'db'>, scope: ListScope, asOf: IsoDate): Promise<number> {
  return countReviewsOverdue(deps.db, scope, asOf);
}

/**
 * Subjects flagged on `asOf`: a serious matter, not suspended, no current senior rationale (suspension-flag.ts).
 * Only the subjects the rule could flag are read (restriction-lists.repository.ts, `flaggable`): each meets
 * every condition of the rule but the last (a serious live allegation with a trigger, an open case, still
 * serving, not suspended). Of those, one with no rationale valid after `asOf` cannot be answered, so it is
 * flagged and only counted; the rule decides for the others, from all their facts read by id. The candidates
 * are found once, by one statement (splitFlaggableSubjects).
 * (set-based-figures.test.ts checks the count against the rule run over every subject.)
 */
export async function flaggedCount(
  deps: Pick<Deps, 'db' | 'config'>,
  scope: ListScope,
  asOf: IsoDate,
): Promise<number> {
  const categories = deps.config.rules.integrity.seriousCategories;
  const { withoutRationale, withRationale } = await splitFlaggableSubjects(deps.db, scope, categories, asOf);
  const decided = await subjectFlags(deps.db, deps, scope, asOf, { subjectIds: withRationale });
  return withoutRationale + decided.filter((s) => s.flag.flagged).length;
}
