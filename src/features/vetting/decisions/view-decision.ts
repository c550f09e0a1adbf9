import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, type Principal } from '../../../kernel/access/principal.ts';
import { findVisibleApplication } from '../applications/applications.repository.ts';
import { appealsOfDecision, findVisibleDecision, userDisplayName } from './decisions.repository.ts';
import { vettingDeadline } from '../vetting-clocks.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

/** Outcomes that can be appealed (§4.4): a refusal of an application, a withdrawal made by a review. */
export const APPEALABLE_OUTCOMES: ReadonlySet<string> = new Set(['refuse', 'withdraw']);

/**
 * A vetting decision with its Appendix K record, the appeal window and any appeal; an audited read.
 * Decisions of reviews (maintain, withdraw …) are shown too, from the same columns.
 */
export async function viewDecision(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorizeVettingRead(principal, 'decision');
  if (!z.string().uuid().safeParse(id).success) throw notFound('decision');
  return deps.db.transaction(async (tx) => {
    const decision = await findVisibleDecision(tx, principal, id);
    if (!decision) throw notFound('decision');
    const appeals = await appealsOfDecision(tx, decision.forceId, decision.id);
    const application = decision.applicationId
      ? ((await findVisibleApplication(tx, principal, decision.applicationId)) ?? null)
      : null;
    const decisionMaker = await userDisplayName(tx, decision.decisionMakerUserId);
    const appealable = APPEALABLE_OUTCOMES.has(decision.outcome);
    const windowEndsOn = appealable
      ? (decision.appealWindowEndsOn ??
        vettingDeadline(
          deps,
          decision.outcome === 'withdraw' ? 'vetting_withdrawal_appeal' : 'vetting_appeal',
          decision.decidedOn,
        ))
      : null;
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_decision', id: decision.id, personId: decision.personId },
      { type: 'vetting.file_viewed', file: 'decision', id: decision.id, personId: decision.personId },
    );
    return {
      decision,
      appeals,
      application,
      decisionMaker,
      appealable,
      windowEndsOn,
      canLodge: appealable && appeals.length === 0 && vettingFilePolicy.decide(principal),
    };
  });
}
