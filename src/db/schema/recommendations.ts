import {
  boolean,
  customType,
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
import { forces } from './organisation.ts';

/** PostgreSQL bytea as a Node Buffer (both drivers return binary columns as bytes). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The inspection recommendation tracker (uk-domain.md §1.6). Reports and their numbered items are
 * NATIONAL (one HMICFRS report applies to every force: small reference tables, no force_id); each force's
 * response to an item — owner, actions, evidence, self-assessed and verified status, comments, chief-officer
 * sign-off — is per force, with `force_id` first in every key. The commissioner's published response to a
 * report (s.55 Police Act 1996) is kept per force as a generated document.
 */
export const reportTypes = ['thematic', 'force', 'peel', 'rapid_review', 'other'] as const;
export const reportItemKinds = ['recommendation', 'area_for_improvement'] as const;
export const ownerBodies = [
  'ChiefConstables',
  'CollegeOfPolicing',
  'HomeOffice',
  'NPCC',
  'IOPC',
  'LocalPolicingBodies',
  'Other',
] as const;
export const trackerStatuses = [
  'not_started',
  'being_progressed',
  'awaiting_review',
  'addressed',
  'not_applicable',
] as const;
export const commentSides = ['force', 'commissioner'] as const;
export const evidenceKinds = ['file', 'link'] as const;

/** An inspection report (HMICFRS thematic, force, PEEL, rapid review …). */
export const inspectionReports = pgTable(
  'inspection_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publisher: text('publisher').notNull(),
    title: text('title').notNull(),
    publishedOn: date('published_on').notNull(),
    url: text('url').notNull().default(''),
    reportType: text('report_type', { enum: reportTypes }).notNull(),
    /**
     * The force whose commissioner's office added the report and alone maintains it and its national items
     * (null: added before owners were recorded and by no account, so no force may change it).
     */
    ownerForceId: text('owner_force_id').references(() => forces.id),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [unique('inspection_reports_title_unique').on(t.publisher, t.title, t.publishedOn)],
);

/**
 * A numbered recommendation or area for improvement of a report. `text_verified`: checked against the published
 * text. `force_id` null: a national item, maintained by the report's owner and tracked by every force; set: a
 * force's own local item, seen and changed by that force only.
 */
export const reportItems = pgTable(
  'report_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => inspectionReports.id),
    forceId: text('force_id').references(() => forces.id),
    kind: text('kind', { enum: reportItemKinds }).notNull(),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    ownerBody: text('owner_body', { enum: ownerBodies }).notNull(),
    deadline: date('deadline'),
    themes: text('themes').array().notNull().default([]),
    textVerified: boolean('text_verified').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('report_items_number_unique').on(t.reportId, t.kind, t.number, t.forceId).nullsNotDistinct()],
);

/**
 * A force's response to one item. Created on the first change (until then the item reads as not started and
 * not yet assessed), so `version` starts at 0. `verified_status` null = the commissioner's office has not
 * assessed it. The sign-off records the self-assessed status it covered and is cleared when that changes.
 */
export const recommendationResponses = pgTable(
  'recommendation_responses',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => reportItems.id),
    ownerUserId: uuid('owner_user_id'),
    selfStatus: text('self_status', { enum: trackerStatuses }).notNull().default('not_started'),
    selfAssessedAt: timestamp('self_assessed_at', { withTimezone: true }),
    selfAssessedBy: uuid('self_assessed_by'),
    verifiedStatus: text('verified_status', { enum: trackerStatuses }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    signedOffStatus: text('signed_off_status', { enum: trackerStatuses }),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    signedOffBy: uuid('signed_off_by'),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('recommendation_responses_item_unique').on(t.forceId, t.itemId),
  ],
);

/** An action the force takes towards an item, with its due and done dates. */
export const recommendationActions = pgTable(
  'recommendation_actions',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    responseId: uuid('response_id').notNull(),
    description: text('description').notNull(),
    dueOn: date('due_on'),
    doneOn: date('done_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({
      columns: [t.forceId, t.responseId],
      foreignColumns: [recommendationResponses.forceId, recommendationResponses.id],
    }),
    index('recommendation_actions_response_idx').on(t.forceId, t.responseId),
  ],
);

/** Evidence for a response: a file (bytes kept in the database, hashed) or a link. */
export const recommendationEvidence = pgTable(
  'recommendation_evidence',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    responseId: uuid('response_id').notNull(),
    kind: text('kind', { enum: evidenceKinds }).notNull(),
    title: text('title').notNull(),
    url: text('url'),
    fileName: text('file_name'),
    mediaType: text('media_type'),
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    content: bytea('content'),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({
      columns: [t.forceId, t.responseId],
      foreignColumns: [recommendationResponses.forceId, recommendationResponses.id],
    }),
    index('recommendation_evidence_response_idx').on(t.forceId, t.responseId),
  ],
);

/** A dated comment by the force or the commissioner's office, attributed to its author. */
export const recommendationComments = pgTable(
  'recommendation_comments',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    responseId: uuid('response_id').notNull(),
    side: text('side', { enum: commentSides }).notNull(),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({
      columns: [t.forceId, t.responseId],
      foreignColumns: [recommendationResponses.forceId, recommendationResponses.id],
    }),
    index('recommendation_comments_response_idx').on(t.forceId, t.responseId, t.createdAt),
  ],
);

/** The commissioner's published response to a report: the generated document, then its publication date. */
export const publishedResponses = pgTable(
  'published_responses',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => inspectionReports.id),
    document: jsonb('document').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    generatedBy: uuid('generated_by'),
    publishedOn: date('published_on'),
    publishedBy: uuid('published_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('published_responses_report_idx').on(t.forceId, t.reportId, t.generatedAt),
  ],
);
