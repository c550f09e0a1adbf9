import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { forceColumn, idColumn, timestampNow } from './columns.ts';

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
/**
 * A refusal appeal is the force's own process (APP Vetting); a withdrawal appeal is the serving officer's or
 * member of staff's, with its own periods and a possible dismissal (Police (Vetting) Regulations 2025, Part 3).
 */
export const appealKinds = ['refusal', 'withdrawal'] as const;
/** Who brought a withdrawal appeal: the person, or their police friend or lawyer for them (PVR 2025 regs 9, 10). */
export const appealLodgers = ['person', 'police_friend', 'legal_representative'] as const;

/** A vetting decision on an application or a review, with the Appendix K decision record kept as a document. */
export const vettingDecisions = pgTable(
  'vetting_decisions',
  {
    forceId: forceColumn(),
    id: idColumn(),
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
    recordedAt: timestampNow('recorded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('vetting_decisions_application_idx').on(t.forceId, t.applicationId),
    index('vetting_decisions_review_idx').on(t.forceId, t.reviewId),
  ],
);

/** An appeal against a refusal or a withdrawal (`kind`); a withdrawal appeal's own columns are null otherwise. */
export const vettingAppeals = pgTable(
  'vetting_appeals',
  {
    forceId: forceColumn(),
    id: idColumn(),
    decisionId: uuid('decision_id').notNull(),
    kind: text('kind', { enum: appealKinds }).notNull().default('refusal'),
    lodgedBy: text('lodged_by', { enum: appealLodgers }),
    /** The appellant's person type when the appeal was received (officer, special, staff, volunteer). */
    appellantType: text('appellant_type'),
    /** The day the panel should decide by (`vetting_withdrawal_appeal_decision`). */
    decideBy: date('decide_by'),
    /** A dismissed withdrawal appeal: whether the person's dismissal follows. */
    dismissalFollows: boolean('dismissal_follows'),
    /** The end of the officer's window to appeal to the Police Appeals Tribunal, when dismissal follows. */
    tribunalWindowEndsOn: date('tribunal_window_ends_on'),
    lodgedOn: date('lodged_on').notNull(),
    grounds: text('grounds').notNull(),
    panel: text('panel').notNull().default(''),
    outcome: text('outcome', { enum: appealOutcomes }).notNull().default('pending'),
    decidedOn: date('decided_on'),
    outcomeReasons: text('outcome_reasons').notNull().default(''),
    version: integer('version').notNull().default(1),
    recordedAt: timestampNow('recorded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.decisionId], foreignColumns: [vettingDecisions.forceId, vettingDecisions.id] }),
  ],
);
