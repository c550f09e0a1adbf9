import { z } from 'zod';

/**
 * The audit events of conduct cases (features/misconduct): cases, allegations, subjects, list returns,
 * criminal proceedings, evidence, and hearings and letters; joined into the one typed union in
 * audit-events.ts (in this order).
 */
const uuid = z.string().uuid();

export const caseAuditEvents = [
  z.object({
    type: z.literal('case.opened'),
    caseId: uuid,
    reference: z.string(),
    subjects: z.number().int(),
    allegations: z.number().int(),
    confidentiality: z.string(),
    /** The regime and why (SI 2025/558 reg 64), when it is not simply the came-to-attention date's. */
    regimeVersion: z.string().optional(),
    regimeReason: z.string().optional(),
  }),
  z.object({
    type: z.literal('case.viewed'),
    caseId: uuid,
    reference: z.string(),
    /** A part of the case read on its own page or endpoint; absent for the case page itself. */
    part: z.enum(['links', 'team', 'evidence']).optional(),
  }),
  // A list of cases or deadlines read: one event per request, not per row (the rows hold subject names).
  z.object({
    type: z.literal('case.listed'),
    view: z.string(),
    status: z.string().nullable(),
    query: z.string().nullable(),
    page: z.number().int(),
    resultCount: z.number().int(),
  }),
  z.object({
    type: z.literal('deadlines.listed'),
    list: z.enum(['mine', 'force_overdue']),
    resultCount: z.number().int(),
  }),
  z.object({ type: z.literal('case.allocated'), caseId: uuid, leadInvestigatorId: uuid.nullable() }),
  // A case's parties (role only: never a party's name), links to other cases and owning team.
  z.object({ type: z.literal('case.party_added'), caseId: uuid, partyId: uuid, role: z.string() }),
  z.object({ type: z.literal('case.party_removed'), caseId: uuid, partyId: uuid, role: z.string() }),
  z.object({ type: z.literal('case.linked'), caseId: uuid, linkedCaseId: uuid }),
  z.object({ type: z.literal('case.unlinked'), caseId: uuid, linkedCaseId: uuid }),
  z.object({ type: z.literal('case.team_set'), caseId: uuid, unitId: uuid.nullable() }),
  // Corrections of a case after opening (features/misconduct: edit-case-details, add-allegation, remove-subject).
  z.object({
    type: z.literal('case.details_corrected'),
    caseId: uuid,
    changed: z.array(z.string()),
    reason: z.string(),
  }),
  z.object({ type: z.literal('case.allegation_added'), caseId: uuid, allegationId: uuid, subjectId: uuid }),
  z.object({ type: z.literal('case.subject_removed'), caseId: uuid, subjectId: uuid, reason: z.string() }),
  z.object({ type: z.literal('case.subject_recorded_in_error'), caseId: uuid, subjectId: uuid, reason: z.string() }),
  z.object({
    type: z.literal('allegation.progressed'),
    caseId: uuid,
    allegationId: uuid,
    action: z.string(),
    fromState: z.string(),
    toState: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal('subject.left'), caseId: uuid, subjectId: uuid, leftOn: z.string(), how: z.string() }),
  z.object({
    type: z.literal('list_return.created'),
    caseId: uuid,
    subjectId: uuid,
    list: z.enum(['barred', 'advisory']),
    returnId: uuid,
    /** Present for a further report (Police Act 1996 s.88F); absent for the first return. */
    kind: z.literal('further').optional(),
  }),
  z.object({
    type: z.literal('criminal.recorded'),
    caseId: uuid,
    subjectId: uuid,
    kind: z.string(),
    occurredOn: z.string(),
    subJudice: z.object({ from: z.string(), to: z.string().nullable() }).nullable(),
  }),
  // Evidence files: what was added or downloaded, never the content.
  z.object({
    type: z.literal('evidence.added'),
    caseId: uuid,
    evidenceId: uuid,
    fileName: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
  }),
  z.object({
    type: z.literal('evidence.viewed'),
    caseId: uuid,
    evidenceId: uuid,
    fileName: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
  }),
] as const;

export const hearingAuditEvents = [
  // Meetings and hearings as objects (misconduct/arrange-hearing.ts).
  z.object({
    type: z.literal('hearing.arranged'),
    caseId: uuid,
    hearingId: uuid,
    heldOn: z.string(),
    allegations: z.number().int(),
  }),
  z.object({
    type: z.literal('hearing.adjourned'),
    caseId: uuid,
    hearingId: uuid,
    from: z.string(),
    to: z.string(),
    reason: z.string(),
  }),
  z.object({ type: z.literal('hearing.listed'), caseId: uuid, count: z.number().int() }),
  // Letters to subject officers (misconduct/letters/write-case-letter.ts), audited without their words.
  z.object({
    type: z.literal('case.letter'),
    caseId: uuid,
    letterId: uuid,
    subjectId: uuid,
    kind: z.enum(['hearing_notice', 'outcome']),
  }),
  z.object({ type: z.literal('case.letter_viewed'), caseId: uuid, letterId: uuid }),
  // The regulation 17 notice (misconduct/letters/write-reg17-notice.ts) and its service, without its words.
  z.object({
    type: z.literal('case.reg17_notice'),
    caseId: uuid,
    letterId: uuid,
    subjectId: uuid,
    method: z.string(),
    givenOn: z.string(),
    deemedServedOn: z.string(),
    representationsDueOn: z.string(),
  }),
] as const;
