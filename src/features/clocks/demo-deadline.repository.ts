import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';

/**
 * Demo data only (seed --demo): makes the 12-month report clock of one open case led by the given user fall
 * due today, by moving the case's "came to attention" day to `startedOn` (today less 12 months) and the
 * clock with it — so that on a fresh `npm start` the in-server sweep has a deadline to mark due, then
 * overdue, and a reminder to send. Returns the case reference, or null when no such case exists.
 */
export async function pointDemoReportClockAtToday(
  tx: Db,
  o: { forceId: string; leadUserId: string; today: IsoDate; startedOn: IsoDate },
): Promise<string | null> {
  const [picked] = await rawRows<{ case_id: string; clock_id: string; reference: string }>(
    tx,
    sql`select c.id as case_id, k.id as clock_id, c.reference from cases c
      join clocks k on k.force_id = c.force_id and k.case_id = c.id
      where c.force_id = ${o.forceId} and c.status = 'open' and c.lead_investigator_id = ${o.leadUserId}::uuid
        and k.period = 'pcc_report_first' and k.state = 'running'
      order by c.reference limit 1`,
  );
  if (!picked) return null;
  await tx.execute(
    sql`update cases set came_to_attention_on = ${o.startedOn}::date where force_id = ${o.forceId} and id = ${picked.case_id}::uuid`,
  );
  await tx.execute(
    sql`update clocks set started_on = ${o.startedOn}::date, due_on = ${o.today}::date
      where force_id = ${o.forceId} and id = ${picked.clock_id}::uuid`,
  );
  return picked.reference;
}
