import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion } from '../../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { findVisibleAppeal, findVisibleDecision, updateAppeal } from './decisions.repository.ts';

export const decideAppealInput = z.object({
  appealId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  panel: z
    .string({ message: 'Enter who sat on the appeal panel' })
    .trim()
    .min(3, 'Enter who sat on the appeal panel')
    .max(1000, 'The panel must be 1,000 characters or fewer'),
  outcome: z.enum(['upheld', 'dismissed'], { message: 'Choose the outcome of the appeal' }),
  decidedOn: isoDateString('Enter the date the panel decided'),
  reasons: z
    .string({ message: 'Enter the panel’s reasons' })
    .trim()
    .min(10, 'Enter the panel’s reasons (at least 10 characters)')
    .max(10_000, 'The reasons must be 10,000 characters or fewer'),
});

/**
 * Records the appeal panel and its outcome on an appeal against a refusal. Dismissed: the decision stands.
 * Upheld: the application is NOT granted by the appeal — it can be decided again, and a grant comes only
 * through that new decision (with its own rationale); the answer says so. An appeal against a withdrawal is
 * decided by decide-withdrawal-appeal.ts.
 */
export async function decideAppeal(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof decideAppealInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'appeal');
  const input = parseInput(decideAppealInput, raw, 'Check the appeal outcome');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const appeal = await findVisibleAppeal(tx, principal, input.appealId, true);
    // A withdrawal appeal has its own outcome, with a possible dismissal (decide-withdrawal-appeal.ts).
    if (!appeal || appeal.kind !== 'refusal') throw notFound('appeal');
    const decision = await findVisibleDecision(tx, principal, appeal.decisionId, true);
    if (!decision) throw notFound('appeal');
    if (appeal.version !== input.version) throw staleVersion();
    if (appeal.outcome !== 'pending')
      throw new AppError('invalid_state', 'The outcome of this appeal has already been recorded');
    if (input.decidedOn > today || input.decidedOn < appeal.lodgedOn) {
      throw new AppError('validation', 'Check the appeal outcome', {
        decidedOn: 'The date the panel decided must be between the date the appeal was received and today',
      });
    }
    await updateAppeal(tx, appeal, {
      panel: input.panel,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      outcomeReasons: input.reasons,
    });
    const actor = actorOf(principal, requestId);
    await recordAudit(
      tx,
      actor,
      { type: 'vetting_appeal', id: appeal.id, personId: decision.personId },
      {
        type: 'vetting.appeal_decided',
        appealId: appeal.id,
        decisionId: decision.id,
        outcome: input.outcome,
        reinstatedClearanceIds: [],
      },
    );
    const message =
      input.outcome === 'dismissed'
        ? 'Appeal dismissed: the decision stands.'
        : 'Appeal upheld. The application is not granted by the appeal: record a new decision on the application to grant clearance.';
    return {
      reinstatedClearanceIds: [] as string[],
      message,
      applicationId: decision.applicationId,
      decisionOutcome: decision.outcome,
    };
  });
}
