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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './people.ts';
import { forceColumn, idColumn, timestampNow } from './columns.ts';

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
/** A clearance a person holds (or held): level, dates, conditions. Expiry comes from the renewal table. */
export const vettingClearances = pgTable(
  'vetting_clearances',
  {
    forceId: forceColumn(),
    id: idColumn(),
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
    createdAt: timestampNow('created_at'),
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
    forceId: forceColumn(),
    id: idColumn(),
    title: text('title').notNull(),
    postingRole: text('posting_role').notNull(),
    unitId: uuid('unit_id'),
    requiredLevel: text('required_level', { enum: vettingLevels }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestampNow('created_at'),
  },
  (t) => [primaryKey({ columns: [t.forceId, t.id] }), index('designated_posts_role_idx').on(t.forceId, t.postingRole)],
);

/** An application for clearance. A recruit has no person record yet: the applicant's details are held here. */
export const vettingApplications = pgTable(
  'vetting_applications',
  {
    forceId: forceColumn(),
    id: idColumn(),
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
    createdAt: timestampNow('created_at'),
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
    forceId: forceColumn(),
    id: idColumn(),
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
    createdAt: timestampNow('created_at'),
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
    forceId: forceColumn(),
    id: idColumn(),
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
    forceId: forceColumn(),
    id: idColumn(),
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
    recordedAt: timestampNow('recorded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('adverse_information_application_idx').on(t.forceId, t.applicationId),
    index('adverse_information_review_idx').on(t.forceId, t.reviewId),
  ],
);

/** A change of circumstances declared by the person (2025 Regs reg 5 duty to notify). */
export const vettingDeclarations = pgTable(
  'vetting_declarations',
  {
    forceId: forceColumn(),
    id: idColumn(),
    personId: uuid('person_id').notNull(),
    category: text('category').notNull(),
    details: text('details').notNull(),
    occurredOn: date('occurred_on').notNull(),
    declaredByUserId: uuid('declared_by_user_id').notNull(),
    declaredAt: timestampNow('declared_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('vetting_declarations_person_idx').on(t.forceId, t.personId),
  ],
);
