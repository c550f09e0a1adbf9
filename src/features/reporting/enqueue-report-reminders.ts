import type { Deps } from '../../kernel/deps.ts';
import { formatDate, type IsoDate } from '../../kernel/time/dates.ts';
import { addWorkingDays } from '../../kernel/time/working-days.ts';
import { notifyUsers } from '../notifications/index.ts';
import { reminderStage, type ReminderStage } from '../notifications/index.ts';
import { unitMembersOf } from './reports.repository.ts';
import { reportClockReminderCandidates, type ReportClockReminderCandidate } from './report-clocks.repository.ts';
import { reportPolicy } from './report.policy.ts';

export type ReportReminderResult = { reminders: number; overdue: number; escalations: number };

/**
 * The reminders of the report clocks (acknowledgement, feedback: rows of owner kind 'report' in the one clock
 * store), run by the scheduler after each sweep with the reminder points of the case clocks
 * (PROBITY_REMINDER_WORKING_DAYS, PROBITY_ESCALATION_WORKING_DAYS) and the notifications feature's stages
 * and notices: the report's assignee is told (the whole unit of the force while nobody is assigned, or once
 * the report is past the escalation point). In the app and by e-mail, each (report, clock, stage, recipient)
 * once. The notice says only which limit falls due and when: no kind, no text, and its link leads to the
 * report, which answers 404 to anyone but the unit.
 */
export async function enqueueReportReminders(
  deps: Deps,
  o: { today: IsoDate; batchSize?: number },
): Promise<ReportReminderResult> {
  const { workingDaysBefore, escalationWorkingDays } = deps.config.reminders;
  const calendar = deps.config.rules.calendar;
  const dueOnOrBefore = addWorkingDays(o.today, Math.max(0, ...workingDaysBefore), calendar);
  const result: ReportReminderResult = { reminders: 0, overdue: 0, escalations: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await reportClockReminderCandidates(deps.db, {
      dueOnOrBefore,
      afterClockId: after,
      limit: o.batchSize ?? 200,
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1]?.clock_id ?? null;
    await deps.db.transaction(async (tx) => {
      const members = new Map<string, string[]>();
      for (const clock of batch) {
        const stage = reminderStage(
          { dueOn: clock.due_on, today: o.today, workingDaysBefore, escalationWorkingDays },
          calendar,
        );
        if (!stage) continue;
        const unit =
          members.get(clock.force_id) ??
          (await unitMembersOf(tx, clock.force_id, reportPolicy.assigneeRoles())).map((m) => m.id);
        members.set(clock.force_id, unit);
        const assignee = clock.assigned_to && unit.includes(clock.assigned_to) ? clock.assigned_to : null;
        const to = stage.kind === 'escalation' || !assignee ? unit : [assignee];
        const told = await notifyUsers(tx, deps, to, {
          kind: 'report_clock_due',
          subject: { type: 'confidential_report', id: clock.report_id, reference: 'Confidential report' },
          message: reminderMessage(clock, stage),
          path: `/reports/${clock.report_id}`,
          // The same key as when the clocks were worked out from the report's days: none is sent twice.
          dedupeKey: `report:${clock.report_id}:${clock.period}:${stage.key}`,
        });
        if (told === 0) continue;
        if (stage.kind === 'before') result.reminders += 1;
        else if (stage.kind === 'overdue') result.overdue += 1;
        else result.escalations += 1;
      }
    });
  }
}

function reminderMessage(clock: ReportClockReminderCandidate, stage: ReminderStage): string {
  const what = clock.period === 'report_acknowledgement' ? 'acknowledged' : 'given feedback';
  const report = `The confidential report received on ${formatDate(clock.received_on)} must be ${what} by ${formatDate(clock.due_on)}`;
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
