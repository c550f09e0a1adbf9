import { sql } from 'drizzle-orm';
import type { Principal } from '../../kernel/access/principal.ts';
import { liveDeadlineSql, type DeadlineFilter, type DeadlineSource } from '../clocks/index.ts';
import { visibleComplaintsSql } from '../../kernel/access/complaints-scope.ts';

/**
 * A public complaint's part of the deadline lists (features/deadlines): its clocks in the one store (owner
 * kind 'complaint') of a complaint `c` the principal may read ({@link visibleComplaintsSql}). A complaint
 * clock is live only while `running` (the sweeper records it due and overdue by stamps, leaving it running:
 * sweep-complaint-clocks.ts), so OVERDUE is again "running and due before today". MINE: a complaint has no
 * owner or lead, so on the user's own list ("Your deadlines") every complaint clock the user may read is
 * theirs, while a count for ANOTHER user (the caseload's per-lead and unallocated rows, which are about
 * conduct cases) has none.
 */
function complaintDeadlineConditions(principal: Principal, f: DeadlineFilter) {
  if (f.mineOf !== undefined || f.unallocated) return sql`false`;
  return liveDeadlineSql(principal.forceId, f, ['running'], 'complaint');
}

export function complaintDeadlineSource(principal: Principal, f: DeadlineFilter & { limit: number }): DeadlineSource {
  return {
    rows: sql`(select 'complaint' as kind, k.id as clock_id, k.complaint_id as record_id, null::text as subject_key,
        c.reference, k.period, k.sequence, k.state, k.started_on::text as started_on, k.due_on::text as due_on,
        0 as paused_days, null::uuid as owner_user_id, null::text as owner_name
      from clocks k
      join complaints c on c.force_id = k.force_id and c.id = k.complaint_id and ${visibleComplaintsSql(principal)}
      where ${complaintDeadlineConditions(principal, f)}
      order by k.due_on, c.reference, k.period, k.sequence
      limit ${f.limit})`,
    count: sql`(select count(*) from clocks k
        join complaints c on c.force_id = k.force_id and c.id = k.complaint_id and ${visibleComplaintsSql(principal)}
        where ${complaintDeadlineConditions(principal, f)})::int`,
  };
}
