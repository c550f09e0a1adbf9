import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { isoDate, version } from './recommendation-input.ts';
import { openResponseForChange } from './response-context.ts';
import { findActionForUpdate, updateAction } from './responses.repository.ts';

const dateOrClear = (what: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), isoDate(what).nullable().optional());

export const updateActionInput = z.object({
  description: z
    .string()
    .trim()
    .min(1, 'Describe the action')
    .max(2000, 'The action must be 2,000 characters or fewer')
    .optional(),
  /** Absent: unchanged; blank or null: cleared. */
  dueOn: dateOrClear('the due date'),
  doneOn: dateOrClear('the date it was done'),
  version,
});

/** Changes an action's due date or records when it was done (not in the future). Stale edits are refused. */
export async function updateActionOf(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  actionId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.manage', 'recommendation');
  const input = parseInput(updateActionInput, raw, 'Check the action');
  if (input.doneOn && input.doneOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the action', { doneOn: 'The date it was done cannot be in the future' });
  if (!z.string().uuid().safeParse(actionId).success) throw notFound('action');
  return deps.db.transaction(async (tx) => {
    const { item, response } = await openResponseForChange(tx, principal, itemId);
    const action = await findActionForUpdate(tx, principal.forceId, response.id, actionId);
    if (!action) throw notFound('action');
    if (action.version !== input.version) throw staleVersion();
    const values = {
      description: input.description ?? action.description,
      dueOn: input.dueOn === undefined ? action.dueOn : input.dueOn,
      doneOn: input.doneOn === undefined ? action.doneOn : input.doneOn,
    };
    await updateAction(tx, action, values);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: item.id },
      {
        type: 'recommendation.action_updated',
        itemId: item.id,
        responseId: response.id,
        actionId: action.id,
        dueOn: values.dueOn,
        doneOn: values.doneOn,
      },
    );
    return { id: action.id, version: action.version + 1 };
  });
}
