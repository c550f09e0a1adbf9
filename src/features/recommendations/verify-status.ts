import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { trackerStatus, version } from './recommendation-input.ts';
import { openResponseForChange } from './response-context.ts';
import { updateResponse } from './responses.repository.ts';

export const verificationInput = z.object({ status: trackerStatus('the verified status'), version });

/** The commissioner's office's own assessment of the force's progress: kept apart from the force's. */
export async function verifyStatus(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.verify', 'recommendation');
  const input = parseInput(verificationInput, raw, 'Check the verified status');
  return deps.db.transaction(async (tx) => {
    const { item, response } = await openResponseForChange(tx, principal, itemId, input.version);
    await updateResponse(tx, response, {
      verifiedStatus: input.status,
      verifiedAt: deps.now(),
      verifiedBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: item.id },
      {
        type: 'recommendation.verified',
        itemId: item.id,
        responseId: response.id,
        from: response.verifiedStatus,
        to: input.status,
      },
    );
    return { responseId: response.id, version: response.version + 1 };
  });
}
