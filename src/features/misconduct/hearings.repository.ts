import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { hearingAllegations, hearings } from '../../db/schema/index.ts';

/** The only SQL for hearings. Callers find the case through the need-to-know scope first (findVisibleCase). */

export type HearingRow = typeof hearings.$inferSelect;

export async function insertHearing(
  tx: Db,
  values: typeof hearings.$inferInsert,
  allegationIds: readonly string[],
): Promise<HearingRow> {
  const [row] = await tx.insert(hearings).values(values).returning();
  if (!row) throw new Error('insert hearings returned nothing');
  await tx
    .insert(hearingAllegations)
    .values(allegationIds.map((allegationId) => ({ forceId: row.forceId, hearingId: row.id, allegationId })));
  return row;
}

export async function hearingsOfCase(db: Db, forceId: string, caseId: string) {
  const rows = await db
    .select()
    .from(hearings)
    .where(and(eq(hearings.forceId, forceId), eq(hearings.caseId, caseId)))
    .orderBy(desc(hearings.heldOn), hearings.id);
  const heard = await rawRows<{ hearing_id: string; allegation_id: string }>(
    db,
    sql`select h.hearing_id, h.allegation_id from hearing_allegations h join hearings g on g.force_id = h.force_id and g.id = h.hearing_id
      where g.force_id = ${forceId} and g.case_id = ${caseId}::uuid`,
  );
  return rows.map((r) => ({
    ...r,
    allegationIds: heard.filter((h) => h.hearing_id === r.id).map((h) => h.allegation_id),
  }));
}

export async function findHearingForUpdate(tx: Db, forceId: string, caseId: string, id: string) {
  const [row] = await tx
    .select()
    .from(hearings)
    .where(and(eq(hearings.forceId, forceId), eq(hearings.caseId, caseId), eq(hearings.id, id)))
    .for('update');
  return row;
}

export async function updateHearing(tx: Db, row: HearingRow, values: Partial<typeof hearings.$inferInsert>) {
  await tx
    .update(hearings)
    .set({ ...values, version: row.version + 1 })
    .where(and(eq(hearings.forceId, row.forceId), eq(hearings.id, row.id)));
}

/** Allegations of the list already on a hearing (an allegation is heard at one sitting at a time). */
export async function allegationsAlreadyHeard(tx: Db, forceId: string, allegationIds: readonly string[]) {
  if (allegationIds.length === 0) return [];
  const rows = await rawRows<{ allegation_id: string }>(
    tx,
    sql`select allegation_id from hearing_allegations where force_id = ${forceId}
      and allegation_id in (${sql.join(
        allegationIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  return rows.map((r) => r.allegation_id);
}

/** The day the sitting that hears this allegation sits (after any adjournment); null when none is arranged. */
export async function hearingDateOfAllegation(tx: Db, forceId: string, allegationId: string): Promise<string | null> {
  const [row] = await rawRows<{ held_on: string }>(
    tx,
    sql`select g.held_on::text as held_on from hearing_allegations h join hearings g on g.force_id = h.force_id and g.id = h.hearing_id
      where h.force_id = ${forceId} and h.allegation_id = ${allegationId}::uuid order by g.held_on desc limit 1`,
  );
  return row?.held_on ?? null;
}
