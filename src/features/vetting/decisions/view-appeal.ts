import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, type Principal } from '../../../kernel/access/principal.ts';
import { findVisibleAppeal, findVisibleDecision } from './decisions.repository.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

/** An appeal against a refusal with the decision it is against; an audited read. */
export async function viewAppeal(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorizeVettingRead(principal, 'appeal');
  if (!z.string().uuid().safeParse(id).success) throw notFound('appeal');
  return deps.db.transaction(async (tx) => {
    const appeal = await findVisibleAppeal(tx, principal, id);
    // An appeal against a withdrawal has its own page (view-withdrawal-appeal.ts).
    if (!appeal || appeal.kind !== 'refusal') throw notFound('appeal');
    const decision = await findVisibleDecision(tx, principal, appeal.decisionId);
    if (!decision) throw notFound('appeal');
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_appeal', id: appeal.id, personId: decision.personId },
      { type: 'vetting.file_viewed', file: 'appeal', id: appeal.id, personId: decision.personId },
    );
    return { appeal, decision, canDecide: appeal.outcome === 'pending' && vettingFilePolicy.decide(principal) };
  });
}
