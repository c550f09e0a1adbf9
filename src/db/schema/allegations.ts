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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases, caseSubjects } from './cases.ts';
import { forceColumn, idColumn, timestampNow } from './columns.ts';

/**
 * The allegation taxonomy (IOPC 2020 categories and sub-categories, legacy letter codes kept as a mapping).
 * Configuration shared by all forces: a reference table under Citus.
 */
export const allegationCategories = pgTable('allegation_categories', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  label: text('label').notNull(),
  legacyCodes: text('legacy_codes').array().notNull().default([]),
  serious: boolean('serious').notNull().default(false),
  confidence: text('confidence', { enum: ['V', 'R'] }).notNull(),
  active: boolean('active').notNull().default(true),
});

/** One allegation against one subject, moving on its own track (state machine in misconduct/rules). */
export const allegations = pgTable(
  'allegations',
  {
    forceId: forceColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    categoryCode: text('category_code').notNull(),
    standards: text('standards').array().notNull(),
    description: text('description').notNull(),
    state: text('state').notNull(),
    /** Facts the track has recorded so far (severity, referral, notice, report, decision, finding, sanction …). */
    facts: jsonb('facts').notNull().default({}),
    version: integer('version').notNull().default(1),
    updatedAt: timestampNow('updated_at'),
    /** Set on imported allegations: importing the same row again finds it (features/imports). */
    sourceKey: text('source_key'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    unique('allegations_source_key_unique').on(t.forceId, t.sourceKey),
    index('allegations_case_idx').on(t.forceId, t.caseId),
    index('allegations_subject_idx').on(t.forceId, t.subjectId),
    index('allegations_state_idx').on(t.forceId, t.state),
  ],
);

/** Every action taken on an allegation: the track's history and the case timeline. */
export const allegationEvents = pgTable(
  'allegation_events',
  {
    forceId: forceColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    allegationId: uuid('allegation_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    details: jsonb('details').notNull().default({}),
    actorUserId: uuid('actor_user_id'),
    occurredOn: date('occurred_on').notNull(),
    recordedAt: timestampNow('recorded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.allegationId], foreignColumns: [allegations.forceId, allegations.id] }),
    index('allegation_events_case_idx').on(t.forceId, t.caseId, t.recordedAt),
    // One allegation's history (the flag's gross-misconduct date, whether it went to reflective practice).
    index('allegation_events_allegation_idx').on(t.forceId, t.allegationId, t.toState),
    // Allegations finalised in a period, found through their closing events (oversight figures).
    index('allegation_events_closed_idx')
      .on(t.forceId, t.occurredOn, t.allegationId)
      .where(sql`to_state = 'closed'`),
    // Allegations that went to reflective practice (oversight figures), and the day each was assessed as gross
    // misconduct (the suspension flag's trigger): small, read without visiting the table.
    index('allegation_events_rprp_idx')
      .on(t.forceId, t.allegationId)
      .where(sql`to_state = 'rprp'`),
    index('allegation_events_gross_idx')
      .on(t.forceId, t.allegationId, t.occurredOn)
      .where(sql`action = 'assess_severity' and (details->>'severity') = 'gross_misconduct'`),
  ],
);

/** Barred and advisory list returns to the College of Policing, generated from outcomes. */
export const listReturns = pgTable(
  'list_returns',
  {
    forceId: forceColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    allegationId: uuid('allegation_id'),
    list: text('list', { enum: ['barred', 'advisory'] }).notNull(),
    /**
     * 'initial': the first report (Barred List Regs 2017 reg 3, reg 12); 'further': a further report when the
     * first one becomes wrong, e.g. a dismissal overturned on appeal (Police Act 1996 s.88F, reg 5) — its own
     * return with its own clock.
     */
    kind: text('kind', { enum: ['initial', 'further'] })
      .notNull()
      .default('initial'),
    document: jsonb('document').notNull(),
    triggeredOn: date('triggered_on').notNull(),
    submittedOn: date('submitted_on'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    index('list_returns_case_idx').on(t.forceId, t.caseId),
  ],
);
