import type { Db } from '../../db/client.ts';
import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { clocksOfReports } from './report-clocks.repository.ts';
import { REPORT_CLOCKS, reportClockView, type ReportClock } from './rules/report-clocks.ts';

/**
 * The stored clocks of some reports (already read under the unit's need-to-know) as the inbox and the report
 * page show them today: acknowledgement first, then feedback.
 */
export async function reportClockViews(
  db: Db,
  deps: Deps,
  forceId: string,
  reports: readonly { id: string }[],
  today: IsoDate,
): Promise<Map<string, ReportClock[]>> {
  const stored = await clocksOfReports(
    db,
    forceId,
    reports.map((r) => r.id),
  );
  const byReport = new Map<string, ReportClock[]>();
  for (const period of REPORT_CLOCKS)
    for (const clock of stored.filter((c) => c.period === period)) {
      const views = byReport.get(clock.reportId) ?? [];
      views.push(reportClockView(deps.config.rules.periods, clock, today));
      byReport.set(clock.reportId, views);
    }
  return byReport;
}
