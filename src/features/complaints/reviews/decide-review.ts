import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { dateErrors, failIf } from '../complaint-steps.ts';
import {
  forwardReviewBody,
  reviewOutcomeBody,
  type ForwardReviewInput,
  type ReviewOutcomeInput,
} from './review-input.ts';
import { findVisibleReview, updateComplaintReview } from './reviews.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function lockReview(tx: Deps['db'], principal: Principal, id: string) {
  const row = UUID.test(id) ? await findVisibleReview(tx, principal, id, true) : undefined;
  if (!row) throw notFound('review');
  if (row.status !== 'awaiting')
    throw new AppError('invalid_state', 'This review has already been decided or forwarded.');
  return row;
}

/**
 * The local policing body records the review's result: upheld (the outcome was not reasonable and
 * proportionate) or not upheld, with its recommendations to the force (Police Reform Act 2002 Sch 3
 * para 6A(4)–(6), para 25(5)–(8)). Audited without the recommendations' words.
 */
export async function recordReviewOutcome(
  deps: Deps,
  principal: Principal | null,
  reviewId: string,
  raw: ReviewOutcomeInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.review', 'review');
  const message = 'Check the review outcome';
  const input = parseInput(reviewOutcomeBody, raw, message);
  return deps.db.transaction(async (tx) => {
    const row = await lockReview(tx, principal, reviewId);
    failIf(
      dateErrors({ decidedOn: input.decidedOn }, ukToday(deps.now()), {
        date: row.receivedOn,
        words: 'the application was received',
      }),
      message,
    );
    if (input.result === 'upheld' && !input.recommendations)
      failIf({ recommendations: 'Say what the force should do: an upheld review makes recommendations' }, message);
    const updated = await updateComplaintReview(tx, row, input.version, {
      status: 'decided',
      result: input.result,
      recommendations: input.recommendations,
      decidedOn: input.decidedOn,
      decidedBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint', id: row.complaintId },
      {
        type: 'complaint.review_decided',
        complaintId: row.complaintId,
        reviewId: row.id,
        result: input.result,
        decidedOn: input.decidedOn,
      },
    );
    return { id: updated.id, version: updated.version, status: updated.status, result: updated.result };
  });
}

/**
 * An application the local policing body received that the IOPC must review (a reg 32 ground it finds) is
 * forwarded to the IOPC (Police Reform Act 2002 Sch 3 paras 31–32); the days it takes are excluded from the
 * complainant's time limit (C&M Regs 2020 reg 29(3)).
 */
export async function forwardReview(
  deps: Deps,
  principal: Principal | null,
  reviewId: string,
  raw: ForwardReviewInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.review', 'review');
  const message = 'Check the forwarding';
  const input = parseInput(forwardReviewBody, raw, message);
  return deps.db.transaction(async (tx) => {
    const row = await lockReview(tx, principal, reviewId);
    failIf(
      dateErrors({ forwardedOn: input.forwardedOn }, ukToday(deps.now()), {
        date: row.receivedOn,
        words: 'the application was received',
      }),
      message,
    );
    const updated = await updateComplaintReview(tx, row, input.version, {
      status: 'forwarded',
      forwardedOn: input.forwardedOn,
      decidedBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint', id: row.complaintId },
      {
        type: 'complaint.review_forwarded',
        complaintId: row.complaintId,
        reviewId: row.id,
        forwardedOn: input.forwardedOn,
      },
    );
    return { id: updated.id, version: updated.version, status: updated.status };
  });
}
