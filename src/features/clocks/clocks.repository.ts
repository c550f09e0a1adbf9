import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { clockEvents, clocks } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';
import { visibleComplaintsSql } from '../../kernel/access/complaints-scope.ts';

/**
 * The only SQL for clocks. Writes take a transaction handle; every READ made on behalf of a user joins
 * `cases c` and applies {@link visibleCasesSql}, so a deadline list can never show (or count) a clock of a
 * case the user may not see. The sweeper's reads are system reads (no principal) and lock what they act on.
 */

export type ClockRow = typeof clocks.$inferSelect;
export type NewClock = typeof clocks.$inferInsert;

/** A clock is live (it can still fall due, go overdue, be met, paused or cancelled) in these states. */
export const ACTIVE_CLOCK_STATES = ['running', 'due', 'overdue'] as const;

/** What makes two clocks "the same clock": one live row per key. */
export type ClockKey = {
  forceId: string;
  caseId: string;
  allegationId: string | null;
  subjectId: string | null;
  period: string;
  sequence: number;
};

/**
 * Serialises starts of the same clock for the rest of the transaction. There is no unique index on the key
 * (a met clock may be started again later), so two concurrent starts are ordered by a transaction-scoped
 * advisory lock on a hash of the key instead; unrelated clocks and the case row are not blocked.
 */
export async function lockClockKey(tx: Db, key: ClockKey): Promise<void> {
  const text = [
    key.forceId,
    key.caseId,
    key.allegationId ?? '-',
    key.subjectId ?? '-',
    key.period,
    String(key.sequence),
  ].join('|');
  await rawRows(tx, sql`select pg_advisory_xact_lock(hashtextextended(${text}, 0))`);
}

export async function findActiveClock(tx: Db, key: ClockKey): Promise<ClockRow | undefined> {
  const [row] = await tx
    .select()
    .from(clocks)
    .where(
      and(
        eq(clocks.forceId, key.forceId),
        eq(clocks.caseId, key.caseId),
        sql`${clocks.allegationId} is not distinct from ${key.allegationId}::uuid`,
        sql`${clocks.subjectId} is not distinct from ${key.subjectId}::uuid`,
        eq(clocks.period, key.period),
        eq(clocks.sequence, key.sequence),
        inArray(clocks.state, [...ACTIVE_CLOCK_STATES]),
      ),
    )
    .limit(1);
  return row;
}

export async function insertClock(tx: Db, values: NewClock): Promise<ClockRow> {
  const [row] = await tx.insert(clocks).values(values).returning();
  if (!row) throw new Error('insert clocks returned nothing');
  return row;
}

/** Live clocks of a case, locked for the rest of the transaction; narrowed to one allegation and/or period when given. */
export async function lockActiveClocksOfCase(
  tx: Db,
  filter: { forceId: string; caseId: string; allegationId?: string | null; period?: string },
): Promise<ClockRow[]> {
  const conditions = [
    eq(clocks.forceId, filter.forceId),
    eq(clocks.caseId, filter.caseId),
    inArray(clocks.state, [...ACTIVE_CLOCK_STATES]),
  ];
  if (filter.allegationId !== undefined)
    conditions.push(sql`${clocks.allegationId} is not distinct from ${filter.allegationId}::uuid`);
  if (filter.period !== undefined) conditions.push(eq(clocks.period, filter.period));
  return tx
    .select()
    .from(clocks)
    .where(and(...conditions))
    .orderBy(clocks.dueOn, clocks.id)
    .for('update');
}

export async function insertClockEvent(tx: Db, values: typeof clockEvents.$inferInsert): Promise<void> {
  await tx.insert(clockEvents).values(values);
}

export async function updateClock(tx: Db, forceId: string, id: string, values: Partial<NewClock>): Promise<void> {
  await tx
    .update(clocks)
    .set(values)
    .where(and(eq(clocks.forceId, forceId), eq(clocks.id, id)));
}

/** Closed sub judice windows recorded on the case's criminal proceedings (an open-ended one has no length yet). */
export async function subJudiceWindowsOfCase(
  tx: Db,
  forceId: string,
  caseId: string,
): Promise<{ from: IsoDate; to: IsoDate }[]> {
  return rawRows<{ from: IsoDate; to: IsoDate }>(
    tx,
    sql`select cp.sub_judice_from::text as "from", cp.sub_judice_to::text as "to" from criminal_proceedings cp
      where cp.force_id = ${forceId} and cp.case_id = ${caseId}::uuid
        and cp.sub_judice_from is not null and cp.sub_judice_to is not null and cp.sub_judice_to >= cp.sub_judice_from
      order by cp.sub_judice_from`,
  );
}

