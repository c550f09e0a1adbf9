import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { optionalDate } from './recommendation-input.ts';
import { openResponseForChange } from './response-context.ts';
import { insertAction } from './responses.repository.ts';

export const addActionInput = z.object({
  description: z
    .string({ message: 'Describe the action' })
    .trim()
    .min(1, 'Describe the action')
    .max(2000, 'The action must be 2,000 characters or fewer'),
  dueOn: optionalDate('the due date'),
});

/** An action the force will take towards an item, with an optional due date. */
export async function addAction(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.manage', 'recommendation');
  const input = parseInput(addActionInput, raw, 'Check the action');
  return deps.db.transaction(async (tx) => {
    const { item, response } = await openResponseForChange(tx, principal, itemId);
    const row = await insertAction(tx, {
      forceId: principal.forceId,
      responseId: response.id,
      description: input.description,
      dueOn: input.dueOn,
      createdBy: principal.userId,
      createdAt: deps.now(),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: item.id },
      {
        type: 'recommendation.action_added',
        itemId: item.id,
        responseId: response.id,
        actionId: row.id,
        dueOn: row.dueOn,
      },
    );
    return row;
  });
}
