import type { Deps } from '../../app/deps.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { listVisibleReports, type InboxRow } from './reports.repository.ts';

/** The confidential unit's inbox: its force's reports, newest first (no text). The read is audited. */
export async function listReports(
  deps: Deps,
  principal: Principal | null,
  requestId: string | null,
): Promise<InboxRow[]> {
  authorize(principal, 'report.read');
  return deps.db.transaction(async (tx) => {
    const rows = await listVisibleReports(tx, principal);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report_inbox', id: principal.forceId },
      { type: 'report.inbox_viewed', shown: rows.length },
    );
    return rows;
  });
}
