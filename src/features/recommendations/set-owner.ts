import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput, blank } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { version } from './recommendation-input.ts';
import { openResponseForChange } from './response-context.ts';
import { findForceUser, updateResponse } from './responses.repository.ts';

export const setOwnerInput = z.object({
  ownerUserId: z
    .preprocess(blank, z.string().uuid('Choose the accountable owner').nullable().optional())
    .transform((v) => v ?? null),
  version,
});

/** Names (or clears) the person in the force accountable for an item: an active account of the same force. */
export async function setOwner(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.manage', 'recommendation');
  const input = parseInput(setOwnerInput, raw, 'Check the accountable owner');
  return deps.db.transaction(async (tx) => {
    const { item, response } = await openResponseForChange(tx, principal, itemId, input.version);
    if (input.ownerUserId !== null && !(await findForceUser(tx, principal.forceId, input.ownerUserId))) {
      throw new AppError('validation', 'Check the accountable owner', { ownerUserId: 'Choose someone in your force' });
    }
    await updateResponse(tx, response, { ownerUserId: input.ownerUserId });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: item.id },
      { type: 'recommendation.owner_set', itemId: item.id, responseId: response.id, ownerUserId: input.ownerUserId },
    );
    return { responseId: response.id, version: response.version + 1 };
  });
}
