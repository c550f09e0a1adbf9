import { sql } from 'drizzle-orm';
import {
  check,
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
import { cases } from './cases.ts';
import { complaints } from './complaints.ts';
import { reports } from './reporting.ts';

/**
 * The one clock store (features/clocks): every statutory time limit of every owner is a row of `clocks`,
 * swept by one sweeper and listed by one set of deadline lists (features/deadlines), each owner's
 * need-to-know applied to its own rows.
 */

/** What a clock belongs to. Each kind has its own owner column(s) below, checked by `clocks_owner_check`. */
export const clockOwnerKinds = ['case', 'vetting', 'complaint', 'report'] as const;
export type ClockOwnerKind = (typeof clockOwnerKinds)[number];

/**
 * 'paused' (stopped for a while with a reason, due date moved on when it resumes), 'stopped' (ended by a
 * person with a reason) and 'superseded' (a later step made it moot: the officer's statement window after
 * the report) join the live states and 'met'/'cancelled'. See misconduct/act-on-clock.ts and
 * misconduct/rules/clock-endings.ts. A vetting clock uses running/due/overdue/met/cancelled; a complaint's
 * clock running/met/cancelled (it stays running when due: the sweeper stamps it); a confidential report's
 * running/met (it stays running when due: the reminder pass tells the unit).
 */
export const clockStates = [
  'running',
  'due',
  'overdue',
  'paused',
  'met',
  'cancelled',
  'stopped',
  'superseded',
] as const;

/** A statutory time limit as a row: a due date, an owner and a state, swept once when due and when overdue. */
export const clocks = pgTable(
  'clocks',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ownerKind: text('owner_kind', { enum: clockOwnerKinds }).notNull().default('case'),
    /** The case, when ownerKind is 'case'. */
    caseId: uuid('case_id'),
    /** The public complaint, when ownerKind is 'complaint'. */
    complaintId: uuid('complaint_id'),
    /** The vetting file, when ownerKind is 'vetting': 'clearance:<uuid>', 'review:<uuid>', 'decision:<uuid>'. */
    subjectKey: text('subject_key'),
    /** The confidential report, when ownerKind is 'report' (features/reporting: acknowledgement, feedback). */
    reportId: uuid('report_id'),
    /** The person a vetting clock's file is about (null for a recruit with no person record yet). */
    personId: uuid('person_id'),
    allegationId: uuid('allegation_id'),
    subjectId: uuid('subject_id'),
    /**
     * A case clock of one restriction of the subject (its notice and review clocks): a subject may have several
     * restrictions in force at once, each with its own clocks (restrictions/restriction-clocks.ts). Null otherwise.
     */
    restrictionId: uuid('restriction_id'),
    period: text('period').notNull(),
    /** For repeating clocks (the 6-monthly reports to the PCC): 1, 2, 3 … */
    sequence: integer('sequence').notNull().default(1),
    /** The conduct regime of a case's clock; null for other owners. */
    regimeVersion: text('regime_version'),
    startedOn: date('started_on').notNull(),
    dueOn: date('due_on').notNull(),
    ownerUserId: uuid('owner_user_id'),
    state: text('state', { enum: clockStates }).notNull().default('running'),
    pausedDays: integer('paused_days').notNull().default(0),
    metOn: date('met_on'),
    /** While paused: the day the pause began. */
    pausedOn: date('paused_on'),
    /** Why it was stopped or superseded, in words (the timeline shows it). */
    endedReason: text('ended_reason'),
    dueNotifiedAt: timestamp('due_notified_at', { withTimezone: true }),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    foreignKey({ columns: [t.forceId, t.complaintId], foreignColumns: [complaints.forceId, complaints.id] }),
    foreignKey({ columns: [t.forceId, t.reportId], foreignColumns: [reports.forceId, reports.id] }),
    check(
      'clocks_owner_check',
      sql`(${t.ownerKind} = 'case' and ${t.caseId} is not null and ${t.regimeVersion} is not null and ${t.complaintId} is null and ${t.subjectKey} is null and ${t.reportId} is null)
        or (${t.ownerKind} = 'complaint' and ${t.complaintId} is not null and ${t.caseId} is null and ${t.subjectKey} is null and ${t.reportId} is null)
        or (${t.ownerKind} = 'vetting' and ${t.subjectKey} is not null and ${t.caseId} is null and ${t.complaintId} is null and ${t.reportId} is null)
        or (${t.ownerKind} = 'report' and ${t.reportId} is not null and ${t.caseId} is null and ${t.complaintId} is null and ${t.subjectKey} is null)`,
    ),
    index('clocks_due_idx').on(t.state, t.dueOn),
    index('clocks_case_idx').on(t.forceId, t.caseId),
    index('clocks_complaint_idx').on(t.forceId, t.complaintId),
    index('clocks_vetting_subject_idx').on(t.forceId, t.subjectKey, t.period),
    unique('clocks_report_period_key').on(t.forceId, t.reportId, t.period),
    index('clocks_owner_idx').on(t.forceId, t.ownerUserId, t.state, t.dueOn),
    // The deadline lists: a force's live clocks in due-date order, read until the page is full.
    index('clocks_live_due_idx')
      .on(t.forceId, t.dueOn)
      .where(sql`state in ('running', 'due', 'overdue')`),
  ],
);

export const clockEventKinds = ['extended', 'paused', 'resumed', 'stopped', 'met', 'superseded'] as const;

/**
 * What a person (or a workflow step) did to a case's clock, with the reason and the due date before and
 * after: the case timeline shows these beside the allegation steps. The audit log holds the same as
 * `clock.*` events.
 */
export const clockEvents = pgTable(
  'clock_events',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    clockId: uuid('clock_id').notNull(),
    kind: text('kind', { enum: clockEventKinds }).notNull(),
    reason: text('reason').notNull().default(''),
    previousDueOn: date('previous_due_on').notNull(),
    newDueOn: date('new_due_on'),
    actorUserId: uuid('actor_user_id'),
    occurredOn: date('occurred_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.clockId], foreignColumns: [clocks.forceId, clocks.id] }),
    index('clock_events_case_idx').on(t.forceId, t.caseId, t.recordedAt),
  ],
);
