import {
  allegationsByCategoryTable,
  casesByTypeTable,
  outcomesTable,
  sanctionsTable,
  timelinessTable,
} from './case-tables.ts';
import { chartFromTable, describe, type ChartData, type ChartSeries } from './charts.ts';
import type { DashboardData } from './dashboard-data.ts';
import { discloseTable, type DisclosedTable, type DisclosurePolicy } from './disclosure-control.ts';
import {
  completeGroups,
  computeDisproportionality,
  disproportionalityTable,
  GROUP_LABELS,
  STAGE_LABELS,
  STAGES,
  type Dimension,
  type GroupCounts,
} from './disproportionality.ts';
import { flaggedTable, recommendationsTable, restrictionsTable, vettingTable } from './integrity-tables.ts';
import { formatDate } from '../../kernel/time/dates.ts';

/**
 * The dashboard as sections, each a chart followed by the table it is drawn from (and any further tables).
 * Every table is disclosed here with the user's policy before a chart or an export sees it. Pure.
 */

export type DashboardSection = {
  id: string;
  title: string;
  intro: string;
  chart: ChartData | null;
  tables: DisclosedTable[];
  empty: string | null;
};

export type SectionOptions = { policy: DisclosurePolicy; reference: { sex: string; ethnicity: string } };

/** People at each stage and the workforce, per group of a dimension (merging the grouped rows). */
export function groupCounts(data: DashboardData, dimension: Dimension): GroupCounts[] {
  const rows = Object.keys(GROUP_LABELS[dimension]).map((group) => {
    const subjects = data.subjects.filter((s) => s[dimension] === group);
    const counts = Object.fromEntries(
      STAGES.map((stage) => [stage, subjects.reduce((n, s) => n + s[stage], 0)]),
    ) as GroupCounts['counts'];
    return {
      group,
      workforce: data.workforce.filter((w) => w[dimension] === group).reduce((n, w) => n + w.n, 0),
      counts,
    };
  });
  return completeGroups(dimension, rows);
}

function disproportionalitySection(
  data: DashboardData,
  dimension: Dimension,
  options: SectionOptions,
): DashboardSection {
  const reference = options.reference[dimension];
  const result = computeDisproportionality(groupCounts(data, dimension), reference);
  const tables = STAGES.map((stage) =>
    discloseTable(disproportionalityTable(dimension, stage, result), options.policy),
  );
  const groups = result.groups.map((g) => g.group);
  const relativeIndex = 3;
  const series: ChartSeries[] = groups.map((group) => {
    const cells = tables.map((t) => t.rows.find((r) => r.key === group)?.cells[relativeIndex]);
    return {
      name: GROUP_LABELS[dimension][group] ?? group,
      values: cells.map((c) => c?.value ?? null),
      hidden: cells.map((c) => c?.suppressed ?? false),
    };
  });
  const categories = STAGES.map((s) => STAGE_LABELS[s]);
  const refLabel = GROUP_LABELS[dimension][reference] ?? reference;
  const title = `Relative rate at each stage by ${dimension}, against ${refLabel} (1.00 = the same rate)`;
  return {
    id: `disproportionality-${dimension}`,
    title: `Disproportionality by ${dimension}`,
    intro: `For each stage, the people of each group at that stage per 1,000 of the group in the force’s current workforce, and that rate relative to ${refLabel}. Above 1.00: more likely than ${refLabel}.`,
    chart: {
      id: `chart-disproportionality-${dimension}`,
      title,
      description: describe(categories, series, 2),
      valueLabel: 'Relative rate',
      categories,
      series,
      decimals: 2,
    },
    tables,
    empty: null,
  };
}

const chart = (table: DisclosedTable, columns: string[], title: string, valueLabel: string, decimals = 0) =>
  chartFromTable(table, columns, { title, valueLabel, decimals });

