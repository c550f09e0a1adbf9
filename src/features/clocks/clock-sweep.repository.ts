import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';

/**
 * The sweeper's SQL for a case's clocks (owner kind 'case'): system reads with no principal, locking what
 * they act on. Vetting's and complaints' clocks in the same store are swept by their own steps
 * (vetting-deadline-sweep.ts, sweep-complaint-clocks.ts), composed with this one in features/deadlines.
 */

export type SweepRow = {
  force_id: string;
  id: string;
  case_id: string;
  allegation_id: string | null;
  subject_id: string | null;
  period: string;
  sequence: number;
  regime_version: string;
  due_on: IsoDate;
  owner_user_id: string | null;
  state: 'running' | 'due';
  due_notified: boolean;
  overdue_notified: boolean;
  case_open: boolean;
};

/**
 * One batch of clocks the sweep must act on, locked FOR UPDATE SKIP LOCKED: a row another sweeper holds is
 * skipped rather than waited for, so two instances split the work and never act on the same clock. Only
 * the clock rows are locked (`of k`); the case is read for its status.
 */
export async function lockClocksToSweep(tx: Db, today: IsoDate, limit: number): Promise<SweepRow[]> {
  return rawRows<SweepRow>(
    tx,
    sql`select k.force_id, k.id, k.case_id, k.allegation_id, k.subject_id, k.period, k.sequence, k.regime_version,
        k.due_on::text as due_on, k.owner_user_id, k.state,
        k.due_notified_at is not null as due_notified, k.overdue_notified_at is not null as overdue_notified,
        -- The case's status by key for each clock found (a join let the planner hash every case in the database).
        coalesce((select c.status = 'open' from cases c where c.force_id = k.force_id and c.id = k.case_id), false) as case_open
      from clocks k
      where k.owner_kind = 'case'
        and ((k.state = 'running' and k.due_on <= ${today}::date) or (k.state = 'due' and k.due_on < ${today}::date))
        -- A window on its last day is still open: selecting it would select it again forever (the sweep loops until empty).
        and not (k.period in (${sql.join(
          [...WINDOW_PERIODS].map((p) => sql`${p}`),
          sql`, `,
        )}) and k.due_on >= ${today}::date)
      order by k.due_on, k.force_id, k.id
      limit ${limit}
      for update of k skip locked`,
  );
}
