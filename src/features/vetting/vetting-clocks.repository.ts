import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { clocks } from '../../db/schema/index.ts';

/** The only SQL that starts and ends vetting clocks: the one clock store's rows of owner kind 'vetting'. */

export type VettingClockRow = typeof clocks.$inferSelect & { ownerKind: 'vetting'; subjectKey: string };
export type NewVettingClock = Pick<
  typeof clocks.$inferInsert,
  'forceId' | 'personId' | 'period' | 'startedOn' | 'dueOn' | 'state' | 'metOn'
> & { subjectKey: string };
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
    .from(clocks)
    .where(
      and(
        eq(clocks.forceId, forceId),
        eq(clocks.ownerKind, 'vetting'),
        eq(clocks.subjectKey, subjectKey),
        eq(clocks.period, period),
        inArray(clocks.state, [...LIVE_VETTING_CLOCK_STATES]),
      ),
    )
    .limit(1);
  return row as VettingClockRow | undefined;
}

export async function insertVettingClock(tx: Db, row: NewVettingClock): Promise<VettingClockRow> {
  const [inserted] = await tx
    .insert(clocks)
    .values({ ...row, ownerKind: 'vetting' })
    .returning();
  if (!inserted) throw new Error('vetting clock insert returned nothing');
  return inserted as VettingClockRow;
}

/** Ends the live clocks of a subject key (all periods, or one), as met or cancelled. Returns the rows ended. */
export async function endLiveVettingClocks(
  tx: Db,
  input: { forceId: string; subjectKey: string; period?: string; state: 'met' | 'cancelled'; on: string },
): Promise<VettingClockRow[]> {
  const conditions = [
    eq(clocks.forceId, input.forceId),
    eq(clocks.ownerKind, 'vetting'),
    eq(clocks.subjectKey, input.subjectKey),
    inArray(clocks.state, [...LIVE_VETTING_CLOCK_STATES]),
  ];
  if (input.period) conditions.push(eq(clocks.period, input.period));
  const rows = await tx
    .update(clocks)
    .set({ state: input.state, metOn: input.state === 'met' ? input.on : null })
    .where(and(...conditions))
    .returning();
  return rows as VettingClockRow[];
}
