import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { clockEvents, clocks } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';

/**
 * The SQL for a case's clocks in the one clock store (`clocks`, owner kind 'case'). Writes take a transaction
 * handle; reads here are keyed by a case the CALLER has already found through the case's need-to-know scope
 * (misconduct), so this module knows no owner's scope. Other owners' clocks (vetting, complaints) are read
 * and written by their own features' repositories, always filtered by their owner column; the sweeper's
 * batches are in clock-sweep.repository.ts and the deadline conditions in deadline-conditions.repository.ts.
 */

/** Any row of the store, whatever it belongs to. */
export type StoredClockRow = typeof clocks.$inferSelect;
/** A case's clock: owner kind 'case', so its case and regime are set (clocks_owner_check). */
export type ClockRow = StoredClockRow & { ownerKind: 'case'; caseId: string; regimeVersion: string };
export type NewClock = Omit<typeof clocks.$inferInsert, 'ownerKind' | 'caseId' | 'regimeVersion'> & {
  caseId: string;
  regimeVersion: string;
};

/** A clock is live (it can still fall due, go overdue, be met, paused or cancelled) in these states. */
export const ACTIVE_CLOCK_STATES = ['running', 'due', 'overdue'] as const;

/** What makes two clocks "the same clock": one live row per key. */
export type ClockKey = {
  forceId: string;
  caseId: string;
  allegationId: string | null;
  subjectId: string | null;
  period: string;
  sequence: number;
  /** A restriction's own clock (several restrictions of one subject may run at once); null otherwise. */
  restrictionId?: string | null;
};

/**
 * Serialises starts of the same clock for the rest of the transaction. There is no unique index on the key
 * (a met clock may be started again later), so two concurrent starts are ordered by a transaction-scoped
 * advisory lock on a hash of the key instead; unrelated clocks and the case row are not blocked.
 */
export async function lockClockKey(tx: Db, key: ClockKey): Promise<void> {
  const text = [
    key.forceId,
    key.caseId,
    key.allegationId ?? '-',
    key.subjectId ?? '-',
    key.period,
    String(key.sequence),
    ...(key.restrictionId ? [key.restrictionId] : []),
  ].join('|');
  await rawRows(tx, sql`select pg_advisory_xact_lock(hashtextextended(${text}, 0))`);
}

export async function findActiveClock(tx: Db, key: ClockKey): Promise<ClockRow | undefined> {
  const [row] = await tx
    .select()
    .from(clocks)
    .where(
      and(
        eq(clocks.forceId, key.forceId),
        eq(clocks.ownerKind, 'case'),
        eq(clocks.caseId, key.caseId),
        sql`${clocks.allegationId} is not distinct from ${key.allegationId}::uuid`,
        sql`${clocks.subjectId} is not distinct from ${key.subjectId}::uuid`,
        sql`${clocks.restrictionId} is not distinct from ${key.restrictionId ?? null}::uuid`,
        eq(clocks.period, key.period),
        eq(clocks.sequence, key.sequence),
        inArray(clocks.state, [...ACTIVE_CLOCK_STATES]),
      ),
    )
    .limit(1);
  return row as ClockRow | undefined;
}

export async function insertClock(tx: Db, values: NewClock): Promise<ClockRow> {
  const [row] = await tx
    .insert(clocks)
    .values({ ...values, ownerKind: 'case' })
    .returning();
  if (!row) throw new Error('insert clocks returned nothing');
  return row as ClockRow;
}

/** Live clocks of a case, locked for the rest of the transaction; narrowed to one allegation and/or period when given. */
export async function lockActiveClocksOfCase(
  tx: Db,
  filter: { forceId: string; caseId: string; allegationId?: string | null; period?: string },
): Promise<ClockRow[]> {
  const conditions = [
    eq(clocks.forceId, filter.forceId),
    eq(clocks.ownerKind, 'case'),
    eq(clocks.caseId, filter.caseId),
    inArray(clocks.state, [...ACTIVE_CLOCK_STATES]),
  ];
  if (filter.allegationId !== undefined)
    conditions.push(sql`${clocks.allegationId} is not distinct from ${filter.allegationId}::uuid`);
  if (filter.period !== undefined) conditions.push(eq(clocks.period, filter.period));
  const rows = await tx
    .select()
    .from(clocks)
    .where(and(...conditions))
    .orderBy(clocks.dueOn, clocks.id)
    .for('update');
  return rows as ClockRow[];
}

export async function insertClockEvent(tx: Db, values: typeof clockEvents.$inferInsert): Promise<void> {
  await tx.insert(clockEvents).values(values);
}

/** Changes one clock of the store by its key (any owner: the sweeper and the case's actions use it). */
export async function updateClock(
  tx: Db,
  forceId: string,
  id: string,
  values: Partial<Omit<NewClock, 'caseId' | 'regimeVersion'>>,
): Promise<void> {
  await tx
    .update(clocks)
    .set(values)
    .where(and(eq(clocks.forceId, forceId), eq(clocks.id, id)));
}

/** Closed sub judice windows recorded on the case's criminal proceedings (an open-ended one has no length yet). */
export async function subJudiceWindowsOfCase(
  tx: Db,
  forceId: string,
  caseId: string,
): Promise<{ from: IsoDate; to: IsoDate }[]> {
  return rawRows<{ from: IsoDate; to: IsoDate }>(
    tx,
    sql`select cp.sub_judice_from::text as "from", cp.sub_judice_to::text as "to" from criminal_proceedings cp
      where cp.force_id = ${forceId} and cp.case_id = ${caseId}::uuid
        and cp.sub_judice_from is not null and cp.sub_judice_to is not null and cp.sub_judice_to >= cp.sub_judice_from
      order by cp.sub_judice_from`,
  );
}

/**
 * Every clock of one case (all states), soonest due first, for the case page. The CALLER must already have
 * found the case through the need-to-know scope (view-case does, with findVisibleCase in the same
 * transaction): this read is keyed by the case, not by a principal.
 */
export async function clocksOfCase(db: Db, forceId: string, caseId: string): Promise<ClockRow[]> {
  const rows = await db
    .select()
    .from(clocks)
    .where(and(eq(clocks.forceId, forceId), eq(clocks.ownerKind, 'case'), eq(clocks.caseId, caseId)))
    .orderBy(clocks.dueOn, clocks.period, clocks.sequence);
  return rows as ClockRow[];
}

export type ClockEventRow = {
  id: string;
  clockId: string;
  period: string;
  allegationId: string | null;
  subjectId: string | null;
  kind: string;
  reason: string;
  previousDueOn: IsoDate;
  newDueOn: IsoDate | null;
  occurredOn: IsoDate;
  recordedAt: Date;
  actor: string | null;
};

/** What was done to the clocks of one case, newest first (the case timeline). The caller found the case in scope. */
export async function clockEventsOfCase(db: Db, forceId: string, caseId: string): Promise<ClockEventRow[]> {
  return rawRows<ClockEventRow>(
    db,
    sql`select e.id, e.clock_id as "clockId", k.period, k.allegation_id as "allegationId", k.subject_id as "subjectId",
        e.kind, e.reason, e.previous_due_on::text as "previousDueOn", e.new_due_on::text as "newDueOn",
        e.occurred_on::text as "occurredOn", e.recorded_at as "recordedAt", u.display_name as actor
      from clock_events e join clocks k on k.force_id = e.force_id and k.id = e.clock_id
      left join users u on u.id = e.actor_user_id
      where e.force_id = ${forceId} and e.case_id = ${caseId}::uuid order by e.recorded_at desc, e.id`,
  );
}
