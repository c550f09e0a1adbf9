import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { trackerStatus, version } from './recommendation-input.ts';
import { openResponseForChange } from './response-context.ts';
import { updateResponse } from './responses.repository.ts';
import { signOffAfterSelfAssessment } from './tracker-rules.ts';

export const selfAssessmentInput = z.object({ status: trackerStatus('the force’s status'), version });

/**
 * The force's own assessment of its progress on an item. A chief officer's sign-off given for another
 * status lapses (tracker-rules.ts), and the audit row says so.
 */
export async function assessSelf(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.manage', 'recommendation');
  const input = parseInput(selfAssessmentInput, raw, 'Check the force’s status');
  return deps.db.transaction(async (tx) => {
    const { item, response } = await openResponseForChange(tx, principal, itemId, input.version);
    const current =
      response.signedOffStatus && response.signedOffAt && response.signedOffBy
        ? { status: response.signedOffStatus, at: response.signedOffAt, by: response.signedOffBy }
        : null;
    const { signOff, reset } = signOffAfterSelfAssessment(current, input.status);
    await updateResponse(tx, response, {
      selfStatus: input.status,
      selfAssessedAt: deps.now(),
      selfAssessedBy: principal.userId,
      signedOffStatus: signOff?.status ?? null,
      signedOffAt: signOff?.at ?? null,
      signedOffBy: signOff?.by ?? null,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: item.id },
      {
        type: 'recommendation.self_assessed',
        itemId: item.id,
        responseId: response.id,
        from: response.selfStatus,
        to: input.status,
        signOffReset: reset,
      },
    );
    return { responseId: response.id, version: response.version + 1, signOffReset: reset };
  });
}
