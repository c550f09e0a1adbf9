import type { Db } from '../../db/client.ts';
import type { Deps } from '../../kernel/deps.ts';
import { rolesHolding } from '../../kernel/access/roles.ts';
import { formatDate, type IsoDate } from '../../kernel/time/dates.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';
import { addWorkingDays } from '../../kernel/time/working-days.ts';
import { caseClockReminders } from './case-clock-reminders.ts';
import { notifyUsers } from './notify.ts';
import { activeAccountsByIds, activeAccountsWithRoles } from './reminder-recipients.repository.ts';
import type { ReminderCandidate, ReminderSource } from './reminder-source.ts';
import { reminderStage, type ReminderStage } from './reminder-stage.ts';

export type ReminderResult = { reminders: number; overdue: number; escalations: number };

/**
 * The reminder pass, run by the scheduler after each sweep over every owner kind it is given (the case
 * clocks by default; the scheduler adds the complaint clocks): every live duty clock at a reminder point
 * today tells those who answer for it in the app and by e-mail; one overdue for longer than the escalation
 * point tells the holders of the source's escalation ability. Every recipient is chosen by ability and then
 * by the record's need-to-know (the source's `mayKnow`), never by a role's name, so nobody is told of a
 * record they may not see. Each (clock, stage, recipient) is sent once — the dedupe keys make a second run,
 * or a second instance, a no-op.
 */
export async function enqueueClockReminders(
  deps: Deps,
  o: { today: IsoDate; batchSize?: number; sources?: readonly ReminderSource[] },
): Promise<ReminderResult> {
  const result: ReminderResult = { reminders: 0, overdue: 0, escalations: 0 };
  for (const source of o.sources ?? [caseClockReminders]) {
    const part = await remindOf(deps, source, o);
    result.reminders += part.reminders;
    result.overdue += part.overdue;
    result.escalations += part.escalations;
  }
  return result;
}

async function remindOf(
  deps: Deps,
  source: ReminderSource,
  o: { today: IsoDate; batchSize?: number },
): Promise<ReminderResult> {
  const { workingDaysBefore, escalationWorkingDays } = deps.config.reminders;
  const calendar = deps.config.rules.calendar;
  const dueOnOrBefore = addWorkingDays(o.today, Math.max(0, ...workingDaysBefore), calendar);
  const result: ReminderResult = { reminders: 0, overdue: 0, escalations: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await source.candidates(deps.db, {
      dueOnOrBefore,
      windows: [...WINDOW_PERIODS],
      afterClockId: after,
      limit: o.batchSize ?? 200,
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1]?.clockId ?? null;
    await deps.db.transaction(async (tx) => {
      for (const clock of batch) {
        const stage = reminderStage(
          { dueOn: clock.dueOn, today: o.today, workingDaysBefore, escalationWorkingDays },
          calendar,
        );
        if (!stage) continue;
        const to = await recipientsOf(tx, source, clock, stage.kind === 'escalation');
        const told = await notifyUsers(tx, deps, to, {
          kind: source.noticeKind(clock, stage),
          subject: clock.subject,
          message: reminderMessage(clock, source.periodLabel(clock.period), stage),
          path: clock.path,
          dedupeKey: `clock:${clock.clockId}:${stage.key}`,
        });
        if (told === 0) continue;
        if (stage.kind === 'before') result.reminders += 1;
        else if (stage.kind === 'overdue') result.overdue += 1;
        else result.escalations += 1;
      }
    });
  }
}

/**
 * Who is told of a clock: on escalation the force's holders of the escalation ability; otherwise those the
 * source names, while they hold the reading ability (or, when it names nobody, every holder of it); in each
 * case only those the record's need-to-know lets see it now.
 */
async function recipientsOf(tx: Db, source: ReminderSource, clock: ReminderCandidate, escalate: boolean) {
  const accounts = escalate
    ? await activeAccountsWithRoles(tx, clock.forceId, rolesHolding(source.escalationAbility))
    : clock.responsibleUserIds === null
      ? await activeAccountsWithRoles(tx, clock.forceId, rolesHolding(source.responsibleAbility))
      : (await activeAccountsByIds(tx, clock.forceId, clock.responsibleUserIds)).filter((a) =>
          rolesHolding(source.responsibleAbility).includes(a.role),
        );
  if (accounts.length === 0) return [];
  const known = await source.mayKnow(tx, clock, accounts);
  return accounts.filter((a) => known.has(a.userId)).map((a) => a.userId);
}

function reminderMessage(clock: ReminderCandidate, label: string, stage: ReminderStage): string {
  const ref = clock.subject.reference;
  const due = formatDate(clock.dueOn);
  const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;
  switch (stage.kind) {
    case 'before':
      return stage.workingDays === 0
        ? `${ref}: “${label}” is due today (${due}).`
        : `${ref}: “${label}” is due on ${due}, within ${days(stage.workingDays)}.`;
    case 'overdue':
      return `${ref}: “${label}” was due on ${due} and is overdue by ${days(stage.workingDaysOverdue)}.`;
    case 'escalation':
      return `${ref}: “${label}” was due on ${due} and is overdue by ${days(stage.workingDaysOverdue)}. Escalated to the appropriate authority.`;
  }
}
