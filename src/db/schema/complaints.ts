import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { ethnicities, people, sexes } from './people.ts';
import { cases } from './cases.ts';
import { forceColumn, idColumn, timestampNow } from './columns.ts';

/**
 * Public complaints under Schedule 3 of the Police Reform Act 2002 (features/complaints). A complaint is
 * logged with its complainants, the persons complained about and the allegations; each decision on it
 * (initial handling, referral to the IOPC, handling, outcomes, withdrawal) is a row of
 * `complaint_decisions` with the words the decision-maker gave, and its current result is kept on the
 * complaint row. The complaint's time limits are rows of the one clock store (`clocks`, owner kind
 * 'complaint'), computed from the configured period table of features/clocks.
 */
export const complaintChannels = ['online', 'phone', 'letter', 'email', 'in_person', 'via_pcc', 'via_iopc'] as const;
/** A complaint imported from another system may not say how it was received (features/imports). */
export const storedComplaintChannels = [...complaintChannels, 'not_recorded'] as const;
export const complaintStatuses = [
  'logged',
  'outside_schedule_3',
  'recorded',
  'referred',
  'being_handled',
  'finalised',
  'withdrawn',
] as const;
export const complainantBases = ['directed_at', 'adversely_affected', 'witness', 'on_behalf'] as const;
export const contactMethods = ['email', 'post', 'phone'] as const;
export const complaintSubjectKinds = ['person', 'unidentified_officer', 'service'] as const;
export const complaintInitialHandlings = ['outside_schedule_3', 'recorded'] as const;
export const complaintIopcDecisions = ['local', 'directed', 'independent', 'referred_back'] as const;
export const complaintHandlingRoutes = ['otherwise_than_by_investigation', 'investigation'] as const;
export const complaintReviewBodies = ['iopc', 'local_policing_body', 'none'] as const;
export const complaintDecisionKinds = [
  'logged',
  'initial_handling',
  'referral',
  'handling',
  'outcomes',
  'withdrawn',
  'progress_update',
  'outcome_notice',
  'transferred',
] as const;
export const complaintClockStates = ['running', 'met', 'cancelled'] as const;
/**
 * The appropriate authority of a complaint: the force's chief officer, or — for a complaint about the chief
 * officer — the local policing body (the PCC office; Police Reform Act 2002 s.29 and Sch 3 para 1; Complaints
 * and Misconduct Regs 2020 reg 5), whose users alone handle it (complaints-scope.ts).
 */
export const complaintAuthorities = ['chief_officer', 'local_policing_body'] as const;
export const complaints = pgTable(
  'complaints',
  {
    forceId: forceColumn({ referencesForces: true }),
    id: idColumn(),
    reference: text('reference').notNull(),
    channel: text('channel', { enum: storedComplaintChannels }).notNull(),
    receivedOn: date('received_on').notNull(),
    loggedOn: date('logged_on').notNull(),
    summary: text('summary').notNull(),
    /** What the complainant wants to happen, in their words. */
    desiredOutcome: text('desired_outcome').notNull().default(''),
    status: text('status', { enum: complaintStatuses }).notNull().default('logged'),
    appropriateAuthority: text('appropriate_authority', { enum: complaintAuthorities })
      .notNull()
      .default('chief_officer'),
    contactMadeOn: date('contact_made_on'),
    complainantWishes: text('complainant_wishes'),
    complainantWantsRecorded: boolean('complainant_wants_recorded'),
    /** Police Reform Act 2002 Sch 3 para 2(6B) grounds found at initial handling (codes). */
    recordingGrounds: jsonb('recording_grounds').$type<string[]>().notNull().default([]),
    initialHandling: text('initial_handling', { enum: complaintInitialHandlings }),
    initialHandlingOn: date('initial_handling_on'),
    /** Complaints and Misconduct Regs 2020 reg 4(1) grounds found (codes). */
    referralGrounds: jsonb('referral_grounds').$type<string[]>().notNull().default([]),
    referred: boolean('referred'),
    referredOn: date('referred_on'),
    iopcDecision: text('iopc_decision', { enum: complaintIopcDecisions }),
    iopcDecidedOn: date('iopc_decided_on'),
    handlingRoute: text('handling_route', { enum: complaintHandlingRoutes }),
    handlingStartedOn: date('handling_started_on'),
    /** Complaints and Misconduct Regs 2020 reg 32 grounds found (codes). */
    reviewGrounds: jsonb('review_grounds').$type<string[]>().notNull().default([]),
    reviewBody: text('review_body', { enum: complaintReviewBodies }),
    reviewBodyReason: text('review_body_reason'),
    outcomeDecidedOn: date('outcome_decided_on'),
    outcomeNotifiedOn: date('outcome_notified_on'),
    reviewWindowEndsOn: date('review_window_ends_on'),
    /** Learning for the organisation recorded with the outcome. */
    learning: text('learning'),
    withdrawnOn: date('withdrawn_on'),
    /** The conduct case the complaint's matters are dealt with in (an imported complaint's linked case). */
    caseId: uuid('case_id'),
    /** The key of the source row an import made this complaint from (`<source>:<key>`); null when logged here. */
    sourceKey: text('source_key'),
    createdBy: uuid('created_by'),
    /**
     * The complainant's follow-up code (public portal): only its argon2id hash is kept, with the count of
     * wrong codes and the lock they cause. Null for complaints not made through the portal.
     */
    followUpHash: text('follow_up_hash'),
    followUpFailedAttempts: integer('follow_up_failed_attempts').notNull().default(0),
    followUpLockedUntil: timestamp('follow_up_locked_until', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('complaints_reference_unique').on(t.forceId, t.reference),
    unique('complaints_source_key_unique').on(t.forceId, t.sourceKey),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    index('complaints_list_idx').on(t.forceId, t.receivedOn, t.id),
    index('complaints_status_idx').on(t.forceId, t.status),
  ],
);

export const complaintComplainants = pgTable(
  'complaint_complainants',
  {
    forceId: forceColumn(),
    id: idColumn(),
    complaintId: uuid('complaint_id').notNull(),
    name: text('name').notNull(),
    basis: text('basis', { enum: complainantBases }).notNull(),
    /** For someone acting on another's behalf: how the person represented was involved, and who they are. */
    representedBasis: text('represented_basis', { enum: complainantBases }),
    representedName: text('represented_name'),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    address: text('address').notNull().default(''),
    contactMethod: text('contact_method', { enum: contactMethods }).notNull(),
    format: text('format').notNull().default(''),
    language: text('language').notNull().default(''),
    accessibilityNeeds: text('accessibility_needs').notNull().default(''),
    /** Equality monitoring, when the complainant gave it (people's vocabularies); null: not recorded. */
    sex: text('sex', { enum: sexes }),
    ethnicity: text('ethnicity', { enum: ethnicities }),
    /** Age in years on the day of the complaint, as the source recorded it. */
    age: integer('age'),
    /** The key of the source row an import made this complainant from; null when logged here. */
    sourceKey: text('source_key'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.complaintId], foreignColumns: [complaints.forceId, complaints.id] }),
    index('complaint_complainants_complaint_idx').on(t.forceId, t.complaintId),
    unique('complaint_complainants_source_key_unique').on(t.forceId, t.sourceKey),
  ],
);

