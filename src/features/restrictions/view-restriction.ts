import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findVisibleCase } from '../misconduct/index.ts';
import { decisionsOf, findVisibleRestrictionCase, restrictionsOfCase, userNames } from './restrictions.repository.ts';

/** One restriction with its history, for the API: an audited read through the case's need-to-know. */
export async function viewRestriction(
  deps: Deps,
  principal: Principal | null,
  restrictionId: string,
  requestId: string | null,
) {
  authorize(principal, 'restriction.read', 'restriction');
  if (!z.string().uuid().safeParse(restrictionId).success) throw notFound('restriction');
  return deps.db.transaction(async (tx) => {
    const caseId = await findVisibleRestrictionCase(tx, principal, restrictionId);
    if (!caseId) throw notFound('restriction');
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('restriction');
    const row = (await restrictionsOfCase(tx, theCase.forceId, theCase.id)).find((r) => r.id === restrictionId);
    if (!row) throw notFound('restriction');
    const decisions = await decisionsOf(tx, theCase.forceId, [row.id]);
    const names = await userNames(tx, [row.decisionMakerUserId, ...decisions.map((d) => d.decisionMakerUserId)]);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'restriction', id: row.id, personId: row.personId },
      { type: 'restriction.viewed', caseId: theCase.id, restrictionId: row.id },
    );
    return {
      theCase,
      restriction: {
        ...row,
        decisionMaker: names.get(row.decisionMakerUserId) ?? 'Unknown user',
        decisions: decisions.map((d) => ({ ...d, decisionMaker: names.get(d.decisionMakerUserId) ?? 'Unknown user' })),
      },
    };
  });
}
