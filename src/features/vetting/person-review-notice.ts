import type { Db } from '../../db/client.ts';
import { can, type Principal } from '../access/principal.ts';
import { openReviewSince } from './vetting-reviews.repository.ts';

/**
 * What the person page says about vetting (the integrity loop's one window for other roles). A vetting role
 * gets links into the vetting file (its reviews, and recording a transfer in); anyone else who may see the
 * person learns only that a review is open and since when — no trigger, no content, no outcome, no
 * clearance. Called by people/view-person.ts inside its transaction, after the person was found in scope.
 */
export type PersonReviewNotice =
  | { kind: 'vetting'; openSince: string | null; fileHref: string; reviewsHref: string; transferInHref: string | null }
  | { kind: 'review_open'; openSince: string }
  | null;

export async function personReviewNotice(
  tx: Db,
  principal: Principal,
  person: { id: string; forceId: string },
): Promise<PersonReviewNotice> {
  const openSince = await openReviewSince(tx, person.forceId, person.id);
  if (can(principal, 'vetting.read')) {
    return {
      kind: 'vetting',
      openSince,
      fileHref: `/vetting/people/${person.id}`,
      reviewsHref: `/vetting/reviews?status=all&personId=${person.id}`,
      transferInHref: can(principal, 'vetting.decide') ? `/vetting/transfers-in/${person.id}` : null,
    };
  }
  return openSince ? { kind: 'review_open', openSince } : null;
}
