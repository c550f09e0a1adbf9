import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { clocks } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { liveDeadlineSql, type DeadlineFilter, type DeadlineSource } from '../clocks/index.ts';
import { visibleReportsSql } from './reports.repository.ts';
import { CLOSED_STATUSES } from './report-rules.ts';
import type { PlannedReportClock, ReportClockKey } from './rules/report-clocks.ts';

/**
 * A confidential report's clocks in the one clock store (owner kind 'report', column `report_id`): written
 * when the report is received and met by the unit's steps (report-clock-steps.ts), read by the inbox, the
 * report page, the reminders and — through {@link reportDeadlineSource} — the cross-owner deadline lists.
 * A report clock is live only while `running` (nothing sweeps it: the lists judge "overdue" by its date and
 * the reminder pass tells the unit).
 */

export type StoredReportClock = {
  id: string;
  reportId: string;
  period: ReportClockKey;
  startedOn: IsoDate;
  dueOn: IsoDate;
  state: string;
  metOn: IsoDate | null;
};

const columns = {
  id: clocks.id,
  reportId: sql<string>`${clocks.reportId}`,
  period: sql<ReportClockKey>`${clocks.period}`,
  startedOn: clocks.startedOn,
  dueOn: clocks.dueOn,
  state: clocks.state,
  metOn: clocks.metOn,
};

export async function insertReportClocks(
  db: Db,
  forceId: string,
  reportId: string,
  planned: readonly PlannedReportClock[],
): Promise<void> {
  await db
    .insert(clocks)
    .values(planned.map((c) => ({ forceId, ownerKind: 'report' as const, reportId, ...c, state: 'running' as const })));
}

/** The clocks of some reports of one force (the caller has checked that the reader may see them). */
export async function clocksOfReports(
  db: Db,
  forceId: string,
  reportIds: readonly string[],
): Promise<StoredReportClock[]> {
  if (!reportIds.length) return [];
  return db
    .select(columns)
    .from(clocks)
    .where(and(eq(clocks.forceId, forceId), eq(clocks.ownerKind, 'report'), inArray(clocks.reportId, [...reportIds])))
    .orderBy(asc(clocks.reportId), asc(clocks.dueOn), asc(clocks.period));
}

export async function updateReportClock(
  db: Db,
  forceId: string,
  id: string,
  changes: Partial<Pick<typeof clocks.$inferInsert, 'state' | 'metOn' | 'startedOn' | 'dueOn'>>,
): Promise<void> {
  await db
    .update(clocks)
    .set(changes)
    .where(and(eq(clocks.forceId, forceId), eq(clocks.ownerKind, 'report'), eq(clocks.id, id)));
}

export type ReportClockReminderCandidate = {
  force_id: string;
  clock_id: string;
  report_id: string;
  received_on: IsoDate;
  assigned_to: string | null;
  period: ReportClockKey;
  due_on: IsoDate;
};

/**
 * Running clocks of open reports of every force due on or before `dueOnOrBefore` whose last stage (the
 * escalation) has not yet been sent, in id order after `afterClockId`: a SYSTEM read for the daily
 * reminders (no principal; nothing but days and ids).
 */
export async function reportClockReminderCandidates(
  db: Db,
  o: { dueOnOrBefore: IsoDate; afterClockId: string | null; limit: number },
): Promise<ReportClockReminderCandidate[]> {
  return rawRows<ReportClockReminderCandidate>(
    db,
    sql`select k.force_id, k.id as clock_id, k.report_id, r.received_on::text as received_on, r.assigned_to,
        k.period, k.due_on::text as due_on
      from clocks k join reports r on r.force_id = k.force_id and r.id = k.report_id
      where k.owner_kind = 'report' and k.state = 'running' and k.due_on <= ${o.dueOnOrBefore}::date
        and r.status not in (${closedList()})
        and not exists (select 1 from notifications n
          where n.dedupe_key = 'report:' || k.report_id::text || ':' || k.period || ':escalation')
        ${o.afterClockId ? sql`and k.id > ${o.afterClockId}::uuid` : sql``}
      order by k.id
      limit ${o.limit}`,
  );
}

function closedList() {
  return sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
}

/**
 * Reporting's meaning of the shared deadline definitions (clocks/deadline-conditions.repository.ts), under
 * the inbox's need-to-know: only a reader of reports (report.policy.ts: the confidential unit), own force
 * only — never a PSD investigator, the appropriate authority or an administrator. A live report clock is
 * running. MINE: the report is assigned to the user, or to nobody (then it is the whole unit's); a count
 * for ANOTHER user (the caseload's rows, about conduct cases) has none.
 */
function reportDeadlineConditions(principal: Principal, f: DeadlineFilter) {
  if (f.mineOf !== undefined || f.unallocated) return sql`false`;
  const mine = f.mine ? sql`and (r.assigned_to = ${principal.userId}::uuid or r.assigned_to is null)` : sql``;
  return sql`${liveDeadlineSql(principal.forceId, f, ['running'], 'report')} ${mine}`;
}

/**
 * A report's part of the deadline lists: its clocks, named as the unit's pages name a report ("Confidential
 * report received 2 March 2026") — never its kind, text or anything about the reporter — linking to the
 * report, which answers 404 to anyone outside the unit.
 */
export function reportDeadlineSource(principal: Principal, f: DeadlineFilter & { limit: number }): DeadlineSource {
  const from = sql`from clocks k
      join reports r on r.force_id = k.force_id and r.id = k.report_id and ${visibleReportsSql(principal)}`;
  return {
    rows: sql`(select 'report' as kind, k.id as clock_id, k.report_id as record_id, null::text as subject_key,
        'Confidential report received ' || to_char(r.received_on, 'FMDD FMMonth YYYY') as reference,
        k.period, k.sequence, k.state, k.started_on::text as started_on, k.due_on::text as due_on,
        0 as paused_days, r.assigned_to as owner_user_id, u.display_name as owner_name
      ${from}
      left join users u on u.id = r.assigned_to and u.force_id = r.force_id
      where ${reportDeadlineConditions(principal, f)}
      order by k.due_on, r.received_on, k.period, k.id
      limit ${f.limit})`,
    count: sql`(select count(*) ${from} where ${reportDeadlineConditions(principal, f)})::int`,
  };
}
