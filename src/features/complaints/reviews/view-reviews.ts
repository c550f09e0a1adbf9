import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { complaintParts, findComplaintRow } from '../complaints.repository.ts';
import { findVisibleReview, reviewQueue } from './reviews.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The PCC office's review queue: the applications to the local policing body of its force (audited). */
export async function listReviewQueue(deps: Deps, principal: Principal | null, requestId: string | null) {
  authorize(principal, 'complaint.review', 'page');
  return deps.db.transaction(async (tx) => {
    const rows = await reviewQueue(tx, principal);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint_list', id: principal.forceId },
      {
        type: 'complaint.reviews_listed',
        resultCount: rows.length,
      },
    );
    return rows;
  });
}

/**
 * One review with what the reviewer needs of the complaint: its reference, the allegations with their
 * outcomes, the handling and the reasons given for the outcome — not the complainant's contact details.
 */
export async function viewReview(deps: Deps, principal: Principal | null, reviewId: string, requestId: string | null) {
  authorize(principal, 'complaint.review', 'review');
  if (!UUID.test(reviewId)) throw notFound('review');
  return deps.db.transaction(async (tx) => {
    const review = await findVisibleReview(tx, principal, reviewId);
    const complaint = review ? await findComplaintRow(tx, review.forceId, review.complaintId) : undefined;
    if (!review || !complaint) throw notFound('review');
    const parts = await complaintParts(tx, complaint.forceId, complaint.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint', id: complaint.id },
      { type: 'complaint.review_viewed', complaintId: complaint.id, reviewId: review.id },
    );
    return {
      review,
      complaint,
      allegations: parts.allegations,
      outcomeReasons: parts.decisions.filter((d) => d.kind === 'outcomes').map((d) => d.reasons),
    };
  });
}
