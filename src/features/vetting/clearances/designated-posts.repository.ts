import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import { designatedPosts, units } from '../../../db/schema/index.ts';

/** The SQL of the designated-post register (the reads of posts with their units are in compliance.repository.ts). */

export type DesignatedPostRow = typeof designatedPosts.$inferSelect;

export async function insertDesignatedPost(
  tx: Db,
  row: typeof designatedPosts.$inferInsert,
): Promise<DesignatedPostRow> {
  const [inserted] = await tx.insert(designatedPosts).values(row).returning();
  if (!inserted) throw new Error('designated post insert returned nothing');
  return inserted;
}

export async function findDesignatedPostForUpdate(
  tx: Db,
  forceId: string,
  id: string,
): Promise<DesignatedPostRow | undefined> {
  const [row] = await tx
    .select()
    .from(designatedPosts)
    .where(and(eq(designatedPosts.forceId, forceId), eq(designatedPosts.id, id)))
    .for('update');
  return row;
}

export async function deactivateDesignatedPost(tx: Db, forceId: string, id: string): Promise<void> {
  await tx
    .update(designatedPosts)
    .set({ active: false })
    .where(and(eq(designatedPosts.forceId, forceId), eq(designatedPosts.id, id)));
}

export async function unitExists(db: Db, forceId: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.forceId, forceId), eq(units.id, unitId)));
  return !!row;
}

/** The force's units (for choosing a post's unit), in tree order. */
export async function unitsForChoice(db: Db, forceId: string): Promise<{ id: string; name: string; path: string }[]> {
  return db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(eq(units.forceId, forceId))
    .orderBy(units.path);
}

/** Posting roles people hold now, so a post can be designated by a role that exists. */
export async function currentPostingRoles(db: Db, forceId: string): Promise<string[]> {
  const rows = await rawRows<{ role: string }>(
    db,
    sql`select distinct pp.role from person_postings pp where pp.force_id = ${forceId} and pp.valid_to is null order by pp.role`,
  );
  return rows.map((r) => r.role);
}
