import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';

/**
 * The sweeper's SQL for vetting deadlines: its batches of clocks (the one store's rows of owner kind
 * 'vetting') and of clearances expiring and expired. The deadline lists are in
 * vetting-deadline-list.repository.ts. Sweeper batches lock FOR UPDATE SKIP LOCKED so instances split the work.
 */

const windows = () =>
  sql.join(
    [...WINDOW_PERIODS].filter((p) => p.startsWith('vetting_')).map((p) => sql`${p}`),
    sql`, `,
  );

export type VettingSweepRow = {
  force_id: string;
  id: string;
  person_id: string | null;
  period: string;
  state: string;
  due_on: IsoDate;
  due_notified: boolean;
  overdue_notified: boolean;
  is_window: boolean;
};

/**
 * Vetting clocks the sweep must act on: a duty due today or earlier and still running, a duty overdue and
 * only marked due, or a window whose last day has passed. A window on its last day is still open and is
 * not selected (so every row selected leaves the selection once acted on).
 */
export async function lockVettingClocksToSweep(tx: Db, today: IsoDate, limit: number): Promise<VettingSweepRow[]> {
  return rawRows<VettingSweepRow>(
    tx,
    sql`select k.force_id, k.id, k.person_id, k.period, k.state, k.due_on::text as due_on,
        k.due_notified_at is not null as due_notified, k.overdue_notified_at is not null as overdue_notified,
        k.period in (${windows()}) as is_window
      from clocks k
      where k.owner_kind = 'vetting' and ((k.period in (${windows()}) and k.state in ('running', 'due', 'overdue') and k.due_on < ${today}::date)
         or (k.period not in (${windows()}) and ((k.state = 'running' and k.due_on <= ${today}::date) or (k.state = 'due' and k.due_on < ${today}::date))))
      order by k.due_on, k.force_id, k.id
      limit ${limit}
      for update of k skip locked`,
  );
}

export async function setVettingClockState(
  tx: Db,
  row: { force_id: string; id: string },
  set: { state: 'due' | 'overdue' | 'met'; metOn?: IsoDate; dueNotifiedAt?: Date; overdueNotifiedAt?: Date },
): Promise<void> {
  await tx.execute(
    sql`update clocks set state = ${set.state},
        met_on = coalesce(${set.metOn ?? null}::date, met_on),
        due_notified_at = coalesce(${set.dueNotifiedAt?.toISOString() ?? null}::timestamptz, due_notified_at),
        overdue_notified_at = coalesce(${set.overdueNotifiedAt?.toISOString() ?? null}::timestamptz, overdue_notified_at)
      where force_id = ${row.force_id} and owner_kind = 'vetting' and id = ${row.id}::uuid`,
  );
}

export type ClearanceSweepRow = {
  force_id: string;
  id: string;
  person_id: string;
  expires_on: IsoDate;
  version: number;
};

/** Active clearances of current people expiring on or before `until` that have no renewal review for this expiry yet. */
export async function lockClearancesNeedingRenewalReview(
  tx: Db,
  until: IsoDate,
  limit: number,
): Promise<ClearanceSweepRow[]> {
  return rawRows<ClearanceSweepRow>(
    tx,
    sql`select v.force_id, v.id, v.person_id, v.expires_on::text as expires_on, v.version
      from vetting_clearances v
      where v.status = 'active' and v.expires_on <= ${until}::date
        and exists (select 1 from people p where p.force_id = v.force_id and p.id = v.person_id and p.status = 'current')
        and not exists (select 1 from vetting_reviews r where r.force_id = v.force_id and r.person_id = v.person_id
          and r.trigger = 'renewal' and r.source_key = 'clearance:' || v.id::text || ':' || v.expires_on::text)
      order by v.expires_on, v.force_id, v.id
      limit ${limit}
      for update of v skip locked`,
  );
}

/** Active clearances whose last day has passed. */
export async function lockExpiredClearances(tx: Db, today: IsoDate, limit: number): Promise<ClearanceSweepRow[]> {
  return rawRows<ClearanceSweepRow>(
    tx,
    sql`select v.force_id, v.id, v.person_id, v.expires_on::text as expires_on, v.version
      from vetting_clearances v
      where v.status = 'active' and v.expires_on < ${today}::date
      order by v.expires_on, v.force_id, v.id
      limit ${limit}
      for update of v skip locked`,
  );
}

export async function markClearanceExpired(tx: Db, row: ClearanceSweepRow): Promise<void> {
  await tx.execute(
    sql`update vetting_clearances set status = 'expired', ended_on = ${row.expires_on}::date, ended_reason = 'Expired', version = ${row.version + 1}
      where force_id = ${row.force_id} and id = ${row.id}::uuid`,
  );
}
