import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { flaggedCount } from '../restrictions/index.ts';
import {
  recommendationStatuses,
  restrictionsByKind,
  vettingCounts,
  type RecommendationRow,
  type RestrictionKindRow,
  type VettingCounts,
} from './integrity.repository.ts';
import {
  allegationGroups,
  caseVolumes,
  openCases,
  periodGroups,
  settleForAggregates,
  timeliness,
  topLevelCategories,
  workforceGroups,
  type AllegationGroupRow,
  type SubjectGroupRow,
  type TimelinessRow,
  type WorkforceRow,
} from './oversight.repository.ts';
import type { AggregateScope } from './oversight-scope.ts';
import type { ReportingPeriod } from './period.ts';

/** What the dashboard's sections are built from: grouped rows only, one set-based query each. */
export type DashboardData = {
  period: ReportingPeriod;
  asAt: IsoDate;
  categories: { code: string; label: string }[];
  cases: { case_type: string; n: number }[];
  allegations: AllegationGroupRow[];
  timeliness: TimelinessRow[];
  open: { case_type: string; open: number; over_12_months: number }[];
  subjects: SubjectGroupRow[];
  workforce: WorkforceRow[];
  integrity: {
    restrictions: RestrictionKindRow[];
    flagged: number;
    vetting: VettingCounts;
    recommendations: RecommendationRow[];
  } | null;
};

/** Runs one named query of the dashboard; the benchmark passes one that times each (bench/dashboard-probe.ts). */
export type QueryStep = <T>(name: string, run: () => Promise<T>) => Promise<T>;
const untimed: QueryStep = (_name, run) => run();

/**
 * Runs the dashboard's queries in the caller's transaction (one consistent snapshot). `integrity: false`
 * leaves out restrictions, vetting and recommendations (the public page does not publish them); `people:
 * false` the disproportionality counts (the summary does not need them).
 */
export async function gatherDashboardData(
  deps: Pick<Deps, 'config'>,
  tx: Db,
  scope: AggregateScope,
  period: ReportingPeriod,
  asAt: IsoDate,
  options: { integrity: boolean; people?: boolean; step?: QueryStep },
): Promise<DashboardData> {
  const people = options.people ?? true;
  const step = options.step ?? untimed;
  await settleForAggregates(tx);
  const categories = await step('categories', () => topLevelCategories(tx));
  const cases = await step('case volumes', () => caseVolumes(tx, scope, period));
  const { allegations, subjects } = people
    ? await step('allegations and subjects', () => periodGroups(tx, scope, period))
    : { allegations: await step('allegations', () => allegationGroups(tx, scope, period)), subjects: [] };
  const finalised = await step('timeliness', () => timeliness(tx, scope, period));
  const open = await step('open cases', () => openCases(tx, scope, asAt));
  const workforce = people ? await step('workforce', () => workforceGroups(tx, scope.forceId)) : [];
  const integrity = options.integrity
    ? {
        restrictions: await step('restrictions', () => restrictionsByKind(tx, scope, period, asAt)),
        flagged: await step('flagged subjects', () =>
          flaggedCount({ db: tx, config: deps.config }, scope.restrictions, asAt),
        ),
        vetting: await step('vetting', () => vettingCounts(tx, scope.forceId, period, asAt)),
        recommendations: await step('recommendations', () => recommendationStatuses(tx, scope.forceId, asAt)),
      }
    : null;
  return { period, asAt, categories, cases, allegations, timeliness: finalised, open, subjects, workforce, integrity };
}
