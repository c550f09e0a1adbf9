import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { eiAlerts, eiAlertTransitions, eiInterventions, eiRuns } from '../../db/schema/index.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';
import { visibleComplaintsSql } from '../../kernel/access/complaints-scope.ts';
import { visibleAlertsSql } from './ei-scope.ts';
import type { AlertState } from './rules/workflow.ts';

export type AlertRow = typeof eiAlerts.$inferSelect;
export type InterventionRow = typeof eiInterventions.$inferSelect;

// --- the run (system): no principal, one force ------------------------------------------------------------

/** One run at a time per force: the run's transaction holds this lock. */
export async function lockForceRun(db: Db, forceId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`ei-run:${forceId}`}))`);
}

export async function openAlertsOfForce(db: Db, forceId: string): Promise<AlertRow[]> {
  return db
    .select()
    .from(eiAlerts)
    .where(and(eq(eiAlerts.forceId, forceId), sql`${eiAlerts.state} not in ('closed', 'false_positive')`));
}

/** The events of the latest closed alert of each (rule, person): a crossing raises a new alert only with a new event. */
export async function lastClosedEventKeys(db: Db, forceId: string): Promise<Map<string, Set<string>>> {
  const rows = await rawRows<{ rule_key: string; person_id: string; keys: string[] }>(
    db,
    sql`select distinct on (rule_key, person_id) rule_key::text, person_id::text,
        array(select jsonb_array_elements(events)->>'key') as keys
      from ei_alerts where force_id = ${forceId} and state in ('closed', 'false_positive')
      order by rule_key, person_id, created_at desc`,
  );
  return new Map(rows.map((r) => [`${r.rule_key}:${r.person_id}`, new Set(r.keys)]));
}

export async function insertRun(db: Db, values: typeof eiRuns.$inferInsert) {
  const [row] = await db.insert(eiRuns).values(values).returning();
  if (!row) throw new Error('run not inserted');
  return row;
}

export async function finishRun(db: Db, forceId: string, id: string, values: Partial<typeof eiRuns.$inferInsert>) {
  await db
    .update(eiRuns)
    .set({ ...values, finishedAt: new Date() })
    .where(and(eq(eiRuns.forceId, forceId), eq(eiRuns.id, id)));
}

export async function insertAlert(db: Db, values: typeof eiAlerts.$inferInsert): Promise<AlertRow> {
  const [row] = await db.insert(eiAlerts).values(values).returning();
  if (!row) throw new Error('alert not inserted');
  return row;
}

export async function updateAlertFromRun(
  db: Db,
  forceId: string,
  id: string,
  values: Pick<typeof eiAlerts.$inferInsert, 'ruleId' | 'level' | 'events' | 'changes' | 'lastRunId' | 'lastRunOn'>,
): Promise<void> {
  await db
    .update(eiAlerts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(eiAlerts.forceId, forceId), eq(eiAlerts.id, id)));
}

export async function latestRun(db: Db, forceId: string) {
  const [row] = await db
    .select()
    .from(eiRuns)
    .where(eq(eiRuns.forceId, forceId))
    .orderBy(sql`${eiRuns.startedAt} desc`)
    .limit(1);
  return row;
}

export async function forcesWithActiveRules(db: Db): Promise<string[]> {
  const rows = await rawRows<{ force_id: string }>(
    db,
    sql`select distinct force_id from ei_rules where active and not superseded order by force_id`,
  );
  return rows.map((r) => r.force_id);
}

// --- what a user sees: every read through visibleAlertsSql ---------------------------------------------

export type AlertListRow = {
  id: string;
  state: AlertState;
  level: 'warning' | 'critical';
  raised_on: string;
  last_run_on: string;
  person_id: string;
  given_name: string;
  family_name: string;
  rule_name: string;
  rule_version: number;
  event_count: number;
};

const listColumns = sql`ea.id, ea.state, ea.level, ea.raised_on::text, ea.last_run_on::text, ea.person_id,
  p.given_name, p.family_name, r.name as rule_name, r.version as rule_version, jsonb_array_length(ea.events)::int as event_count`;
const listFrom = sql`from ei_alerts ea
  join people p on p.force_id = ea.force_id and p.id = ea.person_id
  join ei_rules r on r.force_id = ea.force_id and r.id = ea.rule_id`;

export async function listVisibleAlerts(
  db: Db,
  principal: Principal,
  filter: { state?: AlertState | 'open' | undefined },
): Promise<AlertListRow[]> {
  const state =
    filter.state === 'open'
      ? sql`and ea.state not in ('closed', 'false_positive')`
      : filter.state
        ? sql`and ea.state = ${filter.state}`
        : sql``;
  return rawRows<AlertListRow>(
    db,
    sql`select ${listColumns} ${listFrom} where ${visibleAlertsSql(principal)} ${state}
      order by case ea.level when 'critical' then 0 else 1 end, ea.raised_on desc, ea.id limit 500`,
  );
}

export type AlertDetail = AlertListRow & {
  rule_id: string;
  rule_key: string;
  version: number;
  events: unknown;
  changes: unknown;
  false_positive_reason: string | null;
  window_days: number;
  warning_level: number;
  critical_level: number;
  signal_kinds: string[];
  category_prefix: string | null;
  unit_id: string | null;
  service_start: string | null;
};

export async function findVisibleAlert(
  db: Db,
  principal: Principal,
  id: string,
  lock = false,
): Promise<AlertDetail | undefined> {
  const [row] = await rawRows<AlertDetail>(
    db,
    sql`select ${listColumns}, ea.rule_id, ea.rule_key, ea.version, ea.events, ea.changes, ea.false_positive_reason,
        r.window_days, r.warning_level, r.critical_level, r.signal_kinds, r.category_prefix,
        r.unit_id::text, p.service_start::text
      ${listFrom} where ea.id = ${id}::uuid and ${visibleAlertsSql(principal)} ${lock ? sql`for update of ea` : sql``}`,
  );
  return row;
}

export async function moveAlert(
  db: Db,
  forceId: string,
  id: string,
  version: number,
  to: AlertState,
  falsePositiveReason: string | null,
): Promise<boolean> {
  const rows = await db
    .update(eiAlerts)
    .set({
      state: to,
      version: version + 1,
      updatedAt: new Date(),
      ...(to === 'false_positive' ? { falsePositiveReason } : {}),
    })
    .where(and(eq(eiAlerts.forceId, forceId), eq(eiAlerts.id, id), eq(eiAlerts.version, version)))
    .returning({ id: eiAlerts.id });
  return rows.length === 1;
}

export async function insertTransition(db: Db, values: typeof eiAlertTransitions.$inferInsert): Promise<void> {
  await db.insert(eiAlertTransitions).values(values);
}

export async function transitionsOf(db: Db, forceId: string, alertId: string) {
  return rawRows<{ from_state: string; to_state: string; reason: string; occurred_on: string; actor: string | null }>(
    db,
    sql`select t.from_state, t.to_state, t.reason, t.occurred_on::text, u.display_name as actor
      from ei_alert_transitions t left join users u on u.id = t.actor_user_id
      where t.force_id = ${forceId} and t.alert_id = ${alertId}::uuid order by t.recorded_at`,
  );
}

export async function interventionsOf(db: Db, forceId: string, alertId: string): Promise<InterventionRow[]> {
  return db
    .select()
    .from(eiInterventions)
    .where(and(eq(eiInterventions.forceId, forceId), eq(eiInterventions.alertId, alertId)))
    .orderBy(eiInterventions.dueOn);
}

export async function insertIntervention(
  db: Db,
  values: typeof eiInterventions.$inferInsert,
): Promise<InterventionRow> {
  const [row] = await db.insert(eiInterventions).values(values).returning();
  if (!row) throw new Error('intervention not inserted');
  return row;
}

export async function recordInterventionOutcome(
  db: Db,
  forceId: string,
  alertId: string,
  id: string,
  values: { outcome: InterventionRow['outcome']; outcomeNotes: string; outcomeOn: string },
): Promise<boolean> {
  const rows = await db
    .update(eiInterventions)
    .set(values)
    .where(
      and(
        eq(eiInterventions.forceId, forceId),
        eq(eiInterventions.alertId, alertId),
        eq(eiInterventions.id, id),
        sql`${eiInterventions.outcome} is null`,
      ),
    )
    .returning({ id: eiInterventions.id });
  return rows.length === 1;
}

/** Which of these cases the viewer may open (the explanation links only those). */
export async function visibleCaseIds(db: Db, principal: Principal, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set<string>();
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select c.id::text from cases c where c.id in (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) and ${visibleCasesSql(principal)}`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Which of these complaints the viewer may open. */
export async function visibleComplaintIds(db: Db, principal: Principal, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set<string>();
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select c.id::text from complaints c where c.id in (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) and ${visibleComplaintsSql(principal)}`,
  );
  return new Set(rows.map((r) => r.id));
}
