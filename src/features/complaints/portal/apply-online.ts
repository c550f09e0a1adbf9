import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { systemActor } from '../../../kernel/audit/audit-events.ts';
import { findComplaintRow } from '../complaints.repository.ts';
import { applyForReviewOn } from '../reviews/apply-for-review.ts';
import { PORTAL_ACTOR, PortalAnswersError } from './make-complaint.ts';
import { openWithCode } from './view-complaint-status.ts';

/**
 * The complainant applies for a review online with their reference and follow-up code, received today:
 * the same rules as an application logged by staff (reg 29(2) window, reg 32 body, one at a time).
 */
export async function applyForReviewOnline(
  deps: Deps,
  forceId: string,
  body: Record<string, unknown>,
  requestId: string | null,
): Promise<void> {
  const grounds = typeof body['grounds'] === 'string' ? body['grounds'].trim() : '';
  if (!grounds) throw new PortalAnswersError({ grounds: { key: 'errors.grounds' } });
  if (grounds.length > 10_000)
    throw new PortalAnswersError({ grounds: { key: 'errors.tooLong', params: { max: 10_000 } } });
  const opened = await openWithCode(deps, forceId, body);
  try {
    await deps.db.transaction(async (tx) => {
      const complaint = await findComplaintRow(tx, opened.forceId, opened.id, true);
      if (!complaint) throw new AppError('invalid_state', 'No such complaint');
      await applyForReviewOn(
        tx,
        deps,
        complaint,
        { receivedOn: ukToday(deps.now()), grounds, via: 'portal', loggedBy: null },
        { ...systemActor(PORTAL_ACTOR, opened.forceId), requestId },
      );
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_state')
      throw new PortalAnswersError({ grounds: { key: 'errors.reviewRefused' } });
    throw err;
  }
}
