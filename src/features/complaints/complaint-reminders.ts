import { PERIOD_DEFINITIONS, type PeriodKey } from '../../kernel/time/periods.ts';
import type { ReminderSource } from '../notifications/index.ts';
import { complaintReminderRows, complaintHandledBy } from './complaint-reminders.repository.ts';

/**
 * The complaint clocks' part of the reminders (notifications' `enqueueClockReminders`, given this source by
 * the scheduler). A complaint has no single owner: it is the appropriate authority's complaints function's,
 * so those who answer for its clocks are the force's holders of `complaint.decide` who handle it now
 * (complaints-scope.ts `handledComplaintsSql`: never one complained about in it; a complaint about the chief
 * officer is the local policing body's, so only the PCC office's complaints users; need-to-know given on one
 * complaint is to read it, so its holder is not told). Past the escalation point the same function
 * is told again, as escalated. The notice names the complaint's reference and the limit, nothing of its content.
 */
export const complaintClockReminders: ReminderSource = {
  async candidates(db, o) {
    const rows = await complaintReminderRows(db, o);
    return rows.map((r) => ({
      forceId: r.force_id,
      clockId: r.clock_id,
      period: r.period,
      dueOn: r.due_on,
      subject: { type: 'complaint', id: r.complaint_id, reference: r.reference },
      path: `/complaints/${r.complaint_id}`,
      responsibleUserIds: null,
    }));
  },
  responsibleAbility: 'complaint.decide',
  escalationAbility: 'complaint.decide',
  async mayKnow(tx, candidate, accounts) {
    const known = new Set<string>();
    for (const a of accounts) {
      if (await complaintHandledBy(tx, a, candidate.forceId, candidate.subject.id)) known.add(a.userId);
    }
    return known;
  },
  noticeKind(_candidate, stage) {
    if (stage.kind === 'escalation') return 'clock_escalation';
    return stage.kind === 'overdue' ? 'clock_overdue' : 'clock_reminder';
  },
  periodLabel: (period) => (period in PERIOD_DEFINITIONS ? PERIOD_DEFINITIONS[period as PeriodKey].label : period),
};