export const complaintSubjects = pgTable(
  'complaint_subjects',
  {
    forceId: forceColumn(),
    id: idColumn(),
    complaintId: uuid('complaint_id').notNull(),
    kind: text('kind', { enum: complaintSubjectKinds }).notNull(),
    personId: uuid('person_id'),
    /** For an unidentified officer: what is known (description, collar number seen …); for the service: which part. */
    description: text('description').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.complaintId], foreignColumns: [complaints.forceId, complaints.id] }),
    foreignKey({ columns: [t.forceId, t.personId], foreignColumns: [people.forceId, people.id] }),
    index('complaint_subjects_complaint_idx').on(t.forceId, t.complaintId),
    // The self rule (nobody sees a complaint about themselves) looks subjects up by person.
    index('complaint_subjects_person_idx')
      .on(t.forceId, t.personId)
      .where(sql`person_id is not null`),
  ],
);

export const complaintAllegations = pgTable(
  'complaint_allegations',
  {
    forceId: forceColumn(),
    id: idColumn(),
    complaintId: uuid('complaint_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /**
     * A code of `allegation_categories` (checked by the use case, as for conduct allegations: no foreign key,
     * so that a restore can reload the migration-filled taxonomy table first).
     */
    categoryCode: text('category_code').notNull(),
    description: text('description').notNull(),
    incidentOn: date('incident_on'),
    incidentPlace: text('incident_place').notNull().default(''),
    /** The IOPC outcome vocabulary (features/complaints/rules/outcomes.ts): the result and the actions taken. */
    outcome: text('outcome'),
    outcomeActions: jsonb('outcome_actions').$type<string[]>().notNull().default([]),
    outcomeNotes: text('outcome_notes'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.complaintId], foreignColumns: [complaints.forceId, complaints.id] }),
    foreignKey({
      columns: [t.forceId, t.subjectId],
      foreignColumns: [complaintSubjects.forceId, complaintSubjects.id],
    }),
    index('complaint_allegations_complaint_idx').on(t.forceId, t.complaintId),
  ],
);

export const complaintDecisions = pgTable(
  'complaint_decisions',
  {
    forceId: forceColumn(),
    id: idColumn(),
    complaintId: uuid('complaint_id').notNull(),
    kind: text('kind', { enum: complaintDecisionKinds }).notNull(),
    decidedOn: date('decided_on').notNull(),
    decidedBy: uuid('decided_by'),
    /** The decision-maker's reasons, in their words. */
    reasons: text('reasons').notNull().default(''),
    /** The structured result (grounds, route, body …), as the decision's use case wrote it. */
    details: jsonb('details').notNull().default({}),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.complaintId], foreignColumns: [complaints.forceId, complaints.id] }),
    index('complaint_decisions_complaint_idx').on(t.forceId, t.complaintId, t.createdAt),
  ],
);

/**
 * Need-to-know given on one complaint to one account by its appropriate authority (a complaint about the chief
 * officer is otherwise unseen by the force's complaints function): the account then reads the complaint with
 * the same screens, but decisions stay with the appropriate authority (complaints-scope.ts).
 */
export const complaintAccess = pgTable(
  'complaint_access',
  {
    forceId: forceColumn(),
    complaintId: uuid('complaint_id').notNull(),
    userId: uuid('user_id').notNull(),
    grantedBy: uuid('granted_by').notNull(),
    grantedOn: date('granted_on').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.complaintId, t.userId] }),
    foreignKey({ columns: [t.forceId, t.complaintId], foreignColumns: [complaints.forceId, complaints.id] }),
    index('complaint_access_user_idx').on(t.forceId, t.userId),
  ],
);
