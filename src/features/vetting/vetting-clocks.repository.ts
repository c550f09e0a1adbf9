import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { vettingClocks } from '../../db/schema/index.ts';

/** The only SQL for vetting clocks. */

export type VettingClockRow = typeof vettingClocks.$inferSelect;
export const LIVE_VETTING_CLOCK_STATES = ['running', 'due', 'overdue'] as const;

export async function lockVettingClockKey(tx: Db, forceId: string, subjectKey: string, period: string): Promise<void> {
  await rawRows(
    tx,
    sql`select pg_advisory_xact_lock(hashtextextended(${['vetting', forceId, subjectKey, period].join('|')}, 0))`,
  );
}

export async function findLiveVettingClock(
  tx: Db,
  forceId: string,
  subjectKey: string,
  period: string,
): Promise<VettingClockRow | undefined> {
  const [row] = await tx
    .select()
    .from(vettingClocks)
    .where(
      and(
        eq(vettingClocks.forceId, forceId),
        eq(vettingClocks.subjectKey, subjectKey),
        eq(vettingClocks.period, period),
        inArray(vettingClocks.state, [...LIVE_VETTING_CLOCK_STATES]),
      ),
    )
    .limit(1);
  return row;
}

export async function insertVettingClock(tx: Db, row: typeof vettingClocks.$inferInsert): Promise<VettingClockRow> {
  const [inserted] = await tx.insert(vettingClocks).values(row).returning();
  if (!inserted) throw new Error('vetting clock insert returned nothing');
  return inserted;
}

/** Ends the live clocks of a subject key (all periods, or one), as met or cancelled. Returns the rows ended. */
export async function endLiveVettingClocks(
  tx: Db,
  input: { forceId: string; subjectKey: string; period?: string; state: 'met' | 'cancelled'; on: string },
): Promise<VettingClockRow[]> {
  const conditions = [
    eq(vettingClocks.forceId, input.forceId),
    eq(vettingClocks.subjectKey, input.subjectKey),
    inArray(vettingClocks.state, [...LIVE_VETTING_CLOCK_STATES]),
  ];
  if (input.period) conditions.push(eq(vettingClocks.period, input.period));
  return tx
    .update(vettingClocks)
    .set({ state: input.state, metOn: input.state === 'met' ? input.on : null })
    .where(and(...conditions))
    .returning();
}
