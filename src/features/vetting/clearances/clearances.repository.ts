import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import { vettingClearances } from '../../../db/schema/index.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { visibleVettingSql } from '../../../kernel/access/vetting-scope.ts';

/** The SQL of clearances and of the person a vetting file is about. Reads on behalf of a user go through the vetting scope. */

export type ClearanceRow = typeof vettingClearances.$inferSelect;

export type VettingPersonRow = {
  id: string;
  given_name: string;
  family_name: string;
  status: string;
  person_type: string;
  service_end: string | null;
  date_of_birth: string | null;
  rank: string | null;
  role: string | null;
  unit_id: string | null;
  unit_name: string | null;
};

/** The person a vetting file is about, with their current posting, if the principal may see their vetting file. */
export async function findVettingPerson(
  db: Db,
  principal: Principal,
  personId: string,
): Promise<VettingPersonRow | undefined> {
  const [row] = await rawRows<VettingPersonRow>(
    db,
    sql`select p.id, p.given_name, p.family_name, p.status, p.person_type, p.service_end::text as service_end, p.date_of_birth::text as date_of_birth,
        cur.rank, cur.role, cur.unit_id, cur.unit_name
      from people p
      left join lateral (select pp.rank, pp.role, pp.unit_id, u.name as unit_name from person_postings pp
          join units u on u.force_id = pp.force_id and u.id = pp.unit_id
          where pp.force_id = p.force_id and pp.person_id = p.id and pp.valid_to is null
          order by pp.valid_from desc limit 1) cur on true
      where p.id = ${personId}::uuid and p.merged_into_id is null and ${visibleVettingSql(principal, sql`p.force_id`, sql`p.id`)}`,
  );
  return row;
}

/** Every clearance the person holds or held, newest grant first. */
export async function clearancesOf(db: Db, forceId: string, personId: string): Promise<ClearanceRow[]> {
  return db
    .select()
    .from(vettingClearances)
    .where(and(eq(vettingClearances.forceId, forceId), eq(vettingClearances.personId, personId)))
    .orderBy(desc(vettingClearances.grantedOn), desc(vettingClearances.createdAt));
}

export async function insertClearance(tx: Db, row: typeof vettingClearances.$inferInsert): Promise<ClearanceRow> {
  const [inserted] = await tx.insert(vettingClearances).values(row).returning();
  if (!inserted) throw new Error('clearance insert returned nothing');
  return inserted;
}

/** The person's active clearances, locked (a new grant supersedes those it covers). */
export async function activeClearancesForUpdate(tx: Db, forceId: string, personId: string): Promise<ClearanceRow[]> {
  return tx
    .select()
    .from(vettingClearances)
    .where(
      and(
        eq(vettingClearances.forceId, forceId),
        eq(vettingClearances.personId, personId),
        eq(vettingClearances.status, 'active'),
      ),
    )
    .orderBy(vettingClearances.id)
    .for('update');
}

export async function endClearances(
  tx: Db,
  forceId: string,
  ids: string[],
  end: { status: 'terminated' | 'withdrawn' | 'expired'; on: string; reason: string; decisionId: string | null },
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(vettingClearances)
    .set({
      status: end.status,
      endedOn: end.on,
      endedReason: end.reason,
      endedByDecisionId: end.decisionId,
      version: sql`${vettingClearances.version} + 1`,
    })
    .where(and(eq(vettingClearances.forceId, forceId), inArray(vettingClearances.id, ids)));
}

/**
 * The clearances a withdrawal decision ended, locked: those that name the decision, or (for a withdrawal
 * recorded without the link) the person's clearances withdrawn on the decision's day.
 */
export async function clearancesWithdrawnBy(
  tx: Db,
  forceId: string,
  decision: { id: string; personId: string | null; decidedOn: string },
): Promise<ClearanceRow[]> {
  const named = await tx
    .select()
    .from(vettingClearances)
    .where(
      and(
        eq(vettingClearances.forceId, forceId),
        eq(vettingClearances.endedByDecisionId, decision.id),
        eq(vettingClearances.status, 'withdrawn'),
      ),
    )
    .for('update');
  if (named.length > 0 || !decision.personId) return named;
  return tx
    .select()
    .from(vettingClearances)
    .where(
      and(
        eq(vettingClearances.forceId, forceId),
        eq(vettingClearances.personId, decision.personId),
        eq(vettingClearances.status, 'withdrawn'),
        eq(vettingClearances.endedOn, decision.decidedOn),
        sql`${vettingClearances.endedByDecisionId} is null`,
      ),
    )
    .for('update');
}

export async function reinstateClearance(tx: Db, row: ClearanceRow): Promise<void> {
  await tx
    .update(vettingClearances)
    .set({ status: 'active', endedOn: null, endedReason: null, endedByDecisionId: null, version: row.version + 1 })
    .where(and(eq(vettingClearances.forceId, row.forceId), eq(vettingClearances.id, row.id)));
}

/** The clearance a decision granted, if one was recorded for it. */
export async function clearanceOfApplication(
  db: Db,
  forceId: string,
  applicationId: string,
): Promise<ClearanceRow | undefined> {
  const [row] = await db
    .select()
    .from(vettingClearances)
    .where(and(eq(vettingClearances.forceId, forceId), eq(vettingClearances.applicationId, applicationId)))
    .limit(1);
  return row;
}

/** Active clearances whose last day falls between today and `until`, in the principal's vetting scope. */
export async function countExpiring(db: Db, principal: Principal, today: string, until: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from vetting_clearances c
      join people p on p.force_id = c.force_id and p.id = c.person_id and p.status = 'current' and p.merged_into_id is null
      where ${visibleVettingSql(principal, sql`c.force_id`, sql`c.person_id`)}
        and c.status = 'active' and c.expires_on >= ${today}::date and c.expires_on <= ${until}::date`,
  );
  return row?.n ?? 0;
}

export type ExpiringRow = {
  clearance_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  level: string;
  expires_on: string;
};

/** The clearances expiring soonest (for the home page), in the principal's vetting scope. */
export async function expiringSoon(
  db: Db,
  principal: Principal,
  today: string,
  until: string,
  limit: number,
): Promise<ExpiringRow[]> {
  return rawRows<ExpiringRow>(
    db,
    sql`select c.id as clearance_id, p.id as person_id, p.given_name, p.family_name, c.level, c.expires_on::text as expires_on
      from vetting_clearances c
      join people p on p.force_id = c.force_id and p.id = c.person_id and p.status = 'current' and p.merged_into_id is null
      where ${visibleVettingSql(principal, sql`c.force_id`, sql`c.person_id`)}
        and c.status = 'active' and c.expires_on >= ${today}::date and c.expires_on <= ${until}::date
      order by c.expires_on, p.family_name, p.given_name, c.id
      limit ${limit}`,
  );
}
