import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { eiRules } from '../../db/schema/index.ts';
import { PROVEN_FINDINGS } from './signals.repository.ts';

/** Rules are force-level configuration: every read is by the caller's force. */
export type RuleRow = typeof eiRules.$inferSelect;

export async function currentRules(db: Db, forceId: string, onlyActive = false): Promise<RuleRow[]> {
  return db
    .select()
    .from(eiRules)
    .where(
      and(
        eq(eiRules.forceId, forceId),
        eq(eiRules.superseded, false),
        ...(onlyActive ? [eq(eiRules.active, true)] : []),
      ),
    )
    .orderBy(eiRules.name);
}

export async function findRule(db: Db, forceId: string, id: string): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(eiRules)
    .where(and(eq(eiRules.forceId, forceId), eq(eiRules.id, id)));
  return row;
}

export async function ruleVersions(db: Db, forceId: string, ruleKey: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(eiRules)
    .where(and(eq(eiRules.forceId, forceId), eq(eiRules.ruleKey, ruleKey)))
    .orderBy(sql`${eiRules.version} desc`);
}

export async function insertRule(db: Db, values: typeof eiRules.$inferInsert): Promise<RuleRow> {
  const [row] = await db.insert(eiRules).values(values).returning();
  if (!row) throw new Error('rule not inserted');
  return row;
}

/** Locks the current version of a rule (so two edits cannot both make version n + 1). */
export async function lockCurrentRule(db: Db, forceId: string, id: string): Promise<RuleRow | undefined> {
  const [row] = await rawRows<{ id: string }>(
    db,
    sql`select id from ei_rules where force_id = ${forceId} and id = ${id}::uuid and not superseded for update`,
  );
  return row ? findRule(db, forceId, row.id) : undefined;
}

export async function supersede(db: Db, forceId: string, id: string): Promise<void> {
  await db
    .update(eiRules)
    .set({ superseded: true })
    .where(and(eq(eiRules.forceId, forceId), eq(eiRules.id, id)));
}

export async function setActive(db: Db, forceId: string, id: string, active: boolean): Promise<void> {
  await db
    .update(eiRules)
    .set({ active })
    .where(and(eq(eiRules.forceId, forceId), eq(eiRules.id, id)));
}

export type RuleFigures = {
  rule_key: string;
  alerts: number;
  open: number;
  closed: number;
  false_positive: number;
  /** Alerts followed by a proven finding against the person within `days` of being raised. */
  followed_by_finding: number;
};

/**
 * What became of each rule's alerts (all its versions): how many were closed as false positives and how
 * many were followed by a proven finding within `days` — the feedback that tells a rule's owner whether
 * it makes noise or finds the right people.
 */
export async function ruleFigures(db: Db, forceId: string, days: number): Promise<Map<string, RuleFigures>> {
  const rows = await rawRows<RuleFigures>(
    db,
    sql`select a.rule_key::text as rule_key, count(*)::int as alerts,
        count(*) filter (where a.state not in ('closed', 'false_positive'))::int as open,
        count(*) filter (where a.state = 'closed')::int as closed,
        count(*) filter (where a.state = 'false_positive')::int as false_positive,
        count(*) filter (where exists (
          select 1 from allegation_figures af
            join people p on p.force_id = af.force_id and p.id = af.person_id
           where af.force_id = a.force_id and coalesce(p.merged_into_id, p.id) = a.person_id
             and af.finding in (${sql.join(
               PROVEN_FINDINGS.map((f) => sql`${f}`),
               sql`, `,
             )})
             and af.finalised_on > a.raised_on and af.finalised_on <= a.raised_on + ${days}::int))::int as followed_by_finding
      from ei_alerts a where a.force_id = ${forceId} group by a.rule_key`,
  );
  return new Map(rows.map((r) => [r.rule_key, r]));
}

export type UnitChoice = { id: string; name: string; path: string };

/** The force's units, to scope a rule to one (the rule form's choice). */
export async function unitsOfForce(db: Db, forceId: string): Promise<UnitChoice[]> {
  return rawRows<UnitChoice>(
    db,
    sql`select id::text, name, path from units where force_id = ${forceId} and parent_id is not null order by path`,
  );
}

export async function unitOfForce(db: Db, forceId: string, unitId: string): Promise<UnitChoice | undefined> {
  const [row] = await rawRows<UnitChoice>(
    db,
    sql`select id::text, name, path from units where force_id = ${forceId} and id = ${unitId}::uuid`,
  );
  return row;
}

/**
 * The people posted to a unit on a day (a posting that started on or before it and had not ended before it),
 * as the person their signals count for: a merged duplicate's posting counts for its survivor.
 */
export async function peoplePostedTo(db: Db, forceId: string, unitId: string, day: string): Promise<Set<string>> {
  const rows = await rawRows<{ person_id: string }>(
    db,
    sql`select distinct coalesce(p.merged_into_id, p.id)::text as person_id
      from person_postings pp join people p on p.force_id = pp.force_id and p.id = pp.person_id
      where pp.force_id = ${forceId} and pp.unit_id = ${unitId}::uuid
        and pp.valid_from <= ${day}::date and (pp.valid_to is null or pp.valid_to >= ${day}::date)`,
  );
  return new Set(rows.map((r) => r.person_id));
}
