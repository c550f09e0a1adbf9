import { earliestReceivedOn } from './oversight.repository.ts';
import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { discloseTable, type DisclosedTable, type DisclosurePolicy } from './disclosure-control.ts';
import {
  allegationGroups,
  barredListReturns,
  subjectGroups,
  topLevelCategories,
  workforceGroups,
} from './oversight.repository.ts';
import { disclosurePolicy, oversightScope } from './oversight-scope.ts';
import { reportingPeriod, selectableYears, type PeriodQuery, type ReportingPeriod } from './period.ts';
import { returnsTables } from './returns-tables.ts';
import { dashboardPeriod } from './view-dashboard.ts';

export type Returns = { period: ReportingPeriod; policy: DisclosurePolicy; years: number[]; tables: DisclosedTable[] };

/**
 * The statistical returns (Home Office misconduct tables, barred list report) for a financial year or a
 * quarter, always counted by date FINALISED as those publications are; disclosed like the dashboard.
 */
export async function viewReturns(deps: Deps, principal: Principal | null, query: PeriodQuery): Promise<Returns> {
  authorize(principal, 'oversight.dashboard');
  const { today, period } = returnsPeriod(deps, query);
  return deps.db.transaction(async (tx) => ({
    period,
    policy: disclosurePolicy(principal, deps.config.rules.integrity),
    years: selectableYears(today, await earliestReceivedOn(tx, principal.forceId)),
    tables: await returnsIn(deps, tx, principal, period),
  }));
}

export function returnsPeriod(deps: Deps, query: PeriodQuery): { today: string; period: ReportingPeriod } {
  const { today, period } = dashboardPeriod(deps, { ...query, basis: 'finalised' });
  return { today, period: reportingPeriod(period.fy, period.quarter, 'finalised') };
}

export async function returnsIn(
  deps: Deps,
  tx: Db,
  principal: Principal,
  period: ReportingPeriod,
): Promise<DisclosedTable[]> {
  const scope = oversightScope(principal);
  const policy = disclosurePolicy(principal, deps.config.rules.integrity);
  const specs = returnsTables({
    period,
    allegations: await allegationGroups(tx, scope, period),
    categories: await topLevelCategories(tx),
    subjects: await subjectGroups(tx, scope, period, true),
    workforce: await workforceGroups(tx, scope.forceId, true),
    barred: await barredListReturns(tx, scope, period),
  });
  return specs.map((s) => discloseTable(s, policy));
}
