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
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { forceColumn, idColumn, timestampNow } from './columns.ts';
import { forces, units } from './organisation.ts';
import { people } from './people.ts';

/**
 * The signal kinds Probity derives from its own records (read where they live, never stored in ei_events): an
 * imported signal (an EI signal mapping, or a `signal` entry of an import mapping) may not take one of these names.
 */
export const eiDerivedSignalKinds = [
  'conduct_allegation',
  'finding',
  'sanction',
  'restriction',
  'complaint_allegation',
  'vetting_outcome',
] as const;

/** A signal kind is data: lower-case words joined by _ (e.g. use_of_force). */
export const EI_SIGNAL_KIND_PATTERN = /^[a-z][a-z0-9_]{1,59}$/;

/**
 * Early intervention (features/early-intervention, docs/early-intervention.md). Signals derived from
 * Probity's own records are read where they live (allegations, findings, restrictions, complaints); only the
 * signals a force brings from its other systems (use of force, sickness, pursuits …) are stored here, each
 * with a kind that is data: a new kind is a new mapping file, not new code.
 */
export const eiEvents = pgTable(
  'ei_events',
  {
    forceId: forceColumn({ referencesForces: true }),
    id: idColumn(),
    personId: uuid('person_id').notNull(),
    /** The signal's kind, e.g. 'use_of_force', 'sickness_episode' (lower-case words joined by _). */
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    category: text('category'),
    /** Where it came from (the import mapping's name, or 'api'). */
    source: text('source').notNull(),
    /** Importing the same row again finds it. */
    sourceKey: text('source_key'),
    details: jsonb('details').notNull().default({}),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.personId], foreignColumns: [people.forceId, people.id] }),
    unique('ei_events_source_key_unique').on(t.forceId, t.sourceKey),
    index('ei_events_kind_idx').on(t.forceId, t.kind, t.occurredOn, t.personId),
  ],
);

/**
 * A threshold rule, versioned: editing a rule writes a new row with the same `rule_key` and the next
 * version, and marks the old one superseded, so an alert always names the exact version that raised it.
 */
export const eiRules = pgTable(
  'ei_rules',
  {
    forceId: forceColumn({ referencesForces: true }),
    id: idColumn(),
    ruleKey: uuid('rule_key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    signalKinds: text('signal_kinds').array().notNull(),
    /** Only signals whose category starts with this code (e.g. 'DIS' for discriminatory behaviour). */
    categoryPrefix: text('category_prefix'),
    windowDays: integer('window_days').notNull(),
    warningLevel: integer('warning_level').notNull(),
    criticalLevel: integer('critical_level').notNull(),
    /**
     * A rule of one unit: only people posted to this unit on the day of a run (or preview) are evaluated, and
     * only their signals count. Null: the whole force.
     */
    unitId: uuid('unit_id'),
    active: boolean('active').notNull().default(false),
    superseded: boolean('superseded').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('ei_rules_version_unique').on(t.forceId, t.ruleKey, t.version),
    foreignKey({ columns: [t.forceId, t.unitId], foreignColumns: [units.forceId, units.id] }),
    uniqueIndex('ei_rules_current_idx')
      .on(t.forceId, t.ruleKey)
      .where(sql`not superseded`),
  ],
);

/** One evaluation: when, for which day, and what it looked at (rules with their versions, people, events). */
export const eiRuns = pgTable(
  'ei_runs',
  {
    forceId: forceColumn({ referencesForces: true }),
    id: idColumn(),
    runOn: date('run_on').notNull(),
    trigger: text('trigger').notNull(),
    /** [{ ruleId, ruleKey, version, name, people, warning, critical }] */
    evaluated: jsonb('evaluated').notNull().default([]),
    eventsEvaluated: integer('events_evaluated').notNull().default(0),
    alertsOpened: integer('alerts_opened').notNull().default(0),
    alertsChanged: integer('alerts_changed').notNull().default(0),
    startedAt: timestampNow('started_at'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.forceId, t.id] }), index('ei_runs_on_idx').on(t.forceId, t.runOn)],
);

export const eiAlertStates = [
  'new',
  'acknowledged',
  'under_assessment',
  'intervention_planned',
  'intervention_in_progress',
  'closed',
  'false_positive',
] as const;
export const eiLevels = ['warning', 'critical'] as const;

