import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { peoplePolicy } from './people.policy.ts';
import {
  findVisiblePerson,
  insertMerge,
  mergedInto,
  resolveReference,
  setMergedInto,
  bumpVersion,
} from '../organisation/index.ts';

export const mergePeopleInput = z.object({
  survivorId: z.string().uuid(),
  duplicateId: z.string().uuid('Choose the duplicate record'),
  reason: z.string().trim().min(10, 'Explain in at least 10 characters why these are the same person').max(2000),
  survivorVersion: z.coerce.number().int().min(1),
  /** Omitted when the duplicate was chosen by number on the survivor's page rather than opened. */
  duplicateVersion: z.coerce.number().int().min(1).optional(),
});

/**
 * Merges a duplicate record into a survivor. Nothing is moved or deleted: the duplicate points at the
 * survivor, its numbers and postings show on the survivor, and an undo restores it exactly. Both records
 * are locked and their versions checked, so a merge made from stale pages is refused (409).
 */
export async function mergePeople(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof mergePeopleInput>,
  requestId: string | null,
) {
  authorizeBy(principal, peoplePolicy.merge, 'person');
  const input = parseInput(mergePeopleInput, raw);
  if (input.survivorId === input.duplicateId) {
    throw new AppError('validation', 'A record cannot be merged into itself', {
      duplicateId: 'Choose a different record',
    });
  }
  return deps.db.transaction(async (tx) => {
    const survivor = await findVisiblePerson(tx, principal, input.survivorId, true);
    const duplicate = await findVisiblePerson(tx, principal, input.duplicateId, true);
    if (!survivor || !duplicate) throw notFound('person');
    if (survivor.version !== input.survivorVersion) throw staleVersion();
    if (input.duplicateVersion !== undefined && duplicate.version !== input.duplicateVersion) throw staleVersion();
    if (survivor.mergedIntoId)
      throw new AppError(
        'invalid_state',
        'This record has itself been merged into another; merge into that one instead.',
      );
    if (duplicate.mergedIntoId)
      throw new AppError('invalid_state', 'The duplicate has already been merged into another record.', {
        duplicateId: 'Already merged',
      });
    if ((await mergedInto(tx, principal.forceId, duplicate.id)).length > 0) {
      throw new AppError('invalid_state', 'Other records are merged into the duplicate; undo those merges first.', {
        duplicateId: 'Has merged records',
      });
    }
    if (
      survivor.personType !== duplicate.personType &&
      !(survivor.personType === 'officer' || duplicate.personType === 'officer')
    ) {
      // Officers are often recorded as staff or specials earlier in their careers, so only unrelated types are refused.
      throw new AppError(
        'invalid_state',
        `A ${duplicate.personType} record cannot be merged into a ${survivor.personType} record.`,
      );
    }
    await setMergedInto(tx, principal.forceId, duplicate.id, survivor.id, duplicate.version);
    await bumpVersion(tx, principal.forceId, survivor.id, survivor.version);
    const merge = await insertMerge(tx, {
      forceId: principal.forceId,
      survivorId: survivor.id,
      mergedId: duplicate.id,
      reason: input.reason,
      mergedBy: principal.userId,
      mergedAt: deps.now(),
    });
    const actor = actorOf(principal, requestId);
    const event = {
      type: 'person.merged' as const,
      mergeId: merge.id,
      survivorId: survivor.id,
      mergedId: duplicate.id,
      reason: input.reason,
    };
    await recordAudit(tx, actor, { type: 'person', id: survivor.id, personId: survivor.id }, event);
    await recordAudit(tx, actor, { type: 'person', id: duplicate.id, personId: duplicate.id }, event);
    return merge;
  });
}

/**
 * The merge as the survivor's page asks for it: the duplicate typed as a collar, warrant or staff number or
 * a record id, resolved among the records this user may see (never the survivor itself). No match, or more
 * than one, is refused in the `duplicate` field; otherwise it is `mergePeople`.
 */
export async function mergePeopleByReference(
  deps: Deps,
  principal: Principal | null,
  raw: Omit<z.input<typeof mergePeopleInput>, 'duplicateId'> & { duplicateReference: string },
  requestId: string | null,
) {
  authorizeBy(principal, peoplePolicy.merge, 'person');
  const reference = raw.duplicateReference.trim();
  const matches = reference ? await resolveReference(deps.db, principal, reference) : [];
  const candidates = matches.filter((id) => id !== raw.survivorId);
  if (candidates.length !== 1) {
    const message = !reference
      ? 'Enter the number or record id of the duplicate'
      : candidates.length === 0
        ? 'No other record you can see has that number or id'
        : 'More than one record has that number; enter the record id instead';
    throw new AppError('validation', message, { duplicate: message });
  }
  const { survivorId, reason, survivorVersion } = raw;
  return mergePeople(
    deps,
    principal,
    { survivorId, reason, survivorVersion, duplicateId: candidates[0] ?? '' },
    requestId,
  );
}
