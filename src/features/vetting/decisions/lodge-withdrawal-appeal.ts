import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { appealLodgers } from '../../../db/schema/vetting-decisions.ts';
import { appealsOfDecision, findVisibleDecision, insertAppeal } from './decisions.repository.ts';
import { findVettingPerson } from '../clearances/clearances.repository.ts';
import { meetVettingClocks, startVettingClock, vettingDeadline } from '../vetting-clocks.ts';
import { withdrawalAppealLodgeProblem } from './withdrawal-appeal-rules.ts';

export const lodgeWithdrawalAppealInput = z.object({
  decisionId: z.string().uuid(),
  lodgedOn: isoDateString('Enter the date the appeal was received'),
  lodgedBy: z.enum(appealLodgers, { message: 'Choose who brought the appeal' }),
  grounds: z
    .string({ message: 'Enter the grounds of appeal' })
    .trim()
    .min(10, 'Enter the grounds of appeal (at least 10 characters)')
    .max(10_000, 'The grounds must be 10,000 characters or fewer'),
});

/**
 * Records the serving officer's or member of staff's appeal against the withdrawal of their clearance (Police
 * (Vetting) Regulations 2025, Part 3): in time (`vetting_withdrawal_appeal`, which lodging meets), by the
 * person themselves or their police friend or lawyer (regs 9, 10), while they serve (reg 6), once. The panel's
 * clock (`vetting_withdrawal_appeal_decision`) starts on the day it is received.
 */
export async function lodgeWithdrawalAppeal(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof lodgeWithdrawalAppealInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'decision');
  const input = parseInput(lodgeWithdrawalAppealInput, raw, 'Check the appeal');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const decision = await findVisibleDecision(tx, principal, input.decisionId, true);
    if (!decision) throw notFound('decision');
    const person = decision.personId ? await findVettingPerson(tx, principal, decision.personId) : undefined;
    const windowEndsOn =
      decision.appealWindowEndsOn ?? vettingDeadline(deps, 'vetting_withdrawal_appeal', decision.decidedOn);
    const problem = withdrawalAppealLodgeProblem(input.lodgedOn, {
      today,
      decisionOutcome: decision.outcome,
      decidedOn: decision.decidedOn,
      windowEndsOn,
      person: person ? { status: person.status, serviceEnd: person.service_end } : null,
      appealsSoFar: (await appealsOfDecision(tx, decision.forceId, decision.id)).length,
    });
    if (problem && 'refusal' in problem) throw new AppError('invalid_state', problem.refusal);
    if (problem) throw new AppError('validation', 'Check the appeal', problem.fields);
    const decideBy = vettingDeadline(deps, 'vetting_withdrawal_appeal_decision', input.lodgedOn);
    const appeal = await insertAppeal(tx, {
      forceId: decision.forceId,
      decisionId: decision.id,
      kind: 'withdrawal',
      lodgedBy: input.lodgedBy,
      appellantType: person?.person_type ?? null,
      lodgedOn: input.lodgedOn,
      grounds: input.grounds,
      decideBy,
    });
    await meetVettingClocks(tx, {
      forceId: decision.forceId,
      subjectKey: `decision:${decision.id}`,
      period: 'vetting_withdrawal_appeal',
      on: input.lodgedOn,
    });
    await startVettingClock(tx, deps, {
      forceId: decision.forceId,
      personId: decision.personId,
      subjectKey: `withdrawal-appeal:${appeal.id}`,
      period: 'vetting_withdrawal_appeal_decision',
      startOn: input.lodgedOn,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_appeal', id: appeal.id, personId: decision.personId },
      {
        type: 'vetting.withdrawal_appeal_lodged',
        appealId: appeal.id,
        decisionId: decision.id,
        lodgedOn: input.lodgedOn,
        lodgedBy: input.lodgedBy,
        decideBy,
      },
    );
    return { id: appeal.id, decideBy };
  });
}
