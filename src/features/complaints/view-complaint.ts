import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { notFound } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { complaintParts, linkedCaseOf, findVisibleComplaint } from './complaints.repository.ts';
import { lettersOf } from './letters/letters.repository.ts';
import { reviewsOfComplaint } from './reviews/reviews.repository.ts';
import { accessOfComplaint } from './complaint-access.repository.ts';
import { complaintAuthorityOf } from '../../kernel/access/complaints-scope.ts';

/** One complaint with its complainants, persons complained about, allegations, decisions, clocks and letters (the read is audited). */
export async function viewComplaint(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorize(principal, 'complaint.read', 'complaint');
  return deps.db.transaction(async (tx) => {
    const complaint = await findVisibleComplaint(tx, principal, id);
    if (!complaint) throw notFound('complaint');
    const parts = await complaintParts(tx, complaint.forceId, complaint.id);
    const linkedCase = await linkedCaseOf(tx, principal, complaint.forceId, complaint.id);
    const letters = await lettersOf(tx, complaint.forceId, complaint.id);
    const reviews = await reviewsOfComplaint(tx, complaint.forceId, complaint.id);
    const access = await accessOfComplaint(tx, complaint.forceId, complaint.id);
    // Read through need-to-know given on it, the complaint is another authority's: its reader records no decision.
    const handled = complaint.appropriateAuthority === complaintAuthorityOf(principal);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint', id: complaint.id },
      { type: 'complaint.viewed', complaintId: complaint.id },
    );
    return { today: ukToday(deps.now()), complaint, ...parts, linkedCase, letters, reviews, access, handled };
  });
}
