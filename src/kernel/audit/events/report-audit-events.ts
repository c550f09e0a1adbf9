import { z } from 'zod';

/**
 * The audit events of anonymous reporting: the team's reads and changes, by report id only — never the
 * text, a message, the identity or the receipt. The reporter's own actions are not audited: an audit row
 * carries an exact time, and exact times are what the channel does not keep (docs/reporting.md).
 */
const uuid = z.string().uuid();

export const reportAuditEvents = [
  z.object({ type: z.literal('report.inbox_viewed'), shown: z.number().int() }),
  z.object({ type: z.literal('report.viewed'), reportId: uuid }),
  z.object({ type: z.literal('report.file_read'), reportId: uuid, fileId: uuid }),
  z.object({ type: z.literal('report.acknowledged'), reportId: uuid }),
  z.object({ type: z.literal('report.status_changed'), reportId: uuid, from: z.string(), to: z.string() }),
  z.object({ type: z.literal('report.message_sent'), reportId: uuid, messageId: uuid }),
  z.object({ type: z.literal('report.note_added'), reportId: uuid, messageId: uuid }),
  // Deliberately without the case: the link is kept only in a note sealed under the report's key.
  z.object({ type: z.literal('report.case_opened'), reportId: uuid, redactions: z.number().int().optional() }),
  z.object({ type: z.literal('report.assigned'), reportId: uuid, assignedTo: uuid.nullable() }),
  z.object({ type: z.literal('report.retaliation_flagged'), reportId: uuid }),
  z.object({ type: z.literal('report.identity_reveal_requested'), reportId: uuid, requestId: uuid }),
  z.object({
    type: z.literal('report.identity_reveal_decided'),
    reportId: uuid,
    requestId: uuid,
    decision: z.enum(['approved', 'refused']),
  }),
  z.object({ type: z.literal('report.identity_viewed'), reportId: uuid }),
  z.object({ type: z.literal('report.statistics_viewed') }),
] as const;

export type ReportAuditEvent = z.infer<(typeof reportAuditEvents)[number]>;

export function summariseReportEvent(event: ReportAuditEvent): string {
  switch (event.type) {
    case 'report.inbox_viewed':
      return `Viewed the confidential report inbox (${event.shown} shown)`;
    case 'report.viewed':
      return 'Viewed a confidential report';
    case 'report.file_read':
      return 'Opened a file of a confidential report';
    case 'report.acknowledged':
      return 'Acknowledged a confidential report';
    case 'report.status_changed':
      return `Changed a confidential report's status from ${event.from} to ${event.to}`;
    case 'report.message_sent':
      return 'Sent a message to the reporter of a confidential report';
    case 'report.note_added':
      return 'Added an internal note to a confidential report';
    case 'report.case_opened':
      return event.redactions
        ? `Opened a conduct case from a confidential report (${event.redactions} passages redacted)`
        : 'Opened a conduct case from a confidential report';
    case 'report.assigned':
      return event.assignedTo ? 'Assigned a confidential report' : 'Removed the assignment of a confidential report';
    case 'report.retaliation_flagged':
      return 'Flagged suspected retaliation against the reporter of a confidential report';
    case 'report.identity_reveal_requested':
      return 'Asked to reveal the identity of the reporter of a confidential report';
    case 'report.identity_reveal_decided':
      return `${event.decision === 'approved' ? 'Approved' : 'Refused'} a request to reveal the identity of a reporter`;
    case 'report.identity_viewed':
      return 'Viewed the revealed identity of the reporter of a confidential report';
    case 'report.statistics_viewed':
      return 'Viewed the statistics of confidential reports';
  }
}
