import type { Deps } from '../../kernel/deps.ts';
import { formatDate, type IsoDate } from '../../kernel/time/dates.ts';
import { addWorkingDays } from '../../kernel/time/working-days.ts';
import type { Db } from '../../db/client.ts';
import { rolesHolding } from '../../kernel/access/roles.ts';
import { vettingReviewReminderCandidates, vettingReviewVisibleTo } from './notifications.repository.ts';
import { activeAccountsByIds, activeAccountsWithRoles } from './reminder-recipients.repository.ts';
import { notifyUsers } from './notify.ts';
import { reminderStage, type ReminderStage } from './reminder-stage.ts';

export type VettingReviewReminderResult = { reminders: number; overdue: number; escalations: number };

/**
 * Vetting reviews due (opened by a trigger or a renewal: vetting/open-review-for-trigger.ts), run by the
 * scheduler after each sweep with the same reminder points as the case clocks: at each point before the due
 * date and when overdue the review's assignee is told (the force's vetting officers while nobody is
 * assigned); past the escalation point, the force's vetting officers. "Vetting officer" means an active account
 * holding `vetting.decide` (an ability, not a role's name), and nobody is told of a review they may not read
 * (vetting-scope.ts: never a review of their own record). In the app and by e-mail, each
 * (review, stage, recipient) once. The notice names no one: a vetting file is need-to-know, so it says only
 * when the review opened and falls due, and its link leads to the review page, which checks need-to-know.
 */
export async function enqueueVettingReviewReminders(
  deps: Deps,
  o: { today: IsoDate; batchSize?: number },
): Promise<VettingReviewReminderResult> {
  const { workingDaysBefore, escalationWorkingDays } = deps.config.reminders;
  const calendar = deps.config.rules.calendar;
  const dueOnOrBefore = addWorkingDays(o.today, Math.max(0, ...workingDaysBefore), calendar);
  const result: VettingReviewReminderResult = { reminders: 0, overdue: 0, escalations: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await vettingReviewReminderCandidates(deps.db, {
      dueOnOrBefore,
      afterReviewId: after,
      limit: o.batchSize ?? 200,
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1]?.review_id ?? null;
    await deps.db.transaction(async (tx) => {
      for (const review of batch) {
        const stage = reminderStage(
          { dueOn: review.due_on, today: o.today, workingDaysBefore, escalationWorkingDays },
          calendar,
        );
        if (!stage) continue;
        const to = await reviewRecipients(tx, review, stage.kind === 'escalation');
        const told = await notifyUsers(tx, deps, to, {
          kind: 'vetting_review_due',
          subject: { type: 'vetting_review', id: review.review_id, reference: 'Vetting review' },
          message: vettingReviewMessage(review.opened_on, review.due_on, stage),
          path: `/vetting/reviews/${review.review_id}`,
          dedupeKey: `vetting-review:${review.review_id}:${stage.key}`,
        });
        if (told === 0) continue;
        if (stage.kind === 'before') result.reminders += 1;
        else if (stage.kind === 'overdue') result.overdue += 1;
        else result.escalations += 1;
      }
    });
  }
}

/** The assignee (while they may still decide vetting), else the force's vetting officers; only those who may read the review. */
async function reviewRecipients(
  tx: Db,
  review: { force_id: string; review_id: string; assigned_user_id: string | null },
  escalate: boolean,
): Promise<string[]> {
  const officers = rolesHolding('vetting.decide');
  const assignee =
    !escalate && review.assigned_user_id
      ? (await activeAccountsByIds(tx, review.force_id, [review.assigned_user_id])).filter((a) =>
          officers.includes(a.role),
        )
      : [];
  const accounts = assignee.length ? assignee : await activeAccountsWithRoles(tx, review.force_id, officers);
  const to: string[] = [];
  for (const a of accounts) {
    if (await vettingReviewVisibleTo(tx, a, review.force_id, review.review_id)) to.push(a.userId);
  }
  return to;
}

function vettingReviewMessage(openedOn: IsoDate, dueOn: IsoDate, stage: ReminderStage): string {
  const opened = `The vetting review opened on ${formatDate(openedOn)}`;
  const due = formatDate(dueOn);
  const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;
  switch (stage.kind) {
    case 'before':
      return stage.workingDays === 0
        ? `${opened} is due today (${due}).`
        : `${opened} is due on ${due}, within ${days(stage.workingDays)}.`;
    case 'overdue':
      return `${opened} was due on ${due} and is overdue by ${days(stage.workingDaysOverdue)}.`;
    case 'escalation':
      return `${opened} was due on ${due} and is overdue by ${days(stage.workingDaysOverdue)}. Told to the force's vetting officers.`;
  }
}
