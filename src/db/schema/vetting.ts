import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './people.ts';

/**
 * Vetting (§4): clearances, designated posts, applications with their checks and adverse information,
 * decisions with a structured rationale, appeals, reviews opened by the integrity loop, self-declarations,
 * the national barred and advisory lists and the matches found against them. Vetting's clocks are rows of the
 * one clock store (clocks.ts, owner kind 'vetting').
 * Every table here is a vetting file: readable by vetting roles only (vetting-scope.ts).
 */
export const vettingLevels = [
  'RV',
  'MV',
  'NPPV1',
  'NPPV2A',
  'NPPV2F',
  'NPPV3',
  'CTC',
  'SC',
  'eSC',
  'DV',
  'eDV',
] as const;
export const clearanceStatuses = ['active', 'expired', 'withdrawn', 'terminated', 'suspended'] as const;
export const applicationKinds = ['recruitment', 'transfer_in', 'renewal', 'upgrade'] as const;
export const applicationStatuses = ['open', 'granted', 'granted_with_conditions', 'refused', 'discontinued'] as const;
export const checkTypes = [
  'pnc',
  'pnd',
  'local_intelligence',
  'ct_special_branch',
  'financial',
  'employment_references',
  'family_associates',
  'open_source',
  'biometric',
] as const;
export const checkStatuses = ['pending', 'clear', 'adverse', 'not_required'] as const;
export const adverseInfoTypes = [
  'conviction',
  'caution',
  'non_conviction',
  'intelligence',
  'financial',
  'association',
  'non_disclosure',
  'other',
] as const;
export const adverseRelations = ['self', 'family', 'associate'] as const;
export const decisionOutcomes = [
  'grant',
  'grant_with_conditions',
  'refuse',
  'discontinue',
  'maintain',
  'maintain_with_conditions',
  'withdraw',
] as const;
export const appealOutcomes = ['pending', 'upheld', 'dismissed'] as const;
export const reviewTriggers = [
  'renewal',
  'annual',
  'random',
  'adverse_information',
  'change_of_circumstances',
  'gross_misconduct_assessment',
  'misconduct_finding',
  'vetting_referral',
  'restriction_imposed',
  'criminal_charge',
  'transfer_in',
  'role_change',
] as const;
export const reviewStatuses = ['open', 'completed'] as const;
export const listKinds = ['barred', 'advisory'] as const;
export const matchDecisions = ['pending', 'confirmed_match', 'not_a_match'] as const;

/** A clearance a person holds (or held): level, dates, conditions. Expiry comes from the renewal table. */
export const vettingClearances = pgTable(
  'vetting_clearances',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    level: text('level', { enum: vettingLevels }).notNull(),
    status: text('status', { enum: clearanceStatuses }).notNull().default('active'),
    grantedOn: date('granted_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    conditions: text('conditions').notNull().default(''),
    applicationId: uuid('application_id'),
    endedOn: date('ended_on'),
    endedReason: text('ended_reason'),
    /** The decision (a review's withdrawal, a later grant that superseded it) that ended it, so an upheld appeal can reinstate it. */
    endedByDecisionId: uuid('ended_by_decision_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.personId], foreignColumns: [people.forceId, people.id] }),
    index('vetting_clearances_person_idx').on(t.forceId, t.personId, t.status),
    index('vetting_clearances_expiry_idx').on(t.forceId, t.status, t.expiresOn),
  ],
);

/** A post that requires a clearance level: matched to people by the role (and optionally unit) of their current posting. */
export const designatedPosts = pgTable(
  'designated_posts',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    postingRole: text('posting_role').notNull(),
    unitId: uuid('unit_id'),
    requiredLevel: text('required_level', { enum: vettingLevels }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.forceId, t.id] }), index('designated_posts_role_idx').on(t.forceId, t.postingRole)],
);

/** An application for clearance. A recruit has no person record yet: the applicant's details are held here. */
export const vettingApplications = pgTable(
  'vetting_applications',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reference: text('reference').notNull(),
    kind: text('kind', { enum: applicationKinds }).notNull(),
    level: text('level', { enum: vettingLevels }).notNull(),
    personId: uuid('person_id'),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    formerNames: text('former_names').array().notNull().default([]),
    dateOfBirth: date('date_of_birth').notNull(),
    /** Warrant, collar or staff numbers held in this or another force. */
    formerNumbers: text('former_numbers').array().notNull().default([]),
    previousForce: text('previous_force'),
    status: text('status', { enum: applicationStatuses }).notNull().default('open'),
    receivedOn: date('received_on').notNull(),
    caseOfficerUserId: uuid('case_officer_user_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('vetting_applications_reference_unique').on(t.forceId, t.reference),
    index('vetting_applications_status_idx').on(t.forceId, t.status, t.receivedOn),
  ],
);

/** A review of an existing holder's suitability, opened by a trigger. `source_key` makes a trigger open at most one review. */
export const vettingReviews = pgTable(
  'vetting_reviews',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    trigger: text('trigger', { enum: reviewTriggers }).notNull(),
    /** What caused it, e.g. 'allegation:<uuid>', 'restriction:<uuid>', 'criminal:<uuid>', 'declaration:<uuid>'. */
    sourceKey: text('source_key').notNull(),
    /** The conduct case behind the trigger, if any (vetting sees only that the case exists, by reference). */
    caseId: uuid('case_id'),
    openedOn: date('opened_on').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: reviewStatuses }).notNull().default('open'),
    summary: text('summary').notNull().default(''),
    assignedUserId: uuid('assigned_user_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.personId], foreignColumns: [people.forceId, people.id] }),
    unique('vetting_reviews_source_unique').on(t.forceId, t.personId, t.trigger, t.sourceKey),
    index('vetting_reviews_status_idx').on(t.forceId, t.status, t.dueOn),
  ],
);

