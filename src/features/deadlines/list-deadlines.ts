import type { Deps } from '../../kernel/deps.ts';
import type { ClockOwnerKind } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { deadlinesPolicy } from './deadlines.policy.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import type { DeadlineRow } from '../clocks/index.ts';
import { countVisibleDeadlines, listVisibleDeadlines } from './deadlines.repository.ts';
import { parseIsoDate, toDayNumber } from '../../kernel/time/iso-date.ts';
import type { Confidence } from '../../kernel/time/periods.ts';
import { isPeriodKey } from '../clocks/index.ts';
import { addCalendarDays } from '../../kernel/time/working-days.ts';

/**
 * Deadline lists across every owner of the one clock store. Both read through each owner's need-to-know
 * (deadlines.repository.ts): a clock of a case, a complaint or a vetting file the user may not see is
 * neither listed nor counted. A user may see the lists with `case.read` (case clocks), `complaint.read`
 * (complaint clocks), `vetting.read` (vetting clocks) or `report.read` (confidential reports' clocks), or
 * several (deadlines.policy.ts). Lists are grouped by DATE rather than by
 * the stored state, so they are right even if the sweeper has not yet run today. Each list read is audited
 * as one event (`deadlines.listed`), like every read of case records.
 */

export type Deadline = {
  /** What the clock belongs to: a conduct case, a public complaint, a vetting file or a confidential report. */
  kind: ClockOwnerKind;
  clockId: string;
  /** The case's id and reference; null for a complaint's clock. */
  caseId: string | null;
  caseReference: string | null;
  /** The complaint's id; null for another owner's clock. */
  complaintId: string | null;
  /** The confidential report's id; null for another owner's clock. */
  reportId: string | null;
  /**
   * The case's or the complaint's reference; for a vetting clock the name of the person the file is about;
   * for a confidential report the day it was received ("Confidential report received 2 March 2026").
   */
  reference: string;
  /** Where the record is: /cases/:id, /complaints/:id, /reports/:id, /vetting/reviews/:id or the vetting deadlines. */
  href: string;
  period: string;
  periodLabel: string;
  /** The reference's confidence in the period's default length: V verified, R to be checked; null if unknown. */
  confidence: Confidence | null;
  /** True when configuration replaced the reference's default length. */
  overridden: boolean;
  sequence: number;
  state: string;
  startedOn: IsoDate;
  dueOn: IsoDate;
  pausedDays: number;
  /** Days from today to the due date: 0 due today, negative when overdue. */
  daysUntilDue: number;
  ownerUserId: string | null;
  ownerName: string | null;
};

export type MyDeadlines = {
  today: IsoDate;
  /** How many of the user's deadlines are overdue (the one definition: clocks/deadline-conditions.repository.ts). */
  overdueCount: number;
  overdue: Deadline[];
  dueThisWeek: Deadline[];
  later: Deadline[];
};

const LATER_LIMIT = 20;
const LIST_LIMIT = 1000;

/** The lists are for readers of cases, complaints, vetting files or reports; anyone else is refused (404). */
function authorizeDeadlines(principal: Principal | null): asserts principal is Principal {
  authorize(principal, deadlinesPolicy.readerAbility(principal));
}

/**
 * The deadlines of the signed-in user: clocks they own, or of cases they lead, and the clocks of every
 * complaint and vetting file they may read (neither has an owner), and of the confidential reports they may
 * see that are assigned to them or to nobody. Overdue (due before today),
 * due this week (today to today + 6) and the next 20 after that.
 */
