import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { eiInterventionKinds, eiInterventionOutcomes } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { isoDateString, parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findVisibleAlert, insertIntervention, recordInterventionOutcome } from './alerts.repository.ts';
import { OPEN_STATES } from './rules/workflow.ts';

export const INTERVENTION_LABELS: Record<(typeof eiInterventionKinds)[number], string> = {
  supervision: 'Supervision (extra supervisory contact)',
  training: 'Training',
  mentoring: 'Mentoring',
  welfare: 'Welfare support',
  occupational_health_referral: 'Occupational health referral',
  other: 'Other',
};
export const OUTCOME_LABELS: Record<(typeof eiInterventionOutcomes)[number], string> = {
  effective: 'Effective',
  partly_effective: 'Partly effective',
  not_effective: 'Not effective',
  not_completed: 'Not completed',
};

const planInput = z.object({
  kind: z.enum(eiInterventionKinds, { message: 'Choose the kind of intervention' }),
  owner: z
    .string({ message: 'Enter who owns the intervention' })
    .trim()
    .min(2, 'Enter who owns the intervention')
    .max(200),
  dueOn: isoDateString('Enter the date the intervention is due'),
  notes: z.string().trim().max(4000).default(''),
});

/** Plans an intervention on an open alert the user may see (ei.manage). */
export async function planIntervention(
  deps: Deps,
  principal: Principal | null,
  alertId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'ei.manage');
  if (!z.string().uuid().safeParse(alertId).success) throw notFound('alert');
  return deps.db.transaction(async (tx) => {
    const alert = await findVisibleAlert(tx, principal, alertId, true);
    if (!alert) throw notFound('alert');
    const input = parseInput(planInput, raw, 'Check the intervention');
    if (!OPEN_STATES.includes(alert.state))
      throw new AppError('invalid_state', 'The alert is closed: an intervention cannot be planned on it.');
    if (input.dueOn < ukToday(deps.now()))
      throw new AppError('validation', 'Check the intervention', { dueOn: 'The due date cannot be in the past' });
    const row = await insertIntervention(tx, {
      forceId: principal.forceId,
      alertId: alert.id,
      ...input,
      createdBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_alert', id: alert.id, personId: alert.person_id },
      { type: 'ei.intervention_planned', alertId: alert.id, interventionId: row.id, kind: row.kind },
    );
    return row;
  });
}

const outcomeInput = z.object({
  outcome: z.enum(eiInterventionOutcomes, { message: 'Choose the outcome' }),
  outcomeNotes: z.string().trim().max(4000).default(''),
});

/** Records the follow-up outcome of an intervention (once), on an alert the user may see (ei.manage). */
export async function recordFollowUp(
  deps: Deps,
  principal: Principal | null,
  alertId: string,
  interventionId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'ei.manage');
  const uuid = z.string().uuid();
  if (!uuid.safeParse(alertId).success || !uuid.safeParse(interventionId).success) throw notFound('intervention');
  return deps.db.transaction(async (tx) => {
    const alert = await findVisibleAlert(tx, principal, alertId, true);
    if (!alert) throw notFound('intervention');
    const input = parseInput(outcomeInput, raw, 'Check the follow-up');
    const ok = await recordInterventionOutcome(tx, principal.forceId, alert.id, interventionId, {
      ...input,
      outcomeOn: ukToday(deps.now()),
    });
    if (!ok) throw notFound('intervention');
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_alert', id: alert.id, personId: alert.person_id },
      { type: 'ei.intervention_followed_up', alertId: alert.id, interventionId, outcome: input.outcome },
    );
    return { id: interventionId, outcome: input.outcome };
  });
}
