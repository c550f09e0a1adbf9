import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { can, type Principal } from '../../kernel/access/principal.ts';
import { liveDeadlineSql, type DeadlineFilter, type DeadlineSource } from '../clocks/index.ts';
import { visibleVettingSql } from '../../kernel/access/vetting-scope.ts';

/**
 * Vetting's clocks as their readers see them (the one store's rows of owner kind 'vetting'): the vetting
 * unit's own deadline list and vetting's part of the cross-owner deadline lists (features/deadlines). Both
 * apply the vetting need-to-know ({@link visibleVettingSql}): vetting roles only ('vetting.read'), own force,
 * never the reader's own file — so a case officer or a complaints handler never sees a vetting clock.
 */

const LIVE = ['running', 'due', 'overdue'] as const;

/**
 * Vetting's meaning of the shared deadline definitions: a live vetting clock is running, due or overdue.
 * MINE: a vetting file has no owner, so on the user's own list every vetting clock they may see is theirs,
 * while a count for ANOTHER user (the caseload's rows, about conduct cases) has none.
 */
function vettingDeadlineConditions(principal: Principal, f: DeadlineFilter) {
  if (!can(principal, 'vetting.read') || f.mineOf !== undefined || f.unallocated) return sql`false`;
  return sql`${liveDeadlineSql(principal.forceId, f, LIVE, 'vetting')}
    and ${visibleVettingSql(principal, sql`k.force_id`, sql`k.person_id`)}`;
}

export function vettingDeadlineSource(principal: Principal, f: DeadlineFilter & { limit: number }): DeadlineSource {
  return {
    rows: sql`(select 'vetting' as kind, k.id as clock_id, k.person_id as record_id, k.subject_key,
        coalesce(trim(p.given_name || ' ' || coalesce(p.family_name, '')), 'Vetting file') as reference,
        k.period, k.sequence, k.state, k.started_on::text as started_on, k.due_on::text as due_on,
        0 as paused_days, null::uuid as owner_user_id, null::text as owner_name
      from clocks k
      left join people p on p.force_id = k.force_id and p.id = k.person_id
      where ${vettingDeadlineConditions(principal, f)}
      order by k.due_on, p.family_name, p.given_name, k.period, k.id
      limit ${f.limit})`,
    count: sql`(select count(*) from clocks k where ${vettingDeadlineConditions(principal, f)})::int`,
  };
}

export type VettingDeadlineRow = {
  clock_id: string;
  person_id: string | null;
  given_name: string | null;
  family_name: string | null;
  subject_key: string;
  period: string;
  state: string;
  started_on: IsoDate;
  due_on: IsoDate;
};

/** Live vetting clocks the principal may see (vetting scope), by due date; windows already ended are left out. */
export async function listVisibleVettingDeadlines(
  db: Db,
  principal: Principal,
  f: { today: IsoDate; dueOnOrBefore?: IsoDate; dueAfter?: IsoDate; limit: number },
): Promise<VettingDeadlineRow[]> {
  const parts = [
    liveDeadlineSql(principal.forceId, f, LIVE, 'vetting'),
    visibleVettingSql(principal, sql`k.force_id`, sql`k.person_id`),
  ];
  return rawRows<VettingDeadlineRow>(
    db,
    sql`select k.id as clock_id, k.person_id, p.given_name, p.family_name, k.subject_key, k.period, k.state,
        k.started_on::text as started_on, k.due_on::text as due_on
      from clocks k
      left join people p on p.force_id = k.force_id and p.id = k.person_id
      where ${sql.join(parts, sql` and `)}
      order by k.due_on, p.family_name, p.given_name, k.period, k.id
      limit ${f.limit}`,
  );
}
