import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { forces } from './organisation.ts';
import { users } from './accounts.ts';

/**
 * One row per scheduled run of a background job (the clock sweep, the daily digest): the instance that
 * inserts the (job, slot) row acts for that run and every other instance skips it, so with several
 * instances on one database exactly one acts per run. The latest row is what /health and /metrics report.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    /** The scheduled time this run stands for (the cron slot), not when it happened to start. */
    slot: timestamp('slot', { withTimezone: true }).notNull(),
    instance: text('instance').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome', { enum: ['running', 'ok', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    result: jsonb('result'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] }), index('job_runs_job_started_idx').on(t.job, t.startedAt)],
);

export const notificationKinds = [
  'clock_reminder',
  'clock_overdue',
  'clock_escalation',
  'case_allocated',
  'account_setup',
  'restriction_review_due',
  'vetting_review_due',
  'report_clock_due',
] as const;

/**
 * In-app notices, per user. `subject_type`/`subject_id` name the record the notice is about; need-to-know
 * is checked again when the notice is shown, so a notice never names a case its reader may no longer see.
 * `dedupe_key` makes each notice once-only (a reminder per clock and threshold, whatever instance sends it).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    subjectType: text('subject_type', {
      enum: ['case', 'account', 'vetting_review', 'confidential_report', 'complaint'],
    }).notNull(),
    subjectId: uuid('subject_id'),
    /** The record's reference (e.g. a case reference): never case content. */
    reference: text('reference').notNull(),
    message: text('message').notNull(),
    link: text('link').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_idx').on(t.dedupeKey, t.userId),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'digested'] as const;

/**
 * E-mail waiting to go, written in the same transaction as the event that causes it. The sender claims
 * due rows (FOR UPDATE SKIP LOCKED, then a lease in `locked_until`), delivers over SMTP and marks them
 * sent, or schedules a retry with backoff; after the last attempt a row is `failed` and stays visible to
 * administrators. `digest` rows wait for the recipient's daily digest instead of going one by one.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').references(() => forces.id),
    userId: uuid('user_id').references(() => users.id),
    toAddress: text('to_address').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    digest: text('digest', { enum: ['immediate', 'digest'] })
      .notNull()
      .default('immediate'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    meta: jsonb('meta'),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_created_idx').on(t.createdAt)],
);
