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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseSubjects, cases } from './cases.ts';

/**
 * Suspension (Conduct Regs reg 11) and its unregulated alternatives (§2.12). A restriction belongs to one
 * subject of one case; imposing, reviewing, changing and lifting it are all decisions with reasons, kept in
 * `restriction_decisions`. A subject may have several restrictions in force in a case at once (restricted
 * duties AND firearms authority withdrawn), each with its own reviews, clocks and history, but never two of
 * the same kind. A change replaces one (the old row points at the new through `replaced_by_id`).
 */
export const restrictionKinds = [
  'temporary_redeployment',
  'restricted_duties',
  'removed_from_public_facing_role',
  'firearms_authority_withdrawn',
  'restricted_system_access',
  'repositioned',
  'suspension',
] as const;
export const restrictionStatuses = ['in_force', 'lifted', 'replaced'] as const;
export const restrictionDecisionKinds = ['imposed', 'reviewed', 'changed', 'lifted'] as const;
export const noticeMethods = ['written', 'oral'] as const;

export const dutyRestrictions = pgTable(
  'duty_restrictions',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: restrictionKinds }).notNull(),
    status: text('status', { enum: restrictionStatuses }).notNull().default('in_force'),
    /** Every option with whether it was considered and why it was or was not chosen: [{ option, considered, reason }]. */
    optionsConsidered: jsonb('options_considered').notNull().default([]),
    /** For a suspension, the two reg 11 tests: { redeploymentRejectedReason, ground: 'investigation_prejudiced'|'public_interest', groundReason }. */
    suspensionTests: jsonb('suspension_tests'),
    /** The terms of the restriction (what the officer may and may not do). */
    conditions: text('conditions').notNull().default(''),
    rationale: text('rationale').notNull(),
    decisionMakerUserId: uuid('decision_maker_user_id').notNull(),
    decidedOn: date('decided_on').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    noticeMethod: text('notice_method', { enum: noticeMethods }),
    /** The day the officer was first told (in writing, or orally). */
    noticeGivenOn: date('notice_given_on'),
    /** The day the written notice (or the written confirmation of an oral one) was given: meets the notice clock. */
    writtenNoticeOn: date('written_notice_on'),
    /** The last day for the written notice (or written confirmation of an oral one). */
    noticeDueOn: date('notice_due_on'),
    nextReviewDueOn: date('next_review_due_on'),
    replacedById: uuid('replaced_by_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    index('duty_restrictions_subject_idx').on(t.forceId, t.subjectId, t.status),
    index('duty_restrictions_person_idx').on(t.forceId, t.personId, t.status),
    index('duty_restrictions_status_idx').on(t.forceId, t.status, t.kind),
    // Oversight figures: restrictions started in a period, and in force on a day (ends_on null or later).
    index('duty_restrictions_starts_idx').on(t.forceId, t.startsOn),
    index('duty_restrictions_ends_idx').on(t.forceId, t.endsOn),
    // At most one restriction OF EACH KIND in force per subject of a case (a subject row belongs to one case);
    // restrictions of different kinds may run concurrently.
    uniqueIndex('duty_restrictions_one_in_force_per_kind')
      .on(t.forceId, t.subjectId, t.kind)
      .where(sql`status = 'in_force'`),
  ],
);

/** Each decision on a restriction: imposed, reviewed (do the conditions still hold?), changed, lifted. */
export const restrictionDecisions = pgTable(
  'restriction_decisions',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    restrictionId: uuid('restriction_id').notNull(),
    kind: text('kind', { enum: restrictionDecisionKinds }).notNull(),
    decidedOn: date('decided_on').notNull(),
    decisionMakerUserId: uuid('decision_maker_user_id').notNull(),
    /** For a review: whether the conditions for the restriction still hold. */
    conditionsStillHold: boolean('conditions_still_hold'),
    /** For a review: whether the officer was told of it and could make representations. */
    officerInformed: boolean('officer_informed'),
    reasons: text('reasons').notNull(),
    /** The representations the officer made on the review (if any). */
    officerRepresentations: text('officer_representations').notNull().default(''),
    nextReviewDueOn: date('next_review_due_on'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({
      columns: [t.forceId, t.restrictionId],
      foreignColumns: [dutyRestrictions.forceId, dutyRestrictions.id],
    }),
    index('restriction_decisions_restriction_idx').on(t.forceId, t.restrictionId, t.decidedOn),
  ],
);

/**
 * A senior decision maker's reasons why a measure short of suspension suffices for a flagged subject
 * (a serious matter, not suspended). It answers the flag until `valid_until` (the next review date), after
 * which the flag returns until a new rationale is recorded.
 */
export const suspensionFlagRationales = pgTable(
  'suspension_flag_rationales',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    rationale: text('rationale').notNull(),
    decidedOn: date('decided_on').notNull(),
    validUntil: date('valid_until').notNull(),
    decisionMakerUserId: uuid('decision_maker_user_id').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    index('suspension_flag_rationales_subject_idx').on(t.forceId, t.subjectId, t.validUntil),
  ],
);
