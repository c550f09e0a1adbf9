import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { lockOpenReview } from './review-lock.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';
import { updateReview, vettingOfficersOf } from './vetting-reviews.repository.ts';

export const assignReviewInput = z.object({
  reviewId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  /** null takes the review off its assignee. */
  assignedUserId: z.string().uuid('Choose a vetting officer from the list').nullable(),
});

/** Gives an open review to a vetting officer of the force (never to the person it is about). */
export async function assignReview(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof assignReviewInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'review');
  const input = parseInput(assignReviewInput, raw, 'Choose who the review is assigned to');
  return deps.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, principal, input.reviewId, input.version);
    if (input.assignedUserId) {
      const officers = await vettingOfficersOf(tx, principal.forceId, vettingFilePolicy.reviewerRoles());
      const chosen = officers.find((o) => o.id === input.assignedUserId);
      if (!chosen || chosen.personId === review.personId) {
        throw new AppError('validation', 'Choose who the review is assigned to', {
          assignedUserId: 'Choose a vetting officer from the list',
        });
      }
    }
    await updateReview(tx, review, { assignedUserId: input.assignedUserId });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_review', id: review.id, personId: review.personId },
      {
        type: 'vetting.review_assigned',
        reviewId: review.id,
        assignedUserId: input.assignedUserId,
      },
    );
    return { reviewId: review.id, version: review.version + 1 };
  });
}
