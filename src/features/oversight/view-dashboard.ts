import { earliestReceivedOn } from './oversight.repository.ts';
import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { gatherDashboardData, type QueryStep } from './dashboard-data.ts';
import { caseSections, integritySections, type DashboardSection } from './dashboard-sections.ts';
import { disclosurePolicy, oversightScope } from './oversight-scope.ts';
import {
  asAtDay,
  periodFromInput,
  periodQuerySchema,
  selectableYears,
  type PeriodQuery,
  type ReportingPeriod,
} from './period.ts';
import type { DisclosurePolicy } from './disclosure-control.ts';

export type Dashboard = {
  period: ReportingPeriod;
  asAt: string;
  policy: DisclosurePolicy;
  years: number[];
  sections: DashboardSection[];
};

/**
 * The scrutiny dashboard for a period: every section's figures over the user's scope (oversight-scope.ts),
 * disclosed with the user's policy. Reading aggregates is not audited (no record is read); exports are.
 * A bad period is a 400 with one message per field.
 */
export async function viewDashboard(deps: Deps, principal: Principal | null, query: PeriodQuery): Promise<Dashboard> {
  authorize(principal, 'oversight.dashboard');
  const { today, period } = dashboardPeriod(deps, query);
  return deps.db.transaction((tx) => dashboardIn(deps, tx, principal, period, today));
}

/** The financial years a period may be chosen from: this year back to the force's earliest case. */
export async function yearsOnRecord(deps: Deps, principal: Principal | null): Promise<number[]> {
  authorize(principal, 'oversight.dashboard');
  return selectableYears(ukToday(deps.now()), await earliestReceivedOn(deps.db, principal.forceId));
}

/** The period asked for (today from the injected clock); a bad one is a validation error. */
export function dashboardPeriod(deps: Deps, query: PeriodQuery): { today: string; period: ReportingPeriod } {
  const today = ukToday(deps.now());
  return { today, period: periodFromInput(parseInput(periodQuerySchema(today), query, 'Check the period')) };
}

/** The dashboard inside the caller's transaction (exports record their audit row in the same one); `step` times each query (the benchmark). */
export async function dashboardIn(
  deps: Deps,
  tx: Db,
  principal: Principal,
  period: ReportingPeriod,
  today: string,
  step?: QueryStep,
): Promise<Dashboard> {
  const asAt = asAtDay(period, today);
  const policy = disclosurePolicy(principal, deps.config.rules.integrity);
  const data = await gatherDashboardData(deps, tx, oversightScope(principal), period, asAt, {
    integrity: true,
    ...(step ? { step } : {}),
  });
  const options = { policy, reference: deps.config.rules.integrity.disproportionalityReference };
  return {
    period,
    asAt,
    policy,
    years: selectableYears(today, await earliestReceivedOn(tx, principal.forceId)),
    sections: [...caseSections(data, options), ...integritySections(data, options)],
  };
}
