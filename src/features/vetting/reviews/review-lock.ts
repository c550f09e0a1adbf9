import type { Db } from '../../../db/client.ts';
import { AppError, notFound, staleVersion } from '../../../kernel/errors.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { findVisibleReview, type ReviewDetailRow } from './vetting-reviews.repository.ts';

/**
 * Finds a review the principal may see and locks it for a change. Not visible → 404 (like a missing one);
 * `version` given and different → 409; already decided → 422 with words the user can act on.
 */
export async function lockOpenReview(
  tx: Db,
  principal: Principal,
  reviewId: string,
  version?: number,
): Promise<ReviewDetailRow> {
  const review = await findVisibleReview(tx, principal, reviewId, true);
  if (!review) throw notFound('review');
  if (version !== undefined && review.version !== version) throw staleVersion();
  if (review.status !== 'open')
    throw new AppError('invalid_state', 'This review has been decided: its file can no longer be changed.');
  return review;
}
