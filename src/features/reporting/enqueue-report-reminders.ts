import type { Deps } from '../../kernel/deps.ts';
import { formatDate, type IsoDate } from '../../kernel/time/dates.ts';
import { notifyUsers } from '../notifications/index.ts';
import { reminderStage, type ReminderStage } from '../notifications/index.ts';
import { CLOSED_STATUSES } from './report-rules.ts';
import { reminderCandidates, unitMembersOf } from './reports.repository.ts';
import { reportClocks, type ReportClock } from './rules/report-clocks.ts';
import { reportPolicy } from './report.policy.ts';

export type ReportReminderResult = { reminders: number; overdue: number; escalations: number };

/**
 * The reminders of the report clocks (acknowledgement, feedback: rules/report-clocks.ts), run by the
 * scheduler after each sweep with the reminder points of the case clocks (PROBITY_REMINDER_WORKING_DAYS,
 * PROBITY_ESCALATION_WORKING_DAYS): the report's assignee is told (the whole unit of the force while nobody
 * is assigned, or once the report is past the escalation point). In the app and by e-mail, each (report,
 * clock, stage, recipient) once. The notice says only which limit falls due and when: no kind, no text, and
 * its link leads to the report, which answers 404 to anyone but the unit.
 */
export async function enqueueReportReminders(
  deps: Deps,
  o: { today: IsoDate; batchSize?: number },
): Promise<ReportReminderResult> {
  const { workingDaysBefore, escalationWorkingDays } = deps.config.reminders;
  const calendar = deps.config.rules.calendar;
  const result: ReportReminderResult = { reminders: 0, overdue: 0, escalations: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await reminderCandidates(deps.db, {
      afterId: after,
      limit: o.batchSize ?? 200,
      closed: CLOSED_STATUSES,
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1]?.id ?? null;
    await deps.db.transaction(async (tx) => {
      for (const report of batch) {
        const members = (await unitMembersOf(tx, report.forceId, reportPolicy.assigneeRoles())).map((m) => m.id);
        for (const clock of reportClocks(deps.config.rules.periods, report, o.today, calendar)) {
          if (clock.metOn) continue;
          const stage = reminderStage(
            { dueOn: clock.dueOn, today: o.today, workingDaysBefore, escalationWorkingDays },
            calendar,
          );
          if (!stage) continue;
          const assignee = report.assignedTo && members.includes(report.assignedTo) ? report.assignedTo : null;
          const to = stage.kind === 'escalation' || !assignee ? members : [assignee];
          const told = await notifyUsers(tx, deps, to, {
            kind: 'report_clock_due',
            subject: { type: 'confidential_report', id: report.id, reference: 'Confidential report' },
            message: reminderMessage(report.receivedOn, clock, stage),
            path: `/reports/${report.id}`,
            dedupeKey: `report:${report.id}:${clock.period}:${stage.key}`,
          });
          if (told === 0) continue;
          if (stage.kind === 'before') result.reminders += 1;
          else if (stage.kind === 'overdue') result.overdue += 1;
          else result.escalations += 1;
        }
      }
    });
  }
}

function reminderMessage(receivedOn: IsoDate, clock: ReportClock, stage: ReminderStage): string {
  const what = clock.period === 'report_acknowledgement' ? 'acknowledged' : 'given feedback';
  const report = `The confidential report received on ${formatDate(receivedOn)} must be ${what} by ${formatDate(clock.dueOn)}`;
  const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;
  switch (stage.kind) {
    case 'before':
      return stage.workingDays === 0 ? `${report} (today).` : `${report}, within ${days(stage.workingDays)}.`;
    case 'overdue':
      return `${report}: it is overdue by ${days(stage.workingDaysOverdue)}.`;
    case 'escalation':
      return `${report}: it is overdue by ${days(stage.workingDaysOverdue)}. Told to the whole confidential unit.`;
  }
}
