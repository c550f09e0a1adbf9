import { z } from 'zod';

/**
 * The audit events of duty restrictions, owned by this feature and joined into the one typed union in
 * audit/audit-events.ts. Payloads carry ids, kinds and dates only — never the reasons, conditions or
 * representations, which stay in the restriction's own rows. Adding an event here needs its words in
 * {@link summariseRestrictionEvent}.
 */
const uuid = z.string().uuid();
const day = z.string();

export const restrictionAuditEvents = [
  z.object({
    type: z.literal('restriction.imposed'),
    restrictionId: uuid,
    caseId: uuid,
    subjectId: uuid,
    kind: z.string(),
    startsOn: day,
  }),
  z.object({
    type: z.literal('restriction.reviewed'),
    restrictionId: uuid,
    caseId: uuid,
    subjectId: uuid,
    kind: z.string(),
    reviewedOn: day,
    conditionsStillHold: z.boolean(),
    outcome: z.enum(['continue', 'lift', 'change']),
    nextReviewDueOn: day.nullable(),
  }),
  z.object({
    type: z.literal('restriction.changed'),
    restrictionId: uuid,
    replacedId: uuid,
    caseId: uuid,
    subjectId: uuid,
    fromKind: z.string(),
    kind: z.string(),
    startsOn: day,
  }),
  z.object({
    type: z.literal('restriction.lifted'),
    restrictionId: uuid,
    caseId: uuid,
    subjectId: uuid,
    kind: z.string(),
    endsOn: day,
  }),
  z.object({
    type: z.literal('restriction.notice_recorded'),
    restrictionId: uuid,
    caseId: uuid,
    subjectId: uuid,
    writtenNoticeOn: day,
  }),
  z.object({
    type: z.literal('restriction.rationale_recorded'),
    rationaleId: uuid,
    caseId: uuid,
    subjectId: uuid,
    decidedOn: day,
    validUntil: day,
  }),
  // Reads: a case's restrictions (or one restriction) seen, and the appropriate authority's lists.
  z.object({ type: z.literal('restriction.viewed'), caseId: uuid, restrictionId: uuid.nullable() }),
  z.object({ type: z.literal('restriction.listed'), view: z.string(), resultCount: z.number().int() }),
] as const;

export type RestrictionAuditEvent = z.infer<(typeof restrictionAuditEvents)[number]>;

const words = (code: string) => code.replaceAll('_', ' ');

export function summariseRestrictionEvent(e: RestrictionAuditEvent): string {
  switch (e.type) {
    case 'restriction.imposed':
      return `Imposed ${words(e.kind)} from ${e.startsOn}`;
    case 'restriction.reviewed':
      return `Reviewed ${words(e.kind)} on ${e.reviewedOn}: conditions ${e.conditionsStillHold ? 'still hold' : 'no longer hold'}${e.outcome === 'continue' ? `, next review ${e.nextReviewDueOn ?? 'not set'}` : e.outcome === 'lift' ? ', lifted' : ', changed'}`;
    case 'restriction.changed':
      return `Changed ${words(e.fromKind)} to ${words(e.kind)} from ${e.startsOn}`;
    case 'restriction.lifted':
      return `Lifted ${words(e.kind)}, ending ${e.endsOn}`;
    case 'restriction.notice_recorded':
      return `Recorded the written notice of a restriction, given ${e.writtenNoticeOn}`;
    case 'restriction.rationale_recorded':
      return `Recorded a senior rationale for not suspending, valid until ${e.validUntil}`;
    case 'restriction.viewed':
      return e.restrictionId ? 'Viewed a restriction' : 'Viewed the restrictions of a case';
    case 'restriction.listed':
      return `Listed restrictions (${words(e.view)}): ${e.resultCount} shown`;
    default: {
      const unhandled: never = e;
      return String(unhandled);
    }
  }
}
