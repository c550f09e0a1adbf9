import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { forces } from './organisation.ts';

export const reportCategories = ['misogyny', 'racism', 'predatory', 'corruption', 'other'] as const;
export const reportStatuses = [
  'received',
  'acknowledged',
  /** Kept for reports moved on before the sub-statuses; no longer settable. */
  'in_progress',
  'assessing',
  'investigating',
  'case_opened',
  'no_action',
  'referred',
] as const;
export const reportMessageKinds = ['from_reporter', 'to_reporter', 'note'] as const;
export const identityRevealDecisions = ['approved', 'refused'] as const;

/**
 * Anonymous internal reports (features/reporting, docs/reporting.md). Nothing here identifies the reporter
 * or can be read from the database alone: the text (`content`) and the identity given in confidence
 * (`identity`) are AES-256-GCM sealed under the report's own key, which is stored only wrapped under the
 * reporting master key (`wrapped_key`, `key_id` naming the master key) that the database never holds. There
 * is deliberately no created-at timestamp: dates are kept to the day. The receipt is kept as its look-up
 * group and an argon2id hash of its secret part; failures lock the report, never an address.
 */
export const reports = pgTable(
  'reports',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    receiptLookup: text('receipt_lookup').notNull(),
    receiptHash: text('receipt_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    keyId: text('key_id').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    /** Kept in clear for the inbox and for statistics: one of a few broad kinds, never the text. */
    category: text('category', { enum: reportCategories }).notNull(),
    content: text('content').notNull(),
    /** Whether the reporter chose to stay anonymous; when not, `identity` holds what they gave, sealed. */
    anonymous: boolean('anonymous').notNull(),
    identity: text('identity'),
    status: text('status', { enum: reportStatuses }).notNull().default('received'),
    receivedOn: date('received_on').notNull(),
    acknowledgedOn: date('acknowledged_on'),
    /** The day the latest status was set (shown to the reporter). */
    statusOn: date('status_on').notNull(),
    /** The member of the confidential unit the report is assigned to (a user of the same force), if any. */
    assignedTo: uuid('assigned_to'),
    /** The first day the unit gave the reporter feedback (a message marked as feedback, or the outcome). */
    feedbackOn: date('feedback_on'),
    /** Suspected retaliation against the reporter: how many flags (reporter or unit) and the latest day. */
    retaliationFlags: integer('retaliation_flags').notNull().default(0),
    retaliationFlaggedOn: date('retaliation_flagged_on'),
    /** The day the identity given in confidence was revealed to the unit (a custodian approved a request). */
    identityRevealedOn: date('identity_revealed_on'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('reports_receipt_lookup_key').on(t.forceId, t.receiptLookup),
    index('reports_status_idx').on(t.forceId, t.status, t.receivedOn),
  ],
);

/**
 * The conversation of a report: messages from and to the reporter, and the team's internal notes (`note`),
 * which the reporter never sees. Ordered by `seq` (no exact time is kept); the body is sealed.
 */
export const reportMessages = pgTable(
  'report_messages',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: reportMessageKinds }).notNull(),
    /** The team member who wrote it; null for the reporter. */
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    sentOn: date('sent_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.reportId], foreignColumns: [reports.forceId, reports.id] }),
    unique('report_messages_seq_key').on(t.forceId, t.reportId, t.seq),
  ],
);

/** Files sent with a report: images re-encoded without their metadata, then sealed (name and bytes). */
export const reportFiles = pgTable(
  'report_files',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    content: text('content').notNull(),
    /** True when the image's metadata (EXIF, GPS, XMP, comments) was removed before sealing. */
    metadataStripped: boolean('metadata_stripped').notNull(),
    receivedOn: date('received_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.reportId], foreignColumns: [reports.forceId, reports.id] }),
  ],
);

/**
 * Requests to reveal the identity a reporter gave in confidence: made by one member of the unit with a
 * reason, decided (approved or refused, with a reason) by a DIFFERENT user holding `report.custodian`.
 * Both reasons are sealed under the report's key; days only.
 */
export const reportIdentityReveals = pgTable(
  'report_identity_reveals',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    reason: text('reason').notNull(),
    requestedOn: date('requested_on').notNull(),
    decidedBy: uuid('decided_by'),
    decision: text('decision', { enum: identityRevealDecisions }),
    decisionReason: text('decision_reason'),
    decidedOn: date('decided_on'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.reportId], foreignColumns: [reports.forceId, reports.id] }),
    index('report_identity_reveals_report_idx').on(t.forceId, t.reportId),
  ],
);
