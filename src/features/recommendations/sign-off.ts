import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { version } from './recommendation-input.ts';
import { openResponseForChange } from './response-context.ts';
import { updateResponse } from './responses.repository.ts';
import { statusLabels } from './tracker-rules.ts';

export const signOffInput = z.object({ version });

/**
 * A chief officer signs off the force's current self-assessment (who, when, which status). It lapses when
 * the force changes that status; signing off the same status twice is refused.
 */
export async function signOff(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.signoff', 'recommendation');
  const input = parseInput(signOffInput, raw, 'Reload the page and try again');
  return deps.db.transaction(async (tx) => {
    const { item, response } = await openResponseForChange(tx, principal, itemId, input.version);
    if (response.signedOffAt && response.signedOffStatus === response.selfStatus) {
      throw new AppError(
        'invalid_state',
        `The force’s status (${statusLabels[response.selfStatus].toLowerCase()}) is already signed off.`,
      );
    }
    await updateResponse(tx, response, {
      signedOffStatus: response.selfStatus,
      signedOffAt: deps.now(),
      signedOffBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: item.id },
      { type: 'recommendation.signed_off', itemId: item.id, responseId: response.id, status: response.selfStatus },
    );
    return { responseId: response.id, version: response.version + 1 };
  });
}
