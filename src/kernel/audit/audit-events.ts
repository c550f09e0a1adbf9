import { z } from 'zod';
import { accountAuditEvents } from './events/account-audit-events.ts';
import { caseAuditEvents, hearingAuditEvents } from './events/case-audit-events.ts';
import { complaintAuditEvents } from './events/complaint-audit-events.ts';
import { restrictionAuditEvents } from './events/restriction-audit-events.ts';
import { vettingAuditEvents } from './events/vetting-audit-events.ts';
import { importAuditEvents } from './events/import-audit-events.ts';
import { recommendationAuditEvents } from './events/recommendation-audit-events.ts';
import { oversightAuditEvents } from './events/oversight-audit-events.ts';
import { reportAuditEvents } from './events/report-audit-events.ts';
import { eiAuditEvents } from './events/ei-audit-events.ts';

/**
 * Every kind of audit event, typed. A use case can only record an event that matches one of these,
 * so the log's payloads stay queryable and nothing sensitive (passwords, tokens) slips in by accident.
 */
const uuid = z.string().uuid();

export const auditEventSchema = z.discriminatedUnion('type', [
  ...accountAuditEvents,
  ...caseAuditEvents,
  z.object({ type: z.literal('force.created'), forceId: z.string(), name: z.string() }),
  z.object({
    type: z.literal('demo.seeded'),
    forces: z.array(z.string()),
    people: z.number().int(),
    users: z.number().int(),
  }),
  // Statutory clocks (features/clocks): started, met, cancelled, moved by a sub judice pause, swept due and overdue.
  z.object({
    type: z.literal('clock.started'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    sequence: z.number().int(),
    startedOn: z.string(),
    dueOn: z.string(),
  }),
  z.object({
    type: z.literal('clock.met'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    sequence: z.number().int(),
    dueOn: z.string(),
    metOn: z.string(),
  }),
  ...hearingAuditEvents,
  // Clocks ended or moved by a step or a person (issue 17): superseded by a later step, and the actions of
  // features/clocks/clock-actions.ts, each with its reason.
  z.object({
    type: z.literal('clock.superseded'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    sequence: z.number().int(),
    dueOn: z.string(),
    metOn: z.string(),
  }),
  z.object({
    type: z.literal('clock.extended'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    previousDueOn: z.string(),
    dueOn: z.string(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('clock.held'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    on: z.string(),
    dueOn: z.string(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('clock.resumed'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    on: z.string(),
    previousDueOn: z.string(),
    dueOn: z.string(),
    pausedDays: z.number().int(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('clock.stopped'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    on: z.string(),
    dueOn: z.string(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('clock.marked_met'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    dueOn: z.string(),
    metOn: z.string(),
    reason: z.string(),
    listReturnId: uuid.nullable(),
  }),
  z.object({
    type: z.literal('clock.cancelled'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    sequence: z.number().int(),
    dueOn: z.string(),
  }),
  z.object({
    type: z.literal('clock.paused'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    from: z.string(),
    to: z.string(),
    previousDueOn: z.string(),
    dueOn: z.string(),
    pausedDays: z.number().int(),
  }),
  z.object({
    type: z.literal('clock.due'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    sequence: z.number().int(),
    dueOn: z.string(),
  }),
  z.object({
    type: z.literal('clock.overdue'),
    clockId: uuid,
    caseId: uuid,
    period: z.string(),
    sequence: z.number().int(),
    dueOn: z.string(),
    sweptOn: z.string(),
  }),
  // Features that own their events (each with its summary words beside them).
  ...restrictionAuditEvents,
  ...vettingAuditEvents,
  ...importAuditEvents,
  ...recommendationAuditEvents,
  ...oversightAuditEvents,
  ...reportAuditEvents,
  ...complaintAuditEvents,
  ...eiAuditEvents,
]);

export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditEventType = AuditEvent['type'];
export const auditEventTypes: AuditEventType[] = auditEventSchema.options.map((o) => o.shape.type.value);

/** Who did it, in which request. Built by the HTTP layer or the CLI, passed down to every use case. */
export type AuditActor = {
  userId: string | null;
  label: string;
  requestId: string | null;
  forceId: string | null;
};

export const systemActor = (label: string, forceId: string | null = null): AuditActor => ({
  userId: null,
  label,
  requestId: null,
  forceId,
});