/**
 * Every clock of one case (all states), soonest due first, for the case page. The CALLER must already have
 * found the case through the need-to-know scope (view-case does, with findVisibleCase in the same
 * transaction): this read is keyed by the case, not by a principal.
 */
export async function clocksOfCase(db: Db, forceId: string, caseId: string): Promise<ClockRow[]> {
  return db
    .select()
    .from(clocks)
    .where(and(eq(clocks.forceId, forceId), eq(clocks.caseId, caseId)))
    .orderBy(clocks.dueOn, clocks.period, clocks.sequence);
}

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
      where ((k.state = 'running' and k.due_on <= ${today}::date) or (k.state = 'due' and k.due_on < ${today}::date))
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

export type DeadlineRow = {
  /** A clock of a conduct case (`clocks`) or of a public complaint (`complaint_clocks`, features/complaints). */
  kind: 'case' | 'complaint';
  clock_id: string;
  /** The case's id, or the complaint's id when kind is 'complaint'. */
  record_id: string;
  reference: string;
  period: string;
  sequence: number;
  state: string;
  started_on: IsoDate;
  due_on: IsoDate;
  paused_days: number;
  owner_user_id: string | null;
  owner_name: string | null;
};

export type DeadlineFilter = {
  /** Windows that ended before this day are left out; "overdue" is before this day. */
  today: IsoDate;
  /** Only the signed-in user's deadlines ("mine", see {@link deadlineConditions}). */
  mine?: boolean;
  /** Only this user's deadlines, by the same definition of "mine" (the caseload counts each lead's). */
  mineOf?: string;
  /** Only clocks of cases with no lead investigator (the caseload's unallocated row). */
  unallocated?: boolean;
  /** Only overdue clocks (see {@link deadlineConditions}). */
  overdue?: boolean;
  dueOnOrBefore?: IsoDate;
  dueAfter?: IsoDate;
};

const windowList = () =>
  sql.join(
    [...WINDOW_PERIODS].map((p) => sql`${p}`),
    sql`, `,
  );

/**
 * THE definitions behind every deadline list and count (issue 17: the caseload page, "my deadlines" and the
 * force's overdue list read 122, 59 and 42 for the same investigator). One place, used by
 * {@link listVisibleDeadlines} and {@link countVisibleDeadlines}:
 * - a DEADLINE is a live clock (running, due or overdue: not paused, met, stopped, superseded or cancelled)
 *   of a case the principal may see; a window (the officer's own time, a warning in force) whose end has
 *   passed is nobody's deadline, even before the sweeper has marked it;
 * - OVERDUE: its due date is before today (the UK day), whatever the case's status (a closed case's
 *   barred list return is still a duty) and whatever state the sweeper has stored so far;
 * - MINE: the clock is on a case the user leads now, or the user owns the clock.
 * Complaint clocks (issue 16) follow the same rules in {@link complaintDeadlineConditions}.
 */
function deadlineConditions(principal: Principal, f: DeadlineFilter) {
  const parts = [
    sql`k.force_id = ${principal.forceId}`,
    sql`k.state in ('running', 'due', 'overdue')`,
    sql`not (k.period in (${windowList()}) and k.due_on < ${f.today}::date)`,
  ];
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
  if (f.overdue) parts.push(sql`k.due_on < ${f.today}::date`);
  if (f.dueOnOrBefore !== undefined) parts.push(sql`k.due_on <= ${f.dueOnOrBefore}::date`);
  if (f.dueAfter !== undefined) parts.push(sql`k.due_on > ${f.dueAfter}::date`);
  return sql.join(parts, sql` and `);
}

/**
 * The same definitions for a complaint's clock (`complaint_clocks q` of a complaint `c` the principal may
 * read: {@link visibleComplaintsSql}). A complaint clock is live only while `running` (the sweeper records it
 * due and overdue by stamps, leaving it running: complaints/sweep-complaint-clocks.ts), so OVERDUE is again "running and due before
 * today". MINE: a complaint has no owner or lead, so on the user's own list ("Your deadlines") every
 * complaint clock the user may read is theirs, while a count for ANOTHER user (the caseload's per-lead and
 * unallocated rows, which are about conduct cases) has none.
 */
function complaintDeadlineConditions(principal: Principal, f: DeadlineFilter) {
  if (f.mineOf !== undefined || f.unallocated) return sql`false`;
  const parts = [
    sql`q.force_id = ${principal.forceId}`,
    sql`q.state = 'running'`,
    sql`not (q.period in (${windowList()}) and q.due_on < ${f.today}::date)`,
  ];
  if (f.overdue) parts.push(sql`q.due_on < ${f.today}::date`);
  if (f.dueOnOrBefore !== undefined) parts.push(sql`q.due_on <= ${f.dueOnOrBefore}::date`);
  if (f.dueAfter !== undefined) parts.push(sql`q.due_on > ${f.dueAfter}::date`);
  return sql.join(parts, sql` and `);
}

