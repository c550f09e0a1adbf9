import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { allegationEvents, allegations } from '../../db/schema/index.ts';
import type { AllegationRow } from './cases.repository.ts';

/** An allegation's steps: the allegation locked and updated, its events written and read, the case timeline. */

export async function findAllegationForUpdate(
  tx: Db,
  forceId: string,
  caseId: string,
  allegationId: string,
): Promise<AllegationRow | undefined> {
  const [row] = await tx
    .select()
    .from(allegations)
    .where(and(eq(allegations.forceId, forceId), eq(allegations.caseId, caseId), eq(allegations.id, allegationId)))
    .for('update');
  return row;
}

export async function updateAllegation(
  tx: Db,
  row: AllegationRow,
  values: { state: string; facts: unknown },
): Promise<void> {
  await tx
    .update(allegations)
    .set({ state: values.state, facts: values.facts, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(allegations.forceId, row.forceId), eq(allegations.id, row.id)));
}

export async function insertAllegationEvent(tx: Db, values: typeof allegationEvents.$inferInsert): Promise<void> {
  await tx.insert(allegationEvents).values(values);
}

/** One allegation's recorded steps, latest event date first (the chronology check reads these). */
export async function allegationStepsOf(tx: Db, forceId: string, allegationId: string) {
  return tx
    .select({
      action: allegationEvents.action,
      occurredOn: allegationEvents.occurredOn,
      details: allegationEvents.details,
    })
    .from(allegationEvents)
    .where(and(eq(allegationEvents.forceId, forceId), eq(allegationEvents.allegationId, allegationId)))
    .orderBy(desc(allegationEvents.occurredOn), desc(allegationEvents.recordedAt));
}

export type TimelineEntry = {
  id: string;
  allegationId: string;
  action: string;
  fromState: string;
  toState: string;
  details: Record<string, unknown>;
  occurredOn: string;
  recordedAt: Date;
  actor: string | null;
};

export async function timelineOf(db: Db, forceId: string, caseId: string): Promise<TimelineEntry[]> {
  return rawRows<TimelineEntry>(
    db,
    sql`select e.id, e.allegation_id as "allegationId", e.action, e.from_state as "fromState", e.to_state as "toState", e.details,
        e.occurred_on::text as "occurredOn", e.recorded_at as "recordedAt", u.display_name as actor
      from allegation_events e left join users u on u.id = e.actor_user_id
      where e.force_id = ${forceId} and e.case_id = ${caseId}::uuid order by e.recorded_at desc, e.id`,
  );
}
