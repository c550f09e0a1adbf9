import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { reviewTriggers } from '../../../db/schema/index.ts';
import { systemActor, type AuditActor } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { insertReviewIfNew } from './vetting-reviews.repository.ts';
import { startVettingClock, vettingDeadline } from '../vetting-clocks.ts';

export type ReviewTrigger = (typeof reviewTriggers)[number];

export type TriggerInput = {
  forceId: string;
  personId: string;
  trigger: ReviewTrigger;
  /** What caused it: 'allegation:<uuid>', 'restriction:<uuid>', 'criminal:<uuid>', 'declaration:<uuid>', 'transfer:<uuid>' … */
  sourceKey: string;
  caseId?: string | null;
  openedOn: IsoDate;
  /** Words for the vetting unit; never shown to other roles. */
  summary?: string;
  actor?: AuditActor;
};

/**
 * The integrity loop's one entry into vetting: opens a vetting review for a trigger, inside the transaction
 * of the change that caused it (a severity assessment, a finding, a restriction, a charge, a transfer, a
 * declaration), so the review exists exactly when its cause was committed. Idempotent: the same trigger from
 * the same source opens at most one review (unique key), and a second call returns the first review.
 * Starts the review's `vetting_review` clock and records `vetting.review_opened`.
 */
export async function openReviewForTrigger(
  tx: Db,
  deps: Deps,
  input: TriggerInput,
): Promise<{ reviewId: string; created: boolean; dueOn: IsoDate }> {
  const dueOn = vettingDeadline(deps, 'vetting_review', input.openedOn);
  const review = await insertReviewIfNew(tx, {
    forceId: input.forceId,
    personId: input.personId,
    trigger: input.trigger,
    sourceKey: input.sourceKey,
    caseId: input.caseId ?? null,
    openedOn: input.openedOn,
    dueOn,
    summary: input.summary ?? '',
  });
  if (!review.created) return { reviewId: review.id, created: false, dueOn: review.dueOn };
  await startVettingClock(tx, deps, {
    forceId: input.forceId,
    personId: input.personId,
    subjectKey: `review:${review.id}`,
    period: 'vetting_review',
    startOn: input.openedOn,
  });
  await recordAudit(
    tx,
    input.actor ?? systemActor('integrity loop', input.forceId),
    { type: 'vetting_review', id: review.id, personId: input.personId },
    {
      type: 'vetting.review_opened',
      reviewId: review.id,
      personId: input.personId,
      trigger: input.trigger,
      sourceKey: input.sourceKey,
      dueOn,
    },
  );
  return { reviewId: review.id, created: true, dueOn };
}
