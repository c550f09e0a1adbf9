import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { clocks as clockStore, designatedPosts, vettingChecks, vettingClearances } from '../../db/schema/index.ts';
import type { NewVettingClock } from './vetting-clocks.repository.ts';

/** The SQL of the vetting demo data: one read of the workforce and bulk inserts (kept out of the per-row use cases for speed). */

const BATCH = 500;

export type DemoWorkforceRow = {
  id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  role: string | null;
};

/** The force's current people with their current posting, in a stable order. */
export async function demoWorkforce(db: Db, forceId: string): Promise<DemoWorkforceRow[]> {
  return rawRows<DemoWorkforceRow>(
    db,
    sql`select distinct on (p.id) p.id, p.given_name, p.family_name, p.date_of_birth::text as date_of_birth, pp.role
      from people p
      left join person_postings pp on pp.force_id = p.force_id and pp.person_id = p.id and pp.valid_to is null
      where p.force_id = ${forceId} and p.status = 'current' and p.merged_into_id is null
      order by p.id, pp.valid_from desc`,
  );
}

export async function demoUnitId(db: Db, forceId: string, name: string): Promise<string | null> {
  const [row] = await rawRows<{ id: string }>(
    db,
    sql`select id from units where force_id = ${forceId} and name = ${name} limit 1`,
  );
  return row?.id ?? null;
}

export async function insertDemoPosts(tx: Db, rows: (typeof designatedPosts.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(designatedPosts).values(rows);
}

export async function insertDemoClearances(
  tx: Db,
  clearances: (typeof vettingClearances.$inferInsert)[],
  clocks: NewVettingClock[],
): Promise<void> {
  for (let i = 0; i < clearances.length; i += BATCH)
    await tx.insert(vettingClearances).values(clearances.slice(i, i + BATCH));
  for (let i = 0; i < clocks.length; i += BATCH)
    await tx
      .insert(clockStore)
      .values(clocks.slice(i, i + BATCH).map((c) => ({ ...c, ownerKind: 'vetting' as const })));
}

/** Records demo check results in one statement (the demo's checks carry no audit row of their own). */
export async function markDemoChecks(
  tx: Db,
  forceId: string,
  applicationId: string,
  checkTypes: string[],
  on: string,
): Promise<void> {
  await tx
    .update(vettingChecks)
    .set({
      status: 'clear',
      completedOn: on,
      notes: 'No trace (demo data)',
      version: sql`${vettingChecks.version} + 1`,
    })
    .where(
      and(
        eq(vettingChecks.forceId, forceId),
        eq(vettingChecks.applicationId, applicationId),
        inArray(vettingChecks.checkType, checkTypes as (typeof vettingChecks.$inferSelect)['checkType'][]),
      ),
    );
}
