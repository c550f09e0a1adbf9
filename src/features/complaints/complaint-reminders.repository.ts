import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { handledComplaintsSql } from '../../kernel/access/complaints-scope.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';

/** The reminder pass's SQL for complaint clocks (system reads, no principal; the recipients are checked below). */

export type ComplaintReminderRow = {
  force_id: string;
  clock_id: string;
  complaint_id: string;
  reference: string;
  period: string;
  due_on: IsoDate;
};

/**
 * Running complaint clocks (duty clocks, not the complainant's review window) due on or before
 * `dueOnOrBefore` whose escalation has not yet been recorded, by clock id.
 */
export async function complaintReminderRows(
  db: Db,
  o: { dueOnOrBefore: IsoDate; windows: string[]; afterClockId: string | null; limit: number },
): Promise<ComplaintReminderRow[]> {
  const windows = o.windows.length
    ? sql.join(
        o.windows.map((w) => sql`${w}`),
        sql`, `,
      )
    : sql`''`;
  return rawRows<ComplaintReminderRow>(
    db,
    sql`select k.force_id, k.id as clock_id, k.complaint_id, c.reference, k.period, k.due_on::text as due_on
      from clocks k join complaints c on c.force_id = k.force_id and c.id = k.complaint_id
      where k.owner_kind = 'complaint' and k.state = 'running' and k.due_on <= ${o.dueOnOrBefore}::date
        and k.period not in (${windows})
        and not exists (select 1 from notifications n where n.dedupe_key = 'clock:' || k.id::text || ':escalation')
        ${o.afterClockId ? sql`and k.id > ${o.afterClockId}::uuid` : sql``}
      order by k.id
      limit ${o.limit}`,
  );
}

/**
 * Whether the principal (signed in or not) handles this complaint now ({@link handledComplaintsSql}): may read
 * it as its appropriate authority's function — need-to-know given on it to read it makes nobody answer for it.
 */
export async function complaintHandledBy(db: Db, principal: Principal, forceId: string, complaintId: string) {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select c.id from complaints c where c.force_id = ${forceId} and c.id = ${complaintId}::uuid
      and ${handledComplaintsSql(principal)}`,
  );
  return rows.length === 1;
}
