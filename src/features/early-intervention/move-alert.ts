import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findVisibleAlert, insertTransition, moveAlert as updateState } from './alerts.repository.ts';
import { ALERT_STATES, findMove, STATE_LABELS } from './rules/workflow.ts';
import { alertPolicy } from './alert.policy.ts';

const input = z.object({
  to: z.enum(ALERT_STATES, { message: 'Choose what happens next' }),
  reason: z.string().trim().max(2000).default(''),
  version: z.coerce.number({ message: 'Reload the alert and try again' }).int().min(1),
});

/**
 * Moves an alert one step through the workflow table (rules/workflow.ts): only a move in the table, by a
 * user holding the move's ability, with a reason where the table asks for one. The alert must be visible to
 * the user (never their own), and the version must be current.
 */
export async function moveAlert(
  deps: Deps,
  principal: Principal | null,
  alertId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'ei.assess');
  if (!z.string().uuid().safeParse(alertId).success) throw notFound('alert');
  return deps.db.transaction(async (tx) => {
    const alert = await findVisibleAlert(tx, principal, alertId, true);
    if (!alert) throw notFound('alert');
    const parsed = parseInput(input, raw, 'Check what you entered');
    const move = findMove(alert.state, parsed.to);
    if (!move)
      throw new AppError(
        'invalid_state',
        `An alert that is “${STATE_LABELS[alert.state]}” cannot become “${STATE_LABELS[parsed.to]}”.`,
      );
    if (!alertPolicy.move(principal, move)) throw notFound('alert');
    if (move.reasonRequired && parsed.reason.length < 5)
      throw new AppError('validation', 'Check what you entered', {
        reason: 'Give the reason, in at least 5 characters',
      });
    if (alert.version !== parsed.version) throw staleVersion();
    const ok = await updateState(tx, principal.forceId, alert.id, alert.version, parsed.to, parsed.reason || null);
    if (!ok) throw staleVersion();
    await insertTransition(tx, {
      forceId: principal.forceId,
      alertId: alert.id,
      fromState: alert.state,
      toState: parsed.to,
      reason: parsed.reason,
      actorUserId: principal.userId,
      occurredOn: ukToday(deps.now()),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_alert', id: alert.id, personId: alert.person_id },
      { type: 'ei.alert_moved', alertId: alert.id, from: alert.state, to: parsed.to },
    );
    return { id: alert.id, state: parsed.to };
  });
}
