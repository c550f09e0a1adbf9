import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { formatDate, ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { appealsOfDecision, findVisibleDecision, insertAppeal } from './decisions.repository.ts';
import { meetVettingClocks, vettingDeadline } from '../vetting-clocks.ts';
import { APPEALABLE_OUTCOMES } from './view-decision.ts';

export const lodgeAppealInput = z.object({
  decisionId: z.string().uuid(),
  lodgedOn: isoDateString('Enter the date the appeal was received'),
  grounds: z
    .string({ message: 'Enter the grounds of appeal' })
    .trim()
    .min(10, 'Enter the grounds of appeal (at least 10 characters)')
    .max(10_000, 'The grounds must be 10,000 characters or fewer'),
});

/**
 * Lodges an appeal against a refusal (§4.4: in writing, with grounds, within the window — 14 days by default,
 * configurable as `vetting_appeal`). An appeal received after the window is refused with the date it closed.
 * Lodging meets the decision's appeal clock. One appeal per decision. A withdrawal has its own appeal
 * (lodge-withdrawal-appeal.ts, Police (Vetting) Regulations 2025 Part 3).
 */
export async function lodgeAppeal(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof lodgeAppealInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'decision');
  const input = parseInput(lodgeAppealInput, raw, 'Check the appeal');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const decision = await findVisibleDecision(tx, principal, input.decisionId, true);
    if (!decision) throw notFound('decision');
    if (decision.outcome === 'withdraw')
      throw new AppError(
        'invalid_state',
        'A withdrawal is appealed by the officer or member of staff under the Police (Vetting) Regulations 2025: record it as an appeal against the withdrawal',
      );
    if (!APPEALABLE_OUTCOMES.has(decision.outcome))
      throw new AppError('invalid_state', 'Only a refusal of clearance can be appealed here');
    if ((await appealsOfDecision(tx, decision.forceId, decision.id)).length > 0)
      throw new AppError('invalid_state', 'An appeal has already been lodged against this decision');
    const windowEndsOn = decision.appealWindowEndsOn ?? vettingDeadline(deps, 'vetting_appeal', decision.decidedOn);
    const fail = (message: string) => new AppError('validation', 'Check the appeal', { lodgedOn: message });
    if (input.lodgedOn > today) throw fail('The date the appeal was received must be today or in the past');
    if (input.lodgedOn < decision.decidedOn)
      throw fail(`The appeal cannot be received before the decision (${formatDate(decision.decidedOn)})`);
    if (input.lodgedOn > windowEndsOn)
      throw fail(
        `The appeal window closed on ${formatDate(windowEndsOn)}: an appeal received on ${formatDate(input.lodgedOn)} is out of time`,
      );
    const appeal = await insertAppeal(tx, {
      forceId: decision.forceId,
      decisionId: decision.id,
      lodgedOn: input.lodgedOn,
      grounds: input.grounds,
    });
    await meetVettingClocks(tx, {
      forceId: decision.forceId,
      subjectKey: `decision:${decision.id}`,
      period: 'vetting_appeal',
      on: input.lodgedOn,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_appeal', id: appeal.id, personId: decision.personId },
      { type: 'vetting.appeal_lodged', appealId: appeal.id, decisionId: decision.id, lodgedOn: input.lodgedOn },
    );
    return { id: appeal.id };
  });
}
