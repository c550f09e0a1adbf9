import type { Db } from '../../db/client.ts';
import { auditEventSchema, type AuditActor, type AuditEvent } from './audit-events.ts';
import { appendAuditRow } from './append-audit.repository.ts';

export type AuditSubject = { type: string; id: string; personId?: string | null };

/**
 * Records one typed event in the current transaction. If the change rolls back, so does its audit row;
 * if the audit row cannot be written, the change fails.
 */
export async function recordAudit(tx: Db, actor: AuditActor, subject: AuditSubject, event: AuditEvent): Promise<void> {
  const payload = auditEventSchema.parse(event);
  await appendAuditRow(tx, {
    forceId: actor.forceId,
    occurredAt: new Date().toISOString(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    requestId: actor.requestId,
    eventType: payload.type,
    subjectType: subject.type,
    subjectId: subject.id,
    personId: subject.personId ?? null,
    payload,
  });
}
