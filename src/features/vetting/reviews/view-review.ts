import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../kernel/errors.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { decisionsOfFile } from '../decisions/decisions.repository.ts';
import { clearancesOfPerson } from './review-file.repository.ts';
import { adverseOfFile, checksOfFile } from '../file/vetting-file.repository.ts';
import { findDeclaration } from './vetting-declarations.repository.ts';
import { findVisibleReview, vettingOfficersOf, type ReviewDetailRow } from './vetting-reviews.repository.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

const uuid = z.string().uuid();

/**
 * One review with everything the vetting officer decides on: the person, the trigger and its source (a
 * conduct case by reference only; a declaration with what was declared), the person's clearances, the
 * review's checks and adverse information, its decision once made, and who it may be assigned to.
 * Vetting roles only, never the reader's own file; every read is audited ('vetting.review_viewed').
 */
export async function viewReview(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorize(principal, 'vetting.read', 'review');
  if (!uuid.safeParse(id).success) throw notFound('review');
  return deps.db.transaction(async (tx) => {
    const review = await findVisibleReview(tx, principal, id);
    if (!review) throw notFound('review');
    const file = await reviewFile(tx, review);
    const officers = (await vettingOfficersOf(tx, principal.forceId, vettingFilePolicy.reviewerRoles())).filter(
      (o) => o.personId !== review.personId,
    );
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_review', id: review.id, personId: review.personId },
      { type: 'vetting.review_viewed', reviewId: review.id, personId: review.personId },
    );
    return {
      review,
      ...file,
      officers: officers.map((o) => ({ id: o.id, displayName: o.displayName })),
      today: ukToday(deps.now()),
    };
  });
}

/** The file of a review (also the basis of its decision record). */
export async function reviewFile(tx: Db, review: ReviewDetailRow) {
  const file = { kind: 'review', id: review.id } as const;
  const checks = await checksOfFile(tx, review.forceId, file);
  const adverseItems = await adverseOfFile(tx, review.forceId, file);
  const decisions = await decisionsOfFile(tx, review.forceId, file);
  const clearances = await clearancesOfPerson(tx, review.forceId, review.personId);
  const declarationId = review.sourceKey.startsWith('declaration:')
    ? review.sourceKey.slice('declaration:'.length)
    : null;
  const declaration =
    declarationId && uuid.safeParse(declarationId).success
      ? ((await findDeclaration(tx, review.forceId, declarationId)) ?? null)
      : null;
  return { checks, adverseItems, decision: decisions[0] ?? null, clearances, declaration };
}
