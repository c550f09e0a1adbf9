import { z } from 'zod';
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
  z.object({ type: z.literal('person.viewed'), personId: uuid }),
  z.object({
    type: z.literal('person.searched'),
    query: z.string(),
    filters: z.record(z.string(), z.string()),
    resultCount: z.number().int(),
  }),
  z.object({
    type: z.literal('person.merged'),
    mergeId: uuid,
    survivorId: uuid,
    mergedId: uuid,
    reason: z.string(),
  }),
  z.object({
    type: z.literal('person.unmerged'),
    mergeId: uuid,
    survivorId: uuid,
    mergedId: uuid,
    reason: z.string(),
  }),
  z.object({ type: z.literal('user.created'), userId: uuid, email: z.string(), role: z.string() }),
  z.object({ type: z.literal('user.setup_link_issued'), userId: uuid }),
  // Account administration (features/admin): what changed, never a secret.
  z.object({
    type: z.literal('user.updated'),
    userId: uuid,
    changes: z.record(z.string(), z.object({ from: z.string().nullable(), to: z.string().nullable() })),
  }),
  z.object({ type: z.literal('user.disabled'), userId: uuid, sessionsEnded: z.number().int() }),
  z.object({ type: z.literal('user.enabled'), userId: uuid }),
  z.object({ type: z.literal('user.second_factor_reset'), userId: uuid, sessionsEnded: z.number().int() }),
  z.object({ type: z.literal('user.password_set'), userId: uuid }),
  z.object({ type: z.literal('user.totp_enrolled'), userId: uuid }),
  // Single sign-on (docs/sso.md): 'oidc+mfa' when the provider asserted multi-factor authentication (amr).
  z.object({
    type: z.literal('user.signed_in'),
    userId: uuid,
    method: z.enum(['password', 'password+totp', 'oidc', 'oidc+mfa', 'oidc+totp']),
  }),
  z.object({
    type: z.literal('user.sign_in_failed'),
    email: z.string(),
    reason: z.enum([
      'unknown_account',
      'bad_password',
      'bad_totp',
      'locked',
      'not_active',
      'local_disabled',
      'oidc_failed',
      'oidc_expired',
      'oidc_subject_conflict',
      'throttled',
    ]),
  }),
  /** An account linked to the provider's subject on its first single sign-on (matched by e-mail). */
  z.object({ type: z.literal('user.oidc_linked'), userId: uuid, matchedBy: z.literal('email') }),
  z.object({ type: z.literal('user.locked_out'), userId: uuid, until: z.string() }),
  z.object({
    type: z.literal('user.signed_out'),
    userId: uuid,
    everywhere: z.boolean(),
    sessionsEnded: z.number().int(),
  }),
  z.object({ type: z.literal('api_token.created'), userId: uuid, tokenId: uuid, name: z.string() }),
  z.object({ type: z.literal('api_token.revoked'), userId: uuid, tokenId: uuid }),
  z.object({
    type: z.literal('audit.searched'),
    filters: z.record(z.string(), z.string()),
    resultCount: z.number().int(),
  }),
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
  // Clocks ended or moved by a step or a person (issue 17): superseded by a later step, and the actions of
  // features/misconduct/act-on-clock.ts, each with its reason.
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
