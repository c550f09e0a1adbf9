import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, type Principal } from '../../../kernel/access/principal.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';
import { findVisibleAppeal, findVisibleDecision } from './decisions.repository.ts';
import { findVettingPerson } from '../clearances/clearances.repository.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';
import { withdrawalAppealConsequence, withdrawalAppealRoute } from './withdrawal-appeal-rules.ts';

/** An appeal against a withdrawal, with the withdrawal, the appellant and what the outcome means; an audited read. */
export async function viewWithdrawalAppeal(
  deps: Deps,
  principal: Principal | null,
  id: string,
  requestId: string | null,
) {
  authorizeVettingRead(principal, 'appeal');
  if (!z.string().uuid().safeParse(id).success) throw notFound('appeal');
  return deps.db.transaction(async (tx) => {
    const appeal = await findVisibleAppeal(tx, principal, id);
    if (!appeal || appeal.kind !== 'withdrawal') throw notFound('appeal');
    const decision = await findVisibleDecision(tx, principal, appeal.decisionId);
    if (!decision) throw notFound('appeal');
    const person = decision.personId ? await findVettingPerson(tx, principal, decision.personId) : undefined;
    const route = withdrawalAppealRoute(appeal.appellantType);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_appeal', id: appeal.id, personId: decision.personId },
      { type: 'vetting.file_viewed', file: 'appeal', id: appeal.id, personId: decision.personId },
    );
    return {
      appeal,
      decision,
      appellantName: person ? `${person.given_name} ${person.family_name}` : null,
      route,
      consequence: withdrawalAppealConsequence(
        appeal.outcome,
        appeal.dismissalFollows,
        route,
        appeal.tribunalWindowEndsOn,
      ),
      canDecide: appeal.outcome === 'pending' && vettingFilePolicy.decide(principal),
    };
  });
}
