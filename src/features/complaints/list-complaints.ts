import type { Deps } from '../../kernel/deps.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { complaintListQuery } from './complaint-input.ts';
import { listVisibleComplaints } from './complaints.repository.ts';

export const COMPLAINTS_PAGE_SIZE = 50;

/** The complaints the principal may see, newest first, filtered by status and words (one audited read). */
export async function listComplaints(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'complaint.read', 'page');
  const query = parseInput(complaintListQuery, raw ?? {}, 'Check the filters');
  return deps.db.transaction(async (tx) => {
    const { rows, total } = await listVisibleComplaints(
      tx,
      principal,
      { status: query.status, q: query.q || undefined },
      { limit: COMPLAINTS_PAGE_SIZE, offset: (query.page - 1) * COMPLAINTS_PAGE_SIZE },
    );
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint_list', id: principal.forceId },
      { type: 'complaint.listed', resultCount: rows.length },
    );
    return { query, rows, total, pageCount: Math.max(1, Math.ceil(total / COMPLAINTS_PAGE_SIZE)) };
  });
}
