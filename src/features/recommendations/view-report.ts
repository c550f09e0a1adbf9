import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { loadTracker } from './load-tracker.ts';
import { findReport } from './reports.repository.ts';
import { trackerCounts } from './tracker-view.ts';
import { ownsReport } from './report-ownership.ts';
import { recommendationPolicy } from './recommendation.policy.ts';

/** A report, its items, and the caller's force's position on each. */
export async function viewReport(deps: Deps, principal: Principal | null, reportId: string) {
  authorize(principal, 'recommendation.read', 'report');
  if (!z.string().uuid().safeParse(reportId).success) throw notFound('report');
  const report = await findReport(deps.db, reportId);
  if (!report) throw notFound('report');
  const entries = await loadTracker(deps.db, principal.forceId, report.id, ukToday(deps.now()));
  const next = (kind: string) => Math.max(0, ...entries.filter((e) => e.kind === kind).map((e) => e.number)) + 1;
  return {
    report,
    entries,
    counts: trackerCounts(entries),
    /** Add items: national ones for the report's owner, the force's own local ones for anyone else. */
    canEdit: recommendationPolicy.verify(principal),
    ownsReport: ownsReport(principal, report),
    nextNumbers: { recommendation: next('recommendation'), area_for_improvement: next('area_for_improvement') },
  };
}
