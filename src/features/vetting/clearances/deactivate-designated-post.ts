import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { deactivateDesignatedPost, findDesignatedPostForUpdate } from './designated-posts.repository.ts';

/** Deactivates a designated post (kept for the record; it no longer raises anyone's requirement). Doing it twice changes nothing. */
export async function deactivatePost(
  deps: Deps,
  principal: Principal | null,
  postId: string,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'designated post');
  if (!z.string().uuid().safeParse(postId).success) throw notFound('designated post');
  return deps.db.transaction(async (tx) => {
    const post = await findDesignatedPostForUpdate(tx, principal.forceId, postId);
    if (!post) throw notFound('designated post');
    if (!post.active) return { id: post.id, changed: false };
    await deactivateDesignatedPost(tx, principal.forceId, post.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'designated_post', id: post.id },
      { type: 'vetting.post_deactivated', postId: post.id },
    );
    return { id: post.id, changed: true };
  });
}