/** One check of an application or a review, with its result. */
export const vettingChecks = pgTable(
  'vetting_checks',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id'),
    reviewId: uuid('review_id'),
    checkType: text('check_type', { enum: checkTypes }).notNull(),
    status: text('status', { enum: checkStatuses }).notNull().default('pending'),
    completedOn: date('completed_on'),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('vetting_checks_application_idx').on(t.forceId, t.applicationId),
    index('vetting_checks_review_idx').on(t.forceId, t.reviewId),
  ],
);

/**
 * An adverse information item found by a check. It is resolved only by a decision that gives it a
 * structured rationale (`resolution`: { relevance, riskAssessment, mitigation, reason }).
 */
export const adverseInformation = pgTable(
  'adverse_information',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id'),
    reviewId: uuid('review_id'),
    checkId: uuid('check_id'),
    source: text('source').notNull(),
    infoType: text('info_type', { enum: adverseInfoTypes }).notNull(),
    occurredOn: date('occurred_on'),
    relation: text('relation', { enum: adverseRelations }).notNull(),
    /** 1 (low) – 5 (high). */
    severity: integer('severity').notNull(),
    /** 1 (low) – 5 (high). */
    credibility: integer('credibility').notNull(),
    description: text('description').notNull(),
    assessment: text('assessment').notNull().default(''),
    resolution: jsonb('resolution'),
    resolvedByDecisionId: uuid('resolved_by_decision_id'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('adverse_information_application_idx').on(t.forceId, t.applicationId),
    index('adverse_information_review_idx').on(t.forceId, t.reviewId),
  ],
);

/** A vetting decision on an application or a review, with the Appendix K decision record kept as a document. */
export const vettingDecisions = pgTable(
  'vetting_decisions',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id'),
    reviewId: uuid('review_id'),
    personId: uuid('person_id'),
    outcome: text('outcome', { enum: decisionOutcomes }).notNull(),
    decidedOn: date('decided_on').notNull(),
    decisionMakerUserId: uuid('decision_maker_user_id').notNull(),
    rationale: text('rationale').notNull(),
    /** Conditions or risk-mitigation plan, where chosen. */
    conditions: text('conditions').notNull().default(''),
    /** Reasons for a refusal or withdrawal, and what may be told to the applicant under the harm test. */
    reasonsForApplicant: text('reasons_for_applicant').notNull().default(''),
    appealWindowEndsOn: date('appeal_window_ends_on'),
    document: jsonb('document').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('vetting_decisions_application_idx').on(t.forceId, t.applicationId),
    index('vetting_decisions_review_idx').on(t.forceId, t.reviewId),
  ],
);

/** An appeal against a refusal or withdrawal. */
export const vettingAppeals = pgTable(
  'vetting_appeals',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    decisionId: uuid('decision_id').notNull(),
    lodgedOn: date('lodged_on').notNull(),
    grounds: text('grounds').notNull(),
    panel: text('panel').notNull().default(''),
    outcome: text('outcome', { enum: appealOutcomes }).notNull().default('pending'),
    decidedOn: date('decided_on'),
    outcomeReasons: text('outcome_reasons').notNull().default(''),
    version: integer('version').notNull().default(1),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.decisionId], foreignColumns: [vettingDecisions.forceId, vettingDecisions.id] }),
  ],
);

/** A change of circumstances declared by the person (2025 Regs reg 5 duty to notify). */
export const vettingDeclarations = pgTable(
  'vetting_declarations',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    category: text('category').notNull(),
    details: text('details').notNull(),
    occurredOn: date('occurred_on').notNull(),
    declaredByUserId: uuid('declared_by_user_id').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('vetting_declarations_person_idx').on(t.forceId, t.personId),
  ],
);

/**
 * Barred and advisory list entries a force knows of: its own returns and rows imported from the national
 * lists (CSV). Recruitment applications are checked against them.
 */
export const listEntries = pgTable(
  'list_entries',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    list: text('list', { enum: listKinds }).notNull(),
    origin: text('origin', { enum: ['own_return', 'national_import'] }).notNull(),
    listReturnId: uuid('list_return_id'),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirth: date('date_of_birth'),
    formerForce: text('former_force').notNull().default(''),
    rank: text('rank').notNull().default(''),
    identifiers: text('identifiers').array().notNull().default([]),
    reason: text('reason').notNull().default(''),
    listedOn: date('listed_on'),
    /** For imported rows: a stable key so a re-import changes nothing. */
    sourceKey: text('source_key').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The day a later national file no longer had this entry: it was taken off the list. Kept, never deleted
     * (decisions made against it refer to it), but it no longer matches or blocks a decision.
     */
    removedOn: date('removed_on'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('list_entries_source_unique').on(t.forceId, t.sourceKey),
    index('list_entries_name_idx').on(t.forceId, t.familyName),
    index('list_entries_dob_idx').on(t.forceId, t.dateOfBirth),
  ],
);

/** A likely match between an application and a list entry, for a human to decide. Never acted on automatically. */
export const listMatches = pgTable(
  'list_matches',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    score: real('score').notNull(),
    reasons: text('reasons').array().notNull(),
    decision: text('decision', { enum: matchDecisions }).notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('list_matches_pair_unique').on(t.forceId, t.applicationId, t.entryId),
    foreignKey({
      columns: [t.forceId, t.applicationId],
      foreignColumns: [vettingApplications.forceId, vettingApplications.id],
    }),
    foreignKey({ columns: [t.forceId, t.entryId], foreignColumns: [listEntries.forceId, listEntries.id] }),
  ],
);
