import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { visibleVettingSql } from '../../../kernel/access/vetting-scope.ts';

/** The SQL of transfers in and random reviews: the people they concern. */

export type VettingPersonRow = { id: string; given_name: string; family_name: string; status: string };

/** A person the principal may open a vetting file on: own force, not a merged duplicate, never themself. */
export async function findVettingPerson(
  db: Db,
  principal: Principal,
  personId: string,
): Promise<VettingPersonRow | undefined> {
  const [row] = await rawRows<VettingPersonRow>(
    db,
    sql`select p.id, p.given_name, p.family_name, p.status from people p
      where p.id = ${personId}::uuid and p.merged_into_id is null and ${visibleVettingSql(principal, sql`p.force_id`, sql`p.id`)}`,
  );
  return row;
}

/** Every current member of a force's workforce (not merged duplicates): the population of a random sample. */
export async function currentPeopleOf(db: Db, forceId: string): Promise<string[]> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select p.id from people p where p.force_id = ${forceId} and p.status = 'current' and p.merged_into_id is null order by p.id`,
  );
  return rows.map((r) => r.id);
}
