import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { openResponseForChange } from './response-context.ts';
import { insertComment } from './responses.repository.ts';
import { recommendationPolicy } from './recommendation.policy.ts';

export const commentInput = z.object({
  body: z
    .string({ message: 'Enter a comment' })
    .trim()
    .min(1, 'Enter a comment')
    .max(5000, 'The comment must be 5,000 characters or fewer'),
});

/** Which side a user comments for: the commissioner's office (verify) or the force (manage). */
export function commentSideOf(principal: Principal): 'commissioner' | 'force' | null {
  if (recommendationPolicy.verify(principal)) return 'commissioner';
  if (recommendationPolicy.manage(principal)) return 'force';
  return null;
}

/** A dated comment on the force's response, attributed to its author and side. */
export async function addComment(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.read', 'recommendation');
  const side = commentSideOf(principal);
  if (!side) throw notFound('recommendation');
  const input = parseInput(commentInput, raw, 'Check the comment');
  return deps.db.transaction(async (tx) => {
    const { item, response } = await openResponseForChange(tx, principal, itemId);
    const row = await insertComment(tx, {
      forceId: principal.forceId,
      responseId: response.id,
      side,
      body: input.body,
      authorUserId: principal.userId,
      createdAt: deps.now(),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: item.id },
      { type: 'recommendation.comment_added', itemId: item.id, responseId: response.id, commentId: row.id, side },
    );
    return row;
  });
}