/**
 * An alert: one person crossing one rule. While it is open, later runs update it in place (its events,
 * level and what changed) rather than raising another; once closed, a later crossing raises a new alert.
 */
export const eiAlerts = pgTable(
  'ei_alerts',
  {
    forceId: forceColumn({ referencesForces: true }),
    id: idColumn(),
    ruleId: uuid('rule_id').notNull(),
    ruleKey: uuid('rule_key').notNull(),
    personId: uuid('person_id').notNull(),
    level: text('level', { enum: eiLevels }).notNull(),
    state: text('state', { enum: eiAlertStates }).notNull().default('new'),
    raisedOn: date('raised_on').notNull(),
    lastRunId: uuid('last_run_id'),
    lastRunOn: date('last_run_on').notNull(),
    /** The events that counted at the last run: [{ key, kind, occurredOn, category, ref }]. */
    events: jsonb('events').notNull().default([]),
    /** What changed at the last run that changed anything: { added: [key], dropped: [key], levelFrom, levelTo, on }. */
    changes: jsonb('changes').notNull().default({}),
    falsePositiveReason: text('false_positive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestampNow('created_at'),
    updatedAt: timestampNow('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.ruleId], foreignColumns: [eiRules.forceId, eiRules.id] }),
    foreignKey({ columns: [t.forceId, t.personId], foreignColumns: [people.forceId, people.id] }),
    uniqueIndex('ei_alerts_open_idx')
      .on(t.forceId, t.ruleKey, t.personId)
      .where(sql`state not in ('closed', 'false_positive')`),
    index('ei_alerts_state_idx').on(t.forceId, t.state),
    index('ei_alerts_person_idx').on(t.forceId, t.personId),
  ],
);

/** Each move of an alert through its workflow, with the reason given. */
export const eiAlertTransitions = pgTable(
  'ei_alert_transitions',
  {
    forceId: forceColumn(),
    id: idColumn(),
    alertId: uuid('alert_id').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    reason: text('reason').notNull().default(''),
    actorUserId: uuid('actor_user_id'),
    occurredOn: date('occurred_on').notNull(),
    recordedAt: timestampNow('recorded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.alertId], foreignColumns: [eiAlerts.forceId, eiAlerts.id] }),
    index('ei_alert_transitions_alert_idx').on(t.forceId, t.alertId),
  ],
);

export const eiInterventionKinds = [
  'supervision',
  'training',
  'mentoring',
  'welfare',
  'occupational_health_referral',
  'other',
] as const;
export const eiInterventionOutcomes = ['effective', 'partly_effective', 'not_effective', 'not_completed'] as const;

/** An intervention planned on an alert: an owner, a due date, and the follow-up outcome when it is reviewed. */
export const eiInterventions = pgTable(
  'ei_interventions',
  {
    forceId: forceColumn(),
    id: idColumn(),
    alertId: uuid('alert_id').notNull(),
    kind: text('kind', { enum: eiInterventionKinds }).notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on').notNull(),
    notes: text('notes').notNull().default(''),
    outcome: text('outcome', { enum: eiInterventionOutcomes }),
    outcomeNotes: text('outcome_notes'),
    outcomeOn: date('outcome_on'),
    createdBy: uuid('created_by'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.alertId], foreignColumns: [eiAlerts.forceId, eiAlerts.id] }),
    index('ei_interventions_alert_idx').on(t.forceId, t.alertId),
  ],
);

/**
 * The force's early-intervention settings (one row per force; no row is every default). Supervisor access is
 * OFF by default: when a force turns it on, a user whose own person record holds a current posting whose role
 * is one of `supervisory_roles` sees the alerts of the people currently posted to that same unit — read only,
 * never their own, never another unit's (ei-scope.ts).
 */
export const eiSettings = pgTable('ei_settings', {
  forceId: text('force_id')
    .primaryKey()
    .references(() => forces.id),
  supervisorAccess: boolean('supervisor_access').notNull().default(false),
  /** Posting roles (as person_postings.role records them, e.g. 'Response sergeant') that supervise their unit. */
  supervisoryRoles: text('supervisory_roles')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestampNow('updated_at'),
});
