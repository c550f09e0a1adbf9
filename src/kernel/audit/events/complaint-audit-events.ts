import { z } from 'zod';

/**
 * The audit events of public complaints, joined into the one typed union in audit/audit-events.ts.
 * Payloads carry ids, codes and dates only — never the complainant's words or contact details, which stay
 * in the complaint's own rows.
 */
const uuid = z.string().uuid();
const day = z.string();

export const complaintAuditEvents = [
  z.object({
    type: z.literal('complaint.logged'),
    complaintId: uuid,
    reference: z.string(),
    channel: z.string(),
    receivedOn: day,
    complainants: z.number().int(),
    allegations: z.number().int(),
  }),
  z.object({
    type: z.literal('complaint.initial_handling'),
    complaintId: uuid,
    handling: z.string(),
    decidedOn: day,
    mandatory: z.boolean(),
  }),
  z.object({
    type: z.literal('complaint.referral'),
    complaintId: uuid,
    referred: z.boolean(),
    grounds: z.array(z.string()),
    iopcDecision: z.string().nullable(),
  }),
  z.object({
    type: z.literal('complaint.handling'),
    complaintId: uuid,
    route: z.string(),
    startedOn: day,
    reviewBody: z.string(),
  }),
  z.object({
    type: z.literal('complaint.outcomes'),
    complaintId: uuid,
    decidedOn: day,
    notifiedOn: day.nullable(),
    allegations: z.number().int(),
    reviewWindowEndsOn: day.nullable(),
  }),
  z.object({ type: z.literal('complaint.withdrawn'), complaintId: uuid, withdrawnOn: day }),
  z.object({ type: z.literal('complaint.progress_update'), complaintId: uuid, sentOn: day }),
  z.object({
    type: z.literal('complaint.outcome_notice'),
    complaintId: uuid,
    notifiedOn: day,
    reviewWindowEndsOn: day.nullable(),
  }),
  z.object({
    type: z.literal('complaint.clock'),
    complaintId: uuid,
    period: z.string(),
    /** due / overdue: recorded once by the sweeper (sweep-complaint-clocks.ts); the clock stays running. */
    change: z.enum(['started', 'met', 'cancelled', 'due', 'overdue']),
    dueOn: day,
  }),
  z.object({ type: z.literal('complaint.viewed'), complaintId: uuid }),
  /** Need-to-know given on one complaint to one account by its appropriate authority (grant-complaint-access.ts). */
  z.object({ type: z.literal('complaint.access_granted'), complaintId: uuid, userId: uuid }),
  /** Passed to the local policing body: the complaint is about the chief officer (transfer-to-local-policing-body.ts). */
  z.object({ type: z.literal('complaint.transferred'), complaintId: uuid, to: z.string(), on: day }),
  z.object({
    type: z.literal('complaint.letter'),
    complaintId: uuid,
    letterId: uuid,
    kind: z.string(),
    delivery: z.enum(['email', 'post']),
  }),
  z.object({ type: z.literal('complaint.letter_viewed'), complaintId: uuid, letterId: uuid }),
  z.object({
    type: z.literal('complaint.review_applied'),
    complaintId: uuid,
    reviewId: uuid,
    body: z.string(),
    receivedOn: day,
    via: z.string(),
  }),
  z.object({
    type: z.literal('complaint.review_decided'),
    complaintId: uuid,
    reviewId: uuid,
    result: z.string(),
    decidedOn: day,
  }),
  z.object({ type: z.literal('complaint.review_forwarded'), complaintId: uuid, reviewId: uuid, forwardedOn: day }),
  z.object({ type: z.literal('complaint.review_viewed'), complaintId: uuid, reviewId: uuid }),
  z.object({ type: z.literal('complaint.reviews_listed'), resultCount: z.number().int() }),
  z.object({ type: z.literal('complaint.listed'), resultCount: z.number().int() }),
] as const;

export type ComplaintAuditEvent = z.infer<(typeof complaintAuditEvents)[number]>;

const words = (code: string) => code.replaceAll('_', ' ');

export function summariseComplaintEvent(e: ComplaintAuditEvent): string {
  switch (e.type) {
    case 'complaint.logged':
      return `Logged complaint ${e.reference} (${words(e.channel)}, received ${e.receivedOn}): ${e.allegations} allegation(s)`;
    case 'complaint.initial_handling':
      return `Initial handling: ${words(e.handling)} on ${e.decidedOn}${e.mandatory ? ' (recording mandatory)' : ''}`;
    case 'complaint.referral':
      return e.referred
        ? `Referred to the IOPC${e.iopcDecision ? `; IOPC decision: ${words(e.iopcDecision)}` : ''}`
        : 'Decided not to refer to the IOPC';
    case 'complaint.handling':
      return `Handling: ${words(e.route)} from ${e.startedOn}; review body ${words(e.reviewBody)}`;
    case 'complaint.outcomes':
      return `Recorded outcomes of ${e.allegations} allegation(s) on ${e.decidedOn}${e.notifiedOn ? `, notified ${e.notifiedOn}` : ''}`;
    case 'complaint.transferred':
      return `Passed to the ${words(e.to)} on ${e.on}: the complaint is about the chief officer`;
    case 'complaint.access_granted':
      return `Gave account ${e.userId} need-to-know of the complaint`;
    case 'complaint.withdrawn':
      return `Complaint withdrawn on ${e.withdrawnOn}`;
    case 'complaint.progress_update':
      return `Progress update sent to the complainant on ${e.sentOn}`;
    case 'complaint.outcome_notice':
      return `Outcome notice sent on ${e.notifiedOn}${e.reviewWindowEndsOn ? `; review window ends ${e.reviewWindowEndsOn}` : ''}`;
    case 'complaint.clock':
      return `Complaint clock ${words(e.period)} ${e.change} (due ${e.dueOn})`;
    case 'complaint.viewed':
      return 'Viewed a complaint';
    case 'complaint.letter':
      return `Wrote a ${words(e.kind)} letter (${e.delivery === 'email' ? 'sent by e-mail' : 'for post'})`;
    case 'complaint.letter_viewed':
      return 'Viewed a letter of a complaint';
    case 'complaint.review_applied':
      return `Review application received ${e.receivedOn} (${e.via}), to ${words(e.body)}`;
    case 'complaint.review_decided':
      return `Review ${words(e.result)} on ${e.decidedOn}`;
    case 'complaint.review_forwarded':
      return `Review application forwarded to the IOPC on ${e.forwardedOn}`;
    case 'complaint.review_viewed':
      return 'Viewed a review application';
    case 'complaint.reviews_listed':
      return `Listed the review queue (${e.resultCount})`;
    case 'complaint.listed':
      return `Listed complaints: ${e.resultCount} shown`;
    default: {
      const unhandled: never = e;
      return String(unhandled);
    }
  }
}
