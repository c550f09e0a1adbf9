import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { clocks } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';

/** The sweeper's SQL for complaint clocks (the one store's rows of owner kind 'complaint'): system reads (no principal), locking what they act on. */

export type ComplaintSweepRow = {
  force_id: string;
  id: string;
  complaint_id: string;
  period: string;
  due_on: IsoDate;
  due_notified: boolean;
  overdue_notified: boolean;
};

/**
 * One batch of running complaint clocks the sweep has still to act on, FOR UPDATE SKIP LOCKED (two sweepers
 * split the work): a window whose last day has passed, a clock due today or earlier not yet recorded as due,
 * or one due before today not yet recorded as overdue. Each row acted on leaves the selection.
 */
export async function lockComplaintClocksToSweep(tx: Db, today: IsoDate, limit: number): Promise<ComplaintSweepRow[]> {
  const windows = sql.join(
    [...WINDOW_PERIODS].map((p) => sql`${p}`),
    sql`, `,
  );
  return rawRows<ComplaintSweepRow>(
    tx,
    sql`select q.force_id, q.id, q.complaint_id, q.period, q.due_on::text as due_on,
        q.due_notified_at is not null as due_notified, q.overdue_notified_at is not null as overdue_notified
      from clocks q
      where q.owner_kind = 'complaint' and q.state = 'running' and q.due_on <= ${today}::date
        and (case when q.period in (${windows}) then q.due_on < ${today}::date
          else q.due_notified_at is null or (q.due_on < ${today}::date and q.overdue_notified_at is null) end)
      order by q.due_on, q.force_id, q.id
      limit ${limit}
      for update of q skip locked`,
  );
}

export async function updateSweptComplaintClock(
  tx: Db,
  forceId: string,
  id: string,
  values: Pick<Partial<typeof clocks.$inferInsert>, 'state' | 'metOn' | 'dueNotifiedAt' | 'overdueNotifiedAt'>,
): Promise<void> {
  await tx
    .update(clocks)
    .set(values)
    .where(and(eq(clocks.forceId, forceId), eq(clocks.ownerKind, 'complaint'), eq(clocks.id, id)));
}
