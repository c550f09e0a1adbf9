import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { clocks } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import type { ClockRow } from '../clocks/index.ts';
import { liveDeadlineSql, type DeadlineFilter, type DeadlineSource } from '../clocks/index.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

/**
 * A case's clocks as the case's readers see them: the case's part of the deadline lists (features/deadlines
 * unites it with the other owners'), the caseload's counts, and the lock a clock action takes. Every read on
 * behalf of a user joins `cases c` and applies {@link visibleCasesSql}, so a deadline list can never show (or
 * count) a clock of a case the user may not see.
 */

/**
 * The case's meaning of the shared deadline definitions (clocks/deadline-conditions.repository.ts): a live
 * case clock is running, due or overdue, whatever the case's status (a closed case's barred list return is
 * still a duty); MINE: the clock is on a case the user leads now, or the user owns the clock.
 */
function caseDeadlineConditions(principal: Principal, f: DeadlineFilter) {
  const parts = [liveDeadlineSql(principal.forceId, f, ['running', 'due', 'overdue'], 'case')];
  const mineOf = f.mineOf ?? (f.mine ? principal.userId : undefined);
  // Found from the two indexes first (an OR across the two tables made the planner read every live clock).
  if (mineOf !== undefined)
    parts.push(sql`k.id in (
      select k1.id from clocks k1 join cases c1 on c1.force_id = k1.force_id and c1.id = k1.case_id
        where c1.force_id = ${principal.forceId} and c1.lead_investigator_id = ${mineOf}::uuid
      union all
      select k2.id from clocks k2 where k2.force_id = ${principal.forceId} and k2.owner_user_id = ${mineOf}::uuid)`);
  if (f.unallocated)
    parts.push(
      sql`exists (select 1 from cases c2 where c2.force_id = k.force_id and c2.id = k.case_id and c2.lead_investigator_id is null)`,
    );
  return sql.join(parts, sql` and `);
}

/** Live clocks of the cases the principal may see, soonest first, and their count: the case's deadline source. */
export function caseDeadlineSource(principal: Principal, f: DeadlineFilter & { limit: number }): DeadlineSource {
  return {
    rows: sql`(select 'case' as kind, k.id as clock_id, k.case_id as record_id, null::text as subject_key, c.reference,
        k.period, k.sequence, k.state, k.started_on::text as started_on, k.due_on::text as due_on, k.paused_days,
        k.owner_user_id, u.display_name as owner_name
      from clocks k
      -- Each clock's case, checked against need-to-know, by key: the clocks are read in due-date order from
      -- clocks_live_due_idx and reading stops when the page is full (offset 0 keeps the planner from turning
      -- this into a join that sorts every live clock of the force first).
      cross join lateral (select c.reference from cases c where c.force_id = k.force_id and c.id = k.case_id and ${visibleCasesSql(principal)} offset 0) c
      left join users u on u.id = k.owner_user_id
      where ${caseDeadlineConditions(principal, f)}
      order by k.due_on, c.reference, k.period, k.sequence
      limit ${f.limit})`,
    count: caseDeadlineCountSql(principal, f),
  };
}

function caseDeadlineCountSql(principal: Principal, f: DeadlineFilter) {
  return sql`(select count(*) from clocks k
        cross join lateral (select 1 from cases c where c.force_id = k.force_id and c.id = k.case_id and ${visibleCasesSql(principal)} offset 0) c
        where ${caseDeadlineConditions(principal, f)})::int`;
}

/**
 * How many case deadlines the principal may see by the filter (the caseload's per-lead and unallocated
 * counts): the same number the deadline lists count, as only a case's clocks have a lead or an owner.
 */
export async function countCaseDeadlines(db: Db, principal: Principal, f: DeadlineFilter): Promise<number> {
  const [row] = await rawRows<{ n: number }>(db, sql`select ${caseDeadlineCountSql(principal, f)} as n`);
  return row?.n ?? 0;
}

export async function lockClockOfVisibleCase(
  tx: Db,
  principal: Principal,
  caseId: string,
  clockId: string,
): Promise<ClockRow | undefined> {
  const [row] = await rawRows<{ id: string }>(
    tx,
    sql`select k.id from clocks k join cases c on c.force_id = k.force_id and c.id = k.case_id
      where k.force_id = ${principal.forceId} and k.owner_kind = 'case' and k.case_id = ${caseId}::uuid and k.id = ${clockId}::uuid
        and ${visibleCasesSql(principal)}
      for update of k`,
  );
  if (!row) return undefined;
  const [clock] = await tx
    .select()
    .from(clocks)
    .where(and(eq(clocks.forceId, principal.forceId), eq(clocks.id, row.id)));
  return clock as ClockRow | undefined;
}

/** Marks the open list return of a clock's subject and list as sent (the barred list return's clock met). */
export async function markListReturnSent(
  tx: Db,
  clock: ClockRow,
  list: 'barred' | 'advisory',
  kind: 'initial' | 'further',
  on: IsoDate,
): Promise<string | null> {
  const [row] = await rawRows<{ id: string }>(
    tx,
    sql`update list_returns set submitted_on = ${on}::date
      where id = (select r.id from list_returns r where r.force_id = ${clock.forceId} and r.case_id = ${clock.caseId}::uuid
          and r.list = ${list} and r.kind = ${kind} and r.submitted_on is null
          and r.subject_id = coalesce(${clock.subjectId}::uuid,
            (select a.subject_id from allegations a where a.force_id = ${clock.forceId} and a.id = ${clock.allegationId}::uuid))
        order by r.created_at limit 1)
        and force_id = ${clock.forceId}
      returning id`,
  );
  return row?.id ?? null;
}
