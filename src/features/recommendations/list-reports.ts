import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { loadTracker } from './load-tracker.ts';
import { listReports } from './reports.repository.ts';
import { trackerCounts } from './tracker-view.ts';
import { recommendationPolicy } from './recommendation.policy.ts';

/** The reports (national) with the caller's force's position across all of them. */
export async function listReportsFor(deps: Deps, principal: Principal | null) {
  authorize(principal, 'recommendation.read');
  const today = ukToday(deps.now());
  const reports = await listReports(deps.db, principal.forceId);
  const entries = await loadTracker(deps.db, principal.forceId, null, today);
  const perReport = new Map<string, ReturnType<typeof trackerCounts>>();
  for (const report of reports)
    perReport.set(report.id, trackerCounts(entries.filter((e) => e.reportId === report.id)));
  return {
    reports: reports.map((r) => ({ ...r, counts: perReport.get(r.id) ?? trackerCounts([]) })),
    counts: trackerCounts(entries),
    canAddReports: recommendationPolicy.verify(principal),
  };
}
