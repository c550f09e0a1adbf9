import type { TableSpec } from './disclosure-control.ts';

/**
 * Disproportionality (uk-domain.md §6.6, §5.1): for each stage of the misconduct process, the rate per
 * 1,000 of the force's own workforce in each group (of sex, of ethnicity), and the RELATIVE RATE against a
 * reference group (configurable: integrity rules `disproportionalityReference`, default Male and White, as
 * the Casey review and the dismissals review compare). Pure: the counts come from oversight.repository.ts.
 *
 *   rate per 1,000  = people of the group at the stage / current people of the group × 1,000
 *   relative rate   = rate of the group / rate of the reference group   (1.00 for the reference itself)
 *
 * A rate with no workforce, and a relative rate against a reference rate of zero, are "not applicable".
 */

export const STAGES = ['subject', 'assessed', 'case_to_answer', 'proceedings', 'dismissed'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  subject: 'Subject of an allegation',
  assessed: 'Assessed as misconduct or gross misconduct',
  case_to_answer: 'Case to answer',
  proceedings: 'Referred to a misconduct meeting or hearing',
  dismissed: 'Dismissed (or would have been)',
};

export const DIMENSIONS = ['sex', 'ethnicity'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const GROUP_LABELS: Record<Dimension, Record<string, string>> = {
  sex: { female: 'Female', male: 'Male', not_stated: 'Not stated' },
  ethnicity: {
    asian: 'Asian',
    black: 'Black',
    mixed: 'Mixed',
    white: 'White',
    other: 'Other ethnic group',
    not_stated: 'Not stated',
  },
};

export type GroupCounts = { group: string; workforce: number; counts: Record<Stage, number> };
export type StageFigure = { count: number; workforce: number; ratePer1000: number | null; relativeRate: number | null };
export type GroupFigures = { group: string; workforce: number; stages: Record<Stage, StageFigure> };
export type Disproportionality = { reference: string; groups: GroupFigures[]; all: GroupFigures };

export function ratePer1000(count: number, workforce: number): number | null {
  return workforce > 0 ? (count / workforce) * 1000 : null;
}

export function relativeRate(rate: number | null, referenceRate: number | null): number | null {
  return rate !== null && referenceRate !== null && referenceRate > 0 ? rate / referenceRate : null;
}

const emptyCounts = (): Record<Stage, number> => ({
  subject: 0,
  assessed: 0,
  case_to_answer: 0,
  proceedings: 0,
  dismissed: 0,
});

/** Rates and relative rates for every group, in the order given, and for everyone together. */
export function computeDisproportionality(groups: GroupCounts[], reference: string): Disproportionality {
  const ref = groups.find((g) => g.group === reference);
  const figures = (g: GroupCounts, withRelative: boolean): GroupFigures => {
    const stages = {} as Record<Stage, StageFigure>;
    for (const stage of STAGES) {
      const rate = ratePer1000(g.counts[stage], g.workforce);
      const refRate = ref ? ratePer1000(ref.counts[stage], ref.workforce) : null;
      stages[stage] = {
        count: g.counts[stage],
        workforce: g.workforce,
        ratePer1000: rate,
        relativeRate: withRelative ? relativeRate(rate, refRate) : null,
      };
    }
    return { group: g.group, workforce: g.workforce, stages };
  };
  const total: GroupCounts = { group: 'all', workforce: 0, counts: emptyCounts() };
  for (const g of groups) {
    total.workforce += g.workforce;
    for (const stage of STAGES) total.counts[stage] += g.counts[stage];
  }
  return { reference, groups: groups.map((g) => figures(g, true)), all: figures(total, false) };
}

/** The groups of a dimension in display order, with zero counts for groups nobody belongs to. */
export function completeGroups(dimension: Dimension, rows: GroupCounts[]): GroupCounts[] {
  return Object.keys(GROUP_LABELS[dimension]).map(
    (group) => rows.find((r) => r.group === group) ?? { group, workforce: 0, counts: emptyCounts() },
  );
}

/**
 * One table per stage: the people at the stage and the workforce of each group (the counts behind the
 * rates), the rate per 1,000 and the relative rate. Rates depend on the counts they are computed from (and
 * the relative rate on the reference group's), so disclosure control hides them with those counts.
 */
export function disproportionalityTable(dimension: Dimension, stage: Stage, result: Disproportionality): TableSpec {
  const labels = GROUP_LABELS[dimension];
  const refLabel = labels[result.reference] ?? result.reference;
  return {
    id: `disproportionality-${dimension}-${stage.replaceAll('_', '-')}`,
    caption: `${STAGE_LABELS[stage]}: rate per 1,000 of the workforce by ${dimension}, relative to ${refLabel}`,
    rowHeader: dimension === 'sex' ? 'Sex' : 'Ethnicity',
    columns: [
      { key: 'count', label: 'People at this stage', kind: 'count' },
      { key: 'workforce', label: 'Current workforce', kind: 'count' },
      {
        key: 'rate',
        label: 'Rate per 1,000',
        kind: 'measure',
        decimals: 1,
        dependsOn: [{ column: 'count' }, { column: 'workforce' }],
      },
      {
        key: 'relative',
        label: `Relative rate (${refLabel} = 1.00)`,
        kind: 'measure',
        decimals: 2,
        dependsOn: [
          { column: 'count' },
          { column: 'workforce' },
          { row: result.reference, column: 'count' },
          { row: result.reference, column: 'workforce' },
        ],
      },
    ],
    rows: result.groups.map((g) => ({
      key: g.group,
      label: labels[g.group] ?? g.group,
      values: {
        count: g.stages[stage].count,
        workforce: g.workforce,
        rate: g.stages[stage].ratePer1000,
        relative: g.stages[stage].relativeRate,
      },
    })),
    columnTotals: { label: 'All people', measures: { rate: result.all.stages[stage].ratePer1000, relative: null } },
    personal: true,
    notes: [
      `Rate per 1,000 = people of the group at this stage ÷ current workforce of the group × 1,000. Relative rate = the group's rate ÷ the rate of ${refLabel}.`,
    ],
  };
}
