import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { allegations } from './allegations.ts';
import { caseSubjects, cases } from './cases.ts';
import { forces } from './organisation.ts';

export const publicationStatuses = ['draft', 'published', 'withdrawn'] as const;
export const publishedHearingForms = ['hearing', 'accelerated_hearing'] as const;

/**
 * A notice of a misconduct hearing held in public, and later its outcome, AS THE FORCE CHOOSES TO PUBLISH
 * IT (features/publication). The appropriate authority creates it from a case's hearing; every field shown
 * to the public is the wording stored here (never read live from the case), and nothing is public until
 * `status` is 'published'. A withdrawn notice leaves the public page.
 */
export const hearingPublications = pgTable(
  'hearing_publications',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    allegationId: uuid('allegation_id').notNull(),
    form: text('form', { enum: publishedHearingForms }).notNull(),
    /** The officer's name and rank as the force chooses to publish them. */
    officerName: text('officer_name').notNull(),
    officerRank: text('officer_rank').notNull().default(''),
    hearingOn: date('hearing_on').notNull(),
    venue: text('venue').notNull(),
    allegationSummary: text('allegation_summary').notNull(),
    /** The outcome as published (finding and any sanction in words), once known. */
    outcome: text('outcome'),
    outcomeOn: date('outcome_on'),
    status: text('status', { enum: publicationStatuses }).notNull().default('draft'),
    publishedOn: date('published_on'),
    publishedBy: uuid('published_by'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    foreignKey({ columns: [t.forceId, t.allegationId], foreignColumns: [allegations.forceId, allegations.id] }),
    index('hearing_publications_status_idx').on(t.forceId, t.status, t.hearingOn),
  ],
);
