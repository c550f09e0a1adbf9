import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import {
  findOpenMerge,
  findVisiblePerson,
  markMergeUndone,
  setMergedInto,
  bumpVersion,
} from '../organisation/index.ts';

export const undoMergeInput = z.object({
  mergeId: z.string().uuid(),
  reason: z.string().trim().min(10, 'Explain in at least 10 characters why the merge was wrong').max(2000),
});

/** Undoes a merge: the duplicate stands on its own again with everything it had. Audited on both records. */
export async function undoMerge(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof undoMergeInput>,
  requestId: string | null,
) {
  authorize(principal, 'person.merge', 'person');
  const input = parseInput(undoMergeInput, raw);
  return deps.db.transaction(async (tx) => {
    const merge = await findOpenMerge(tx, principal.forceId, input.mergeId);
    if (!merge) throw notFound('merge');
    const survivor = await findVisiblePerson(tx, principal, merge.survivorId, true);
    const duplicate = await findVisiblePerson(tx, principal, merge.mergedId, true);
    if (!survivor || !duplicate) throw notFound('merge');
    await setMergedInto(tx, principal.forceId, duplicate.id, null, duplicate.version);
    await bumpVersion(tx, principal.forceId, survivor.id, survivor.version);
    await markMergeUndone(tx, principal.forceId, merge.id, principal.userId, input.reason, deps.now());
    const actor = actorOf(principal, requestId);
    const event = {
      type: 'person.unmerged' as const,
      mergeId: merge.id,
      survivorId: survivor.id,
      mergedId: duplicate.id,
      reason: input.reason,
    };
    await recordAudit(tx, actor, { type: 'person', id: survivor.id, personId: survivor.id }, event);
    await recordAudit(tx, actor, { type: 'person', id: duplicate.id, personId: duplicate.id }, event);
    return { mergeId: merge.id, survivorId: survivor.id, duplicateId: duplicate.id };
  });
}
