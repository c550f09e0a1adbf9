import type { Deps } from '../../kernel/deps.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { allegationsByCategoryTable, casesByTypeTable, sanctionsTable, timelinessTable } from './case-tables.ts';
import { gatherDashboardData } from './dashboard-data.ts';
import { discloseTable, TOTAL, type DisclosedTable } from './disclosure-control.ts';
import { flaggedTable, restrictionsTable, vettingTable } from './integrity-tables.ts';
import { disclosurePolicy, oversightScope } from './oversight-scope.ts';
import { asAtDay, type PeriodQuery } from './period.ts';
import { dashboardPeriod } from './view-dashboard.ts';

export type Figure = { value: number | null; suppressed: boolean };

export const SUMMARY_FIGURES = [
  'casesFinalisedOrReceived',
  'allegations',
  'averageDaysToFinalise',
  'averageDaysExcludingSubJudice',
  'casesOpen',
  'casesOpenOver12Months',
  'dismissals',
  'restrictionsInForce',
  'suspensionsInForce',
  'subjectsFlagged',
  'clearancesExpired',
  'vettingReviewsOverdue',
] as const;
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];

function cell(table: DisclosedTable, rowKey: string, columnKey: string): Figure {
  const row = table.rows.find((r) => r.key === rowKey);
  const i = table.columns.findIndex((c) => c.key === columnKey);
  const c = row?.cells[i];
  return c ? { value: c.value, suppressed: c.suppressed } : { value: null, suppressed: false };
}

/**
 * The headline figures of the dashboard for the JSON API (benchmarked): the same set-based queries as the
 * dashboard without the per-person disproportionality counts, each figure read from a DISCLOSED table so
 * it is hidden exactly where the dashboard hides it. Totals are `__total__` rows of those tables.
 */
export async function viewSummary(deps: Deps, principal: Principal | null, query: PeriodQuery) {
  authorize(principal, 'oversight.dashboard');
  const { today, period } = dashboardPeriod(deps, query);
  const asAt = asAtDay(period, today);
  const policy = disclosurePolicy(principal, deps.config.rules.integrity);
  const data = await deps.db.transaction((tx) =>
    gatherDashboardData(deps, tx, oversightScope(principal), period, asAt, { integrity: true, people: false }),
  );
  const integrity = data.integrity ?? {
    restrictions: [],
    flagged: 0,
    vetting: { valid: 0, expired: 0, refused: 0, withdrawn: 0, reviews_overdue: 0 },
    recommendations: [],
  };
  const cases = discloseTable(casesByTypeTable(data.cases, period), policy);
  const allegations = discloseTable(allegationsByCategoryTable(data.allegations, data.categories, period), policy);
  const timeliness = discloseTable(timelinessTable(data.timeliness, data.open, period, asAt), policy);
  const sanctions = discloseTable(sanctionsTable(data.allegations, period), policy);
  const restrictions = discloseTable(restrictionsTable(integrity.restrictions, period, asAt), policy);
  const flagged = discloseTable(flaggedTable(integrity.flagged, asAt), policy);
  const vetting = discloseTable(vettingTable(integrity.vetting, period, asAt), policy);
  const dismissed = cell(sanctions, 'dismissal_without_notice', 'total');
  const wouldHave = cell(sanctions, 'would_have_been_dismissed', 'total');
  const figures: Record<SummaryFigure, Figure> = {
    casesFinalisedOrReceived: cell(cases, TOTAL, 'cases'),
    allegations: cell(allegations, TOTAL, 'total'),
    averageDaysToFinalise: cell(timeliness, TOTAL, 'avgDays'),
    averageDaysExcludingSubJudice: cell(timeliness, TOTAL, 'avgDaysExcluding'),
    casesOpen: cell(timeliness, TOTAL, 'open'),
    casesOpenOver12Months: cell(timeliness, TOTAL, 'over12'),
    dismissals:
      dismissed.suppressed || wouldHave.suppressed
        ? { value: null, suppressed: true }
        : { value: (dismissed.value ?? 0) + (wouldHave.value ?? 0), suppressed: false },
    restrictionsInForce: cell(restrictions, TOTAL, 'inForce'),
    suspensionsInForce: cell(restrictions, 'suspension', 'inForce'),
    subjectsFlagged: cell(flagged, 'flagged', 'subjects'),
    clearancesExpired: cell(vetting, 'expired', 'n'),
    vettingReviewsOverdue: cell(vetting, 'reviewsOverdue', 'n'),
  };
  return { period, asAt, policy, figures };
}
