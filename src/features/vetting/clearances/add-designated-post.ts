import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import { vettingLevels } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { insertDesignatedPost, unitExists } from './designated-posts.repository.ts';

export const addPostInput = z.object({
  title: z
    .string({ message: 'Enter the title of the post' })
    .trim()
    .min(3, 'Enter the title of the post')
    .max(200, 'The title must be 200 characters or fewer'),
  postingRole: z
    .string({ message: 'Choose the posting role' })
    .trim()
    .min(1, 'Choose the posting role')
    .max(200, 'The posting role must be 200 characters or fewer'),
  unitId: z.preprocess(blank, z.string().uuid('Choose a unit from the list').nullable().optional()),
  requiredLevel: z.enum(vettingLevels, { message: 'Choose the level the post requires' }),
});

/** Adds a designated post: everyone whose current posting has this role (in this unit, if given) must hold the level. */
export async function addDesignatedPost(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof addPostInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'page');
  const input = parseInput(addPostInput, raw, 'Check the designated post');
  return deps.db.transaction(async (tx) => {
    if (input.unitId && !(await unitExists(tx, principal.forceId, input.unitId)))
      throw new AppError('validation', 'Check the designated post', { unitId: 'Choose a unit from the list' });
    const post = await insertDesignatedPost(tx, {
      forceId: principal.forceId,
      title: input.title,
      postingRole: input.postingRole,
      unitId: input.unitId ?? null,
      requiredLevel: input.requiredLevel,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'designated_post', id: post.id },
      { type: 'vetting.post_added', postId: post.id, requiredLevel: post.requiredLevel },
    );
    return { id: post.id };
  });
}