/**
 * Live clocks of cases and of complaints the principal may see, soonest first, in one statement (a UNION of
 * the two tables). The need-to-know WHERE clause of each resource is always applied.
 */
export async function listVisibleDeadlines(
  db: Db,
  principal: Principal,
  f: DeadlineFilter & { limit: number },
): Promise<DeadlineRow[]> {
  return rawRows<DeadlineRow>(
    db,
    sql`select * from (
      (select 'case' as kind, k.id as clock_id, k.case_id as record_id, c.reference, k.period, k.sequence, k.state,
        k.started_on::text as started_on, k.due_on::text as due_on, k.paused_days, k.owner_user_id, u.display_name as owner_name
      from clocks k
      -- Each clock's case, checked against need-to-know, by key: the clocks are read in due-date order from
      -- clocks_live_due_idx and reading stops when the page is full (offset 0 keeps the planner from turning
      -- this into a join that sorts every live clock of the force first).
      cross join lateral (select c.reference from cases c where c.force_id = k.force_id and c.id = k.case_id and ${visibleCasesSql(principal)} offset 0) c
      left join users u on u.id = k.owner_user_id
      where ${deadlineConditions(principal, f)}
      order by k.due_on, c.reference, k.period, k.sequence
      limit ${f.limit})
      union all
      (select 'complaint' as kind, q.id as clock_id, q.complaint_id as record_id, c.reference, q.period, q.sequence, q.state,
        q.started_on::text as started_on, q.due_on::text as due_on, 0 as paused_days, null::uuid as owner_user_id, null::text as owner_name
      from complaint_clocks q
      join complaints c on c.force_id = q.force_id and c.id = q.complaint_id and ${visibleComplaintsSql(principal)}
      where ${complaintDeadlineConditions(principal, f)}
      order by q.due_on, c.reference, q.period, q.sequence
      limit ${f.limit})
    ) d
    order by d.due_on, d.reference, d.period, d.sequence
    limit ${f.limit}`,
  );
}

/** How many deadlines {@link listVisibleDeadlines} would list without a limit: the same conditions, counted. */
export async function countVisibleDeadlines(db: Db, principal: Principal, f: DeadlineFilter): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select (select count(*) from clocks k
        cross join lateral (select 1 from cases c where c.force_id = k.force_id and c.id = k.case_id and ${visibleCasesSql(principal)} offset 0) c
        where ${deadlineConditions(principal, f)})::int
      + (select count(*) from complaint_clocks q
        join complaints c on c.force_id = q.force_id and c.id = q.complaint_id and ${visibleComplaintsSql(principal)}
        where ${complaintDeadlineConditions(principal, f)})::int as n`,
  );
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
      where k.force_id = ${principal.forceId} and k.case_id = ${caseId}::uuid and k.id = ${clockId}::uuid
        and ${visibleCasesSql(principal)}
      for update of k`,
  );
  if (!row) return undefined;
  const [clock] = await tx
    .select()
    .from(clocks)
    .where(and(eq(clocks.forceId, principal.forceId), eq(clocks.id, row.id)));
  return clock;
}

export type ClockEventRow = {
  id: string;
  clockId: string;
  period: string;
  allegationId: string | null;
  subjectId: string | null;
  kind: string;
  reason: string;
  previousDueOn: IsoDate;
  newDueOn: IsoDate | null;
  occurredOn: IsoDate;
  recordedAt: Date;
  actor: string | null;
};

/** What was done to the clocks of one case, newest first (the case timeline). The caller found the case in scope. */
export async function clockEventsOfCase(db: Db, forceId: string, caseId: string): Promise<ClockEventRow[]> {
  return rawRows<ClockEventRow>(
    db,
    sql`select e.id, e.clock_id as "clockId", k.period, k.allegation_id as "allegationId", k.subject_id as "subjectId",
        e.kind, e.reason, e.previous_due_on::text as "previousDueOn", e.new_due_on::text as "newDueOn",
        e.occurred_on::text as "occurredOn", e.recorded_at as "recordedAt", u.display_name as actor
      from clock_events e join clocks k on k.force_id = e.force_id and k.id = e.clock_id
      left join users u on u.id = e.actor_user_id
      where e.force_id = ${forceId} and e.case_id = ${caseId}::uuid order by e.recorded_at desc, e.id`,
  );
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
