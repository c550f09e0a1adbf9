import { sql, type SQL } from 'drizzle-orm';
import type { ClockOwnerKind } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';

/**
 * THE definitions behind every deadline list and count (issue 17: the caseload page, "my deadlines" and the
 * force's overdue list read 122, 59 and 42 for the same investigator), for a clock `k` of the one store
 * whatever it belongs to. Each owner feature adds its own need-to-know and its own meaning of "mine"
 * (misconduct/case-deadlines.repository.ts, complaints/complaint-deadlines.repository.ts,
 * vetting/vetting-deadline-list.repository.ts); features/deadlines unites them.
 * - a DEADLINE is a live clock (the owner's live states: not paused, met, stopped, superseded or cancelled);
 *   a window (the officer's own time, a warning in force, an appeal window) whose end has passed is nobody's
 *   deadline, even before the sweeper has marked it;
 * - OVERDUE: its due date is before today (the UK day), whatever state the sweeper has stored so far.
 */

export type DeadlineRow = {
  kind: ClockOwnerKind;
  clock_id: string;
  /** The case's or the complaint's id; for a vetting clock the person's (null for a recruit). */
  record_id: string | null;
  /** A vetting clock's file: 'review:<id>', 'clearance:<id>', 'decision:<id>'; null otherwise. */
  subject_key: string | null;
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
  /** Only the signed-in user's deadlines ("mine": each owner kind says what that is). */
  mine?: boolean;
  /** Only this user's deadlines, by the same definition of "mine" (the caseload counts each lead's). */
  mineOf?: string;
  /** Only clocks of cases with no lead investigator (the caseload's unallocated row). */
  unallocated?: boolean;
  /** Only overdue clocks. */
  overdue?: boolean;
  dueOnOrBefore?: IsoDate;
  dueAfter?: IsoDate;
};

/** The window periods, as a SQL list. */
export function windowPeriodsSql(): SQL {
  return sql.join(
    [...WINDOW_PERIODS].map((p) => sql`${p}`),
    sql`, `,
  );
}

/**
 * The conditions every owner shares for its clock `k` (already narrowed to that owner kind by the caller):
 * the force, a live state, a window not yet ended, and the filter's dates.
 */
export function liveDeadlineSql(
  forceId: string,
  f: DeadlineFilter,
  liveStates: readonly string[],
  ownerKind: ClockOwnerKind,
): SQL {
  const parts = [
    sql`k.force_id = ${forceId}`,
    sql`k.owner_kind = ${literal(ownerKind)}`,
    // Literals, not parameters: the planner then uses the partial index of live clocks (clocks_live_due_idx).
    sql`k.state in (${sql.join(liveStates.map(literal), sql`, `)})`,
    sql`not (k.period in (${windowPeriodsSql()}) and k.due_on < ${f.today}::date)`,
  ];
  if (f.overdue) parts.push(sql`k.due_on < ${f.today}::date`);
  if (f.dueOnOrBefore !== undefined) parts.push(sql`k.due_on <= ${f.dueOnOrBefore}::date`);
  if (f.dueAfter !== undefined) parts.push(sql`k.due_on > ${f.dueAfter}::date`);
  return sql.join(parts, sql` and `);
}

/** A constant of the code (a state or an owner kind) as a SQL literal. */
function literal(word: string): SQL {
  if (!/^[a-z_]+$/.test(word)) throw new Error(`Not a clock word: ${word}`);
  return sql.raw(`'${word}'`);
}

/** What an owner feature hands the deadline lists: its rows (a parenthesised select) and their count. */
export type DeadlineSource = { rows: SQL; count: SQL };
