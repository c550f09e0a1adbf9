import type { Db } from '../../../db/client.ts';
import { type Principal } from '../../../kernel/access/principal.ts';
import { openReviewSince } from './vetting-reviews.repository.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

/**
 * What the person page says about vetting. A vetting role (`vetting.read`) gets links into the vetting file
 * (its reviews, and recording a transfer in). Nobody else learns anything, not even that a review is open:
 * that a review exists is itself a fact of the vetting file, which is for the vetting unit only (issue 12).
 * Called by people/view-person.ts inside its transaction, after the person was found in scope.
 */
export type PersonReviewNotice = {
  kind: 'vetting';
  openSince: string | null;
  fileHref: string;
  reviewsHref: string;
  transferInHref: string | null;
} | null;

export async function personReviewNotice(
  tx: Db,
  principal: Principal,
  person: { id: string; forceId: string },
): Promise<PersonReviewNotice> {
  if (!vettingFilePolicy.read(principal)) return null;
  return {
    kind: 'vetting',
    openSince: await openReviewSince(tx, person.forceId, person.id),
    fileHref: `/vetting/people/${person.id}`,
    reviewsHref: `/vetting/reviews?status=all&personId=${person.id}`,
    transferInHref: vettingFilePolicy.decide(principal) ? `/vetting/transfers-in/${person.id}` : null,
  };
}
