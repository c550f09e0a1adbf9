import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion } from '../../../kernel/errors.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { clearancesWithdrawnBy, reinstateClearance } from '../clearances/clearances.repository.ts';
import { findVisibleAppeal, findVisibleDecision, updateAppeal } from './decisions.repository.ts';
import { decideAppealInput } from './decide-appeal.ts';
import { meetVettingClocks, startVettingClock } from '../vetting-clocks.ts';
import { renewalPeriodOf } from '../vetting-levels.ts';
import {
  withdrawalAppealConsequence,
  withdrawalAppealOutcomeProblems,
  withdrawalAppealRoute,
} from './withdrawal-appeal-rules.ts';

const yesNo = z.preprocess(
  (v) => (v === 'yes' ? true : v === 'no' ? false : blank(v)),
  z.boolean({ message: 'Say whether the officer’s dismissal follows' }).optional(),
);

/** The refusal appeal's fields, with one of the withdrawal appeal's own: one set of limits for both. */
export const decideWithdrawalAppealInput = decideAppealInput.extend({
  /** When the appeal is dismissed: whether the person's dismissal follows (yes/no, or a boolean in the API). */
  dismissalFollows: yesNo,
});

/**
 * The panel's outcome on a withdrawal appeal (Police (Vetting) Regulations 2025, Part 3). Upheld: the
 * clearances the withdrawal ended are restored with their renewal clocks. Dismissed: the withdrawal stands,
 * and the panel records whether dismissal follows; for a police officer or special constable it is dismissal
 * without notice under the Regulations, and the window to appeal to the Police Appeals Tribunal starts
 * (`vetting_withdrawal_tribunal`); for staff it follows under the force's own procedure. The panel's clock is met.
 */
export async function decideWithdrawalAppeal(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof decideWithdrawalAppealInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'appeal');
  const input = parseInput(decideWithdrawalAppealInput, raw, 'Check the appeal outcome');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const appeal = await findVisibleAppeal(tx, principal, input.appealId, true);
    if (!appeal || appeal.kind !== 'withdrawal') throw notFound('appeal');
    const decision = await findVisibleDecision(tx, principal, appeal.decisionId, true);
    if (!decision) throw notFound('appeal');
    if (appeal.version !== input.version) throw staleVersion();
    if (appeal.outcome !== 'pending')
      throw new AppError('invalid_state', 'The outcome of this appeal has already been recorded');
    const problems = withdrawalAppealOutcomeProblems(input, { today, lodgedOn: appeal.lodgedOn });
    if (Object.keys(problems).length > 0) throw new AppError('validation', 'Check the appeal outcome', problems);
    const route = withdrawalAppealRoute(appeal.appellantType);
    const dismissalFollows = input.outcome === 'dismissed' ? (input.dismissalFollows ?? false) : null;
    let tribunalWindowEndsOn: string | null = null;
    if (dismissalFollows && route === 'regulations') {
      const tribunal = await startVettingClock(tx, deps, {
        forceId: decision.forceId,
        personId: decision.personId,
        subjectKey: `withdrawal-appeal:${appeal.id}`,
        period: 'vetting_withdrawal_tribunal',
        startOn: input.decidedOn,
      });
      tribunalWindowEndsOn = tribunal.dueOn;
    }
    await updateAppeal(tx, appeal, {
      panel: input.panel,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      outcomeReasons: input.reasons,
      dismissalFollows,
      tribunalWindowEndsOn,
    });
    await meetVettingClocks(tx, {
      forceId: decision.forceId,
      subjectKey: `withdrawal-appeal:${appeal.id}`,
      period: 'vetting_withdrawal_appeal_decision',
      on: input.decidedOn,
    });
    const actor = actorOf(principal, requestId);
    const restored: string[] = [];
    if (input.outcome === 'upheld') {
      for (const clearance of await clearancesWithdrawnBy(tx, decision.forceId, decision)) {
        await reinstateClearance(tx, clearance);
        await startVettingClock(tx, deps, {
          forceId: clearance.forceId,
          personId: clearance.personId,
          subjectKey: `clearance:${clearance.id}`,
          period: renewalPeriodOf(clearance.level),
          startOn: clearance.grantedOn,
        });
        await recordAudit(
          tx,
          actor,
          { type: 'vetting_clearance', id: clearance.id, personId: clearance.personId },
          {
            type: 'vetting.clearance_reinstated',
            clearanceId: clearance.id,
            personId: clearance.personId,
            appealId: appeal.id,
          },
        );
        restored.push(clearance.id);
      }
    }
    await recordAudit(
      tx,
      actor,
      { type: 'vetting_appeal', id: appeal.id, personId: decision.personId },
      {
        type: 'vetting.withdrawal_appeal_decided',
        appealId: appeal.id,
        decisionId: decision.id,
        outcome: input.outcome,
        restoredClearanceIds: restored,
        dismissalFollows,
        tribunalWindowEndsOn,
      },
    );
    return {
      restoredClearanceIds: restored,
      dismissalFollows,
      tribunalWindowEndsOn,
      message: withdrawalAppealConsequence(input.outcome, dismissalFollows, route, tribunalWindowEndsOn),
    };
  });
}