/** The sections about cases and people (the public page shows these too). */
export function caseSections(data: DashboardData, options: SectionOptions): DashboardSection[] {
  const { period } = data;
  const { policy } = options;
  const byCategory = discloseTable(allegationsByCategoryTable(data.allegations, data.categories, period), policy);
  const cases = discloseTable(casesByTypeTable(data.cases, period), policy);
  const timeliness = discloseTable(timelinessTable(data.timeliness, data.open, period, formatDate(data.asAt)), policy);
  const outcomes = discloseTable(outcomesTable(data.allegations, period), policy);
  const sanctions = discloseTable(sanctionsTable(data.allegations, period), policy);
  return [
    {
      id: 'volumes',
      title: 'Cases and allegations',
      intro: `Counted by date ${period.basis === 'finalised' ? 'finalised' : 'received'}, ${period.label}.`,
      chart: chart(byCategory, ['total'], byCategory.caption, 'Allegations'),
      tables: [byCategory, cases],
      empty: null,
    },
    {
      id: 'timeliness',
      title: 'Timeliness',
      intro:
        'How long cases took to finalise, with and without the time held back for criminal proceedings, and how many are still open.',
      chart: chart(
        timeliness,
        ['avgDays', 'avgDaysExcluding'],
        'Average days to finalise a case, with and without sub judice',
        'Days',
        1,
      ),
      tables: [timeliness],
      empty: null,
    },
    {
      id: 'outcomes',
      title: 'Outcomes',
      intro: 'What became of each allegation.',
      chart: chart(outcomes, ['total'], outcomes.caption, 'Allegations'),
      tables: [outcomes],
      empty: null,
    },
    {
      id: 'sanctions',
      title: 'Sanctions',
      intro: 'Disciplinary action imposed after a meeting or hearing.',
      chart: chart(sanctions, ['meeting', 'hearing', 'accelerated_hearing'], sanctions.caption, 'Allegations'),
      tables: [sanctions],
      empty: null,
    },
    disproportionalitySection(data, 'sex', options),
    disproportionalitySection(data, 'ethnicity', options),
  ];
}

/** The sections about the integrity loop: restrictions, vetting and recommendations. */
export function integritySections(data: DashboardData, options: SectionOptions): DashboardSection[] {
  if (!data.integrity) return [];
  const { policy } = options;
  const restrictions = discloseTable(restrictionsTable(data.integrity.restrictions, data.period, data.asAt), policy);
  const flagged = discloseTable(flaggedTable(data.integrity.flagged, data.asAt), policy);
  const vetting = discloseTable(vettingTable(data.integrity.vetting, data.period, data.asAt), policy);
  const recommendations = discloseTable(recommendationsTable(data.integrity.recommendations, data.asAt), policy);
  const anyRecommendation = data.integrity.recommendations.some((r) => r.n > 0);
  return [
    {
      id: 'restrictions',
      title: 'Suspensions and restrictions',
      intro:
        'Restrictions by type, and the number of subjects flagged because a serious matter is not met by suspension or a recorded senior rationale (a count only).',
      chart: chart(restrictions, ['started', 'inForce'], restrictions.caption, 'Restrictions'),
      tables: [restrictions, flagged],
      empty: null,
    },
    {
      id: 'vetting',
      title: 'Vetting',
      intro: 'Clearances of the force’s workforce and the vetting reviews it owes.',
      chart: chart(vetting, ['n'], vetting.caption, 'Number'),
      tables: [vetting],
      empty: null,
    },
    {
      id: 'recommendations',
      title: 'Inspection recommendations',
      intro:
        'The force’s progress on inspection recommendations, as it assesses it and as the commissioner’s office has verified it.',
      chart: anyRecommendation
        ? chart(recommendations, ['self', 'verified'], recommendations.caption, 'Recommendations')
        : null,
      tables: anyRecommendation ? [recommendations] : [],
      empty: anyRecommendation ? null : 'No recommendation data',
    },
  ];
}

export function allTables(sections: readonly DashboardSection[]): DisclosedTable[] {
  return sections.flatMap((s) => s.tables);
}
