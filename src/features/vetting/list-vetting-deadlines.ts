import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { toDayNumber } from '../../kernel/time/iso-date.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';
import { isPeriodKey } from '../clocks/index.ts';
import { addCalendarDays } from '../../kernel/time/working-days.ts';
import { listVisibleVettingDeadlines, type VettingDeadlineRow } from './vetting-deadline-list.repository.ts';
import { ukToday } from '../../kernel/time/dates.ts';

export type VettingDeadline = {
  clockId: string;
  personId: string | null;
  personName: string | null;
  period: string;
  periodLabel: string;
  /** 'review:<id>', 'clearance:<id>', 'decision:<id>', 'withdrawal-appeal:<id>'. */
  subjectKey: string;
  /** The page of the thing the clock is about, where it has one. */
  href: string | null;
  /** Someone else's window (the officer's appeal): it ends, it is never overdue. */
  isWindow: boolean;
  state: string;
  startedOn: IsoDate;
  dueOn: IsoDate;
  daysUntilDue: number;
};

export type VettingDeadlines = {
  today: IsoDate;
  overdue: VettingDeadline[];
  dueThisWeek: VettingDeadline[];
  upcoming: VettingDeadline[];
};

const LIST_LIMIT = 1000;
const UPCOMING_LIMIT = 50;

/**
 * The vetting unit's deadlines: reviews due, renewals due, appeal windows ending — overdue, due in the next
 * seven days, and the next 50 after that. Grouped by date rather than stored state, so the list is right
 * before the sweeper has run. Vetting roles only, never the reader's own file; the read is audited.
 */
export async function listVettingDeadlines(
  deps: Deps,
  principal: Principal | null,
  requestId: string | null,
): Promise<VettingDeadlines> {
  authorize(principal, 'vetting.read', 'page');
  const today = ukToday(deps.now());
  const weekEnd = addCalendarDays(today, 6);
  return deps.db.transaction(async (tx) => {
    const soon = await listVisibleVettingDeadlines(tx, principal, { today, dueOnOrBefore: weekEnd, limit: LIST_LIMIT });
    const later = await listVisibleVettingDeadlines(tx, principal, { today, dueAfter: weekEnd, limit: UPCOMING_LIMIT });
    const of = (row: VettingDeadlineRow) => deadlineOf(deps, row, today);
    const result = {
      today,
      overdue: soon.filter((r) => r.due_on < today).map(of),
      dueThisWeek: soon.filter((r) => r.due_on >= today).map(of),
      upcoming: later.map(of),
    };
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_deadlines', id: principal.forceId },
      { type: 'vetting.deadlines_listed', resultCount: soon.length + later.length },
    );
    return result;
  });
}

/** The page of each kind of subject a vetting clock can have (a clearance is shown on its person's page). */
const SUBJECT_PAGES: Record<string, (id: string) => string> = {
  review: (id) => `/vetting/reviews/${id}`,
  decision: (id) => `/vetting/decisions/${id}`,
  'withdrawal-appeal': (id) => `/vetting/withdrawal-appeals/${id}`,
};

function deadlineOf(deps: Deps, row: VettingDeadlineRow, today: IsoDate): VettingDeadline {
  const period = isPeriodKey(row.period) ? deps.config.rules.periods[row.period] : undefined;
  const [kind, id] = row.subject_key.split(':');
  return {
    clockId: row.clock_id,
    personId: row.person_id,
    personName: row.given_name === null ? null : `${row.given_name} ${row.family_name ?? ''}`.trim(),
    period: row.period,
    periodLabel: period?.label ?? row.period,
    subjectKey: row.subject_key,
    href: id ? (SUBJECT_PAGES[kind ?? '']?.(id) ?? null) : null,
    isWindow: isPeriodKey(row.period) && WINDOW_PERIODS.has(row.period),
    state: row.state,
    startedOn: row.started_on,
    dueOn: row.due_on,
    daysUntilDue: toDayNumber(row.due_on) - toDayNumber(today),
  };
}
