import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import type { ReportClock } from './rules/report-clocks.ts';
import { listVisibleReports, type InboxRow } from './reports.repository.ts';
import { reportClockViews } from './report-clock-views.ts';

export type InboxEntry = InboxRow & { clocks: ReportClock[] };

/**
 * The confidential unit's inbox: its force's reports, newest first (no text), each with its acknowledgement
 * and feedback clocks (from the one clock store) and whether retaliation was flagged. The read is audited.
 */
export async function listReports(
  deps: Deps,
  principal: Principal | null,
  requestId: string | null,
): Promise<InboxEntry[]> {
  authorize(principal, 'report.read');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const rows = await listVisibleReports(tx, principal);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report_inbox', id: principal.forceId },
      { type: 'report.inbox_viewed', shown: rows.length },
    );
    const clocks = await reportClockViews(tx, deps, principal.forceId, rows, today);
    return rows.map((r) => ({ ...r, clocks: clocks.get(r.id) ?? [] }));
  });
}