export async function myDeadlines(
  deps: Deps,
  principal: Principal | null,
  options: { today: IsoDate },
  requestId: string | null,
): Promise<MyDeadlines> {
  authorizeDeadlines(principal);
  const today = options.today;
  parseIsoDate(today);
  const weekEnd = addCalendarDays(today, 6);
  const [soon, later, overdueCount] = await Promise.all([
    listVisibleDeadlines(deps.db, principal, {
      today: options.today,
      mine: true,
      dueOnOrBefore: weekEnd,
      limit: LIST_LIMIT,
    }),
    listVisibleDeadlines(deps.db, principal, {
      today: options.today,
      mine: true,
      dueAfter: weekEnd,
      limit: LATER_LIMIT,
    }),
    countVisibleDeadlines(deps.db, principal, { today: options.today, mine: true, overdue: true }),
  ]);
  const toDeadline = (row: DeadlineRow) => deadlineOf(deps, row, today);
  await auditList(deps, principal, requestId, 'mine', soon.length + later.length);
  return {
    today,
    overdueCount,
    overdue: soon.filter((r) => r.due_on < today).map(toDeadline),
    dueThisWeek: soon.filter((r) => r.due_on >= today).map(toDeadline),
    later: later.map(toDeadline),
  };
}

/**
 * Every deadline of the force that is due today or overdue, on cases the principal may see: the oversight
 * list for the appropriate authority, and for an investigator the cases they may see (their need-to-know
 * scope), with the clocks of the complaints, vetting files and confidential reports they may read (for the
 * confidential unit: every report of its force, whoever it is assigned to). Refused (404) to anyone who may
 * read none of them (deadlines.policy.ts).
 */
export async function forceOverdue(
  deps: Deps,
  principal: Principal | null,
  options: { today: IsoDate },
  requestId: string | null,
): Promise<{ today: IsoDate; overdueCount: number; items: Deadline[] }> {
  authorizeDeadlines(principal);
  parseIsoDate(options.today);
  const [rows, overdueCount] = await Promise.all([
    listVisibleDeadlines(deps.db, principal, {
      today: options.today,
      dueOnOrBefore: options.today,
      limit: LIST_LIMIT,
    }),
    countVisibleDeadlines(deps.db, principal, { today: options.today, overdue: true }),
  ]);
  await auditList(deps, principal, requestId, 'force_overdue', rows.length);
  return { today: options.today, overdueCount, items: rows.map((r) => deadlineOf(deps, r, options.today)) };
}

async function auditList(
  deps: Deps,
  principal: Principal,
  requestId: string | null,
  list: 'mine' | 'force_overdue',
  resultCount: number,
): Promise<void> {
  await deps.db.transaction((tx) =>
    recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'deadline-list', id: list },
      { type: 'deadlines.listed', list, resultCount },
    ),
  );
}

/** The page of the record a clock belongs to (a vetting clock's review, or else the vetting deadlines). */
function hrefOf(row: DeadlineRow): string {
  if (row.kind === 'case') return `/cases/${row.record_id}`;
  if (row.kind === 'complaint') return `/complaints/${row.record_id}`;
  if (row.kind === 'report') return `/reports/${row.record_id}`;
  const [file, id] = (row.subject_key ?? '').split(':');
  return file === 'review' && id ? `/vetting/reviews/${id}` : '/vetting/deadlines';
}

function deadlineOf(deps: Deps, row: DeadlineRow, today: IsoDate): Deadline {
  const period = isPeriodKey(row.period) ? deps.config.rules.periods[row.period] : undefined;
  return {
    kind: row.kind,
    clockId: row.clock_id,
    caseId: row.kind === 'case' ? row.record_id : null,
    caseReference: row.kind === 'case' ? row.reference : null,
    complaintId: row.kind === 'complaint' ? row.record_id : null,
    reportId: row.kind === 'report' ? row.record_id : null,
    reference: row.reference,
    href: hrefOf(row),
    period: row.period,
    periodLabel: period?.label ?? row.period,
    confidence: period?.confidence ?? null,
    overridden: period?.overridden ?? false,
    sequence: row.sequence,
    state: row.state,
    startedOn: row.started_on,
    dueOn: row.due_on,
    pausedDays: row.paused_days,
    daysUntilDue: toDayNumber(row.due_on) - toDayNumber(today),
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
  };
}
