import { PERIOD_DEFINITIONS, type PeriodKey } from '../../kernel/time/periods.ts';
import { caseReminderRows, caseVisibleTo } from './notifications.repository.ts';
import type { ReminderSource } from './reminder-source.ts';

/** The review clocks of a suspension or restriction (restrictions/restriction-clocks.ts). */
const RESTRICTION_REVIEW_PERIODS: ReadonlySet<string> = new Set(['suspension_review', 'restriction_review']);

/** The period's plain-English label from the clock machinery's table, else its key. */
export function periodLabel(period: string): string {
  return period in PERIOD_DEFINITIONS ? PERIOD_DEFINITIONS[period as PeriodKey].label : period;
}

/**
 * The case clocks' part of the reminders: the clock's owner, else the case's lead investigator, answers for
 * it while they may still read cases and see this one (visibleCasesSql: a lead who became a subject or left
 * the force is not told); past the escalation point the force's appropriate authority is told — the holders
 * of `case.allocate` (the appropriate authority's function) who may see the case, so never one who is a
 * subject of it nor, on a restricted case, one who is not named.
 */
export const caseClockReminders: ReminderSource = {
  async candidates(db, o) {
    const rows = await caseReminderRows(db, o);
    return rows.map((r) => ({
      forceId: r.force_id,
      clockId: r.clock_id,
      period: r.period,
      dueOn: r.due_on,
      subject: { type: 'case', id: r.case_id, reference: r.case_reference },
      path: `/cases/${r.case_id}`,
      responsibleUserIds: r.responsible_user_id ? [r.responsible_user_id] : [],
    }));
  },
  responsibleAbility: 'case.read',
  escalationAbility: 'case.allocate',
  async mayKnow(tx, candidate, accounts) {
    const known = new Set<string>();
    for (const a of accounts) {
      if (await caseVisibleTo(tx, a, candidate.forceId, candidate.subject.id)) known.add(a.userId);
    }
    return known;
  },
  noticeKind(candidate, stage) {
    if (stage.kind === 'escalation') return 'clock_escalation';
    // A restriction's review (reg 11 for a suspension) is its own kind of notice, to whoever decided it.
    if (RESTRICTION_REVIEW_PERIODS.has(candidate.period)) return 'restriction_review_due';
    return stage.kind === 'overdue' ? 'clock_overdue' : 'clock_reminder';
  },
  periodLabel,
};
