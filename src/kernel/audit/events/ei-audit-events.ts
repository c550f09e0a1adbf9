import { z } from 'zod';

/** The audit events of early intervention: every read of an alert or a person's scores, every change. */
const uuid = z.string().uuid();

export const eiAuditEvents = [
  // asSupervisor: read through a supervisor's own-unit access (the force's setting), not as PSD.
  z.object({ type: z.literal('ei.alerts_listed'), shown: z.number().int(), asSupervisor: z.boolean().optional() }),
  z.object({ type: z.literal('ei.alert_viewed'), alertId: uuid, asSupervisor: z.boolean().optional() }),
  z.object({ type: z.literal('ei.alert_moved'), alertId: uuid, from: z.string(), to: z.string() }),
  z.object({ type: z.literal('ei.intervention_planned'), alertId: uuid, interventionId: uuid, kind: z.string() }),
  z.object({
    type: z.literal('ei.intervention_followed_up'),
    alertId: uuid,
    interventionId: uuid,
    outcome: z.string(),
  }),
  z.object({ type: z.literal('ei.rule_saved'), ruleId: uuid, ruleKey: uuid, version: z.number().int() }),
  z.object({ type: z.literal('ei.rule_switched'), ruleId: uuid, active: z.boolean() }),
  z.object({ type: z.literal('ei.rule_previewed'), people: z.number().int() }),
  z.object({
    type: z.literal('ei.run'),
    runId: uuid,
    runOn: z.string(),
    opened: z.number().int(),
    changed: z.number().int(),
  }),
  z.object({ type: z.literal('ei.scores_viewed'), people: z.number().int() }),
  z.object({ type: z.literal('ei.network_viewed'), personId: uuid.nullable() }),
  z.object({ type: z.literal('ei.fairness_viewed') }),
  z.object({ type: z.literal('ei.events_imported'), kind: z.string(), inserted: z.number().int() }),
  z.object({
    type: z.literal('ei.settings_changed'),
    supervisorAccess: z.boolean(),
    supervisoryRoles: z.array(z.string()),
    version: z.number().int(),
  }),
] as const;

export type EiAuditEvent = z.infer<(typeof eiAuditEvents)[number]>;

export function summariseEiEvent(event: EiAuditEvent): string {
  switch (event.type) {
    case 'ei.alerts_listed':
      return `Listed early-intervention alerts (${event.shown} shown)${event.asSupervisor ? ' as a supervisor' : ''}`;
    case 'ei.alert_viewed':
      return `Viewed an early-intervention alert${event.asSupervisor ? ' as a supervisor' : ''}`;
    case 'ei.alert_moved':
      return `Moved an early-intervention alert from ${event.from} to ${event.to}`;
    case 'ei.intervention_planned':
      return `Planned an intervention (${event.kind.replace(/_/g, ' ')})`;
    case 'ei.intervention_followed_up':
      return `Recorded the follow-up of an intervention (${event.outcome.replace(/_/g, ' ')})`;
    case 'ei.rule_saved':
      return `Saved version ${event.version} of an early-intervention rule`;
    case 'ei.rule_switched':
      return `Switched an early-intervention rule ${event.active ? 'on' : 'off'}`;
    case 'ei.rule_previewed':
      return `Previewed an early-intervention rule (${event.people} people)`;
    case 'ei.run':
      return `Early-intervention run for ${event.runOn}: ${event.opened} alerts raised, ${event.changed} changed`;
    case 'ei.scores_viewed':
      return `Viewed peer-normalised scores (${event.people} people)`;
    case 'ei.network_viewed':
      return 'Viewed the co-accused network';
    case 'ei.fairness_viewed':
      return 'Viewed the early-intervention fairness report';
    case 'ei.events_imported':
      return `Imported ${event.inserted} early-intervention signals of kind ${event.kind}`;
    case 'ei.settings_changed':
      return `Early-intervention settings version ${event.version}: supervisor access ${event.supervisorAccess ? 'on' : 'off'}`;
  }
}
