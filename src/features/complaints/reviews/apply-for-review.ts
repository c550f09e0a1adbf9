import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import { formatDate, ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import type { AuditActor } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { closeClocks, dateErrors, failIf, lockComplaint } from '../complaint-steps.ts';
import type { ComplaintRow } from '../complaints.repository.ts';
import { reviewApplicationBody, type ReviewApplicationInput } from './review-input.ts';
import { insertComplaintReview, openReviewOf } from './reviews.repository.ts';

/**
 * The complainant applies for a review of the outcome (Police Reform Act 2002 Sch 3 paras 6A, 25): only of
 * a finalised complaint with a review body (reg 32; none after handling outside Schedule 3, a directed or
 * independent investigation, or a withdrawal), received within the review window (28 days beginning with
 * the day after the outcome notice, C&M Regs 2020 reg 29(2)), and one at a time. Meets the window's clock.
 */
export async function applyForReviewOn(
  tx: Db,
  deps: Deps,
  complaint: ComplaintRow,
  input: { receivedOn: string; grounds: string; via: 'portal' | 'staff'; loggedBy: string | null },
  actor: AuditActor,
) {
  const body = complaint.reviewBody;
  if (complaint.status !== 'finalised' || !body || body === 'none')
    throw new AppError(
      'invalid_state',
      `No review is available for this complaint${complaint.reviewBodyReason ? `: ${complaint.reviewBodyReason}` : ' until its outcome is recorded'}.`,
    );
  if (!complaint.reviewWindowEndsOn || input.receivedOn > complaint.reviewWindowEndsOn)
    throw new AppError(
      'invalid_state',
      complaint.reviewWindowEndsOn
        ? `The time limit for a review ended on ${formatDate(complaint.reviewWindowEndsOn)} (Complaints and Misconduct Regs 2020 reg 29(2)).`
        : 'The review window opens when the outcome notice is recorded.',
    );
  if (await openReviewOf(tx, complaint.forceId, complaint.id))
    throw new AppError('invalid_state', 'A review application of this complaint is already waiting for a decision.');
  const review = await insertComplaintReview(tx, {
    forceId: complaint.forceId,
    complaintId: complaint.id,
    body,
    receivedOn: input.receivedOn,
    via: input.via,
    grounds: input.grounds,
    loggedBy: input.loggedBy,
  });
  await recordAudit(
    tx,
    actor,
    { type: 'complaint', id: complaint.id },
    {
      type: 'complaint.review_applied',
      complaintId: complaint.id,
      reviewId: review.id,
      body,
      receivedOn: input.receivedOn,
      via: input.via,
    },
  );
  await closeClocks({ tx, deps, actor, complaint }, ['complainant_review_window'], {
    state: 'met',
    metOn: input.receivedOn,
  });
  return { id: review.id, body, receivedOn: review.receivedOn };
}

/** Staff log an application received by letter, e-mail, phone or in person. */
export async function logReviewApplication(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: ReviewApplicationInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const message = 'Check the review application';
  const input = parseInput(reviewApplicationBody, raw, message);
  failIf(dateErrors({ receivedOn: input.receivedOn }, ukToday(deps.now())), message);
  return deps.db.transaction(async (tx) => {
    const complaint = await lockComplaint(tx, principal, complaintId);
    return applyForReviewOn(
      tx,
      deps,
      complaint,
      { ...input, via: 'staff', loggedBy: principal.userId },
      actorOf(principal, requestId),
    );
  });
}
