import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { buildReviewDecisionRecord } from './decision-record.ts';
import { REVIEW_OUTCOMES, reviewDecisionProblems } from './decision-rules.ts';
import { liveClearancesForUpdate, setClearanceConditions } from '../reviews/review-file.repository.ts';
import { lockOpenReview } from '../reviews/review-lock.ts';
import { withdrawClearances } from './review-withdrawal.ts';
import { meetVettingClocks } from '../vetting-clocks.ts';
import { isoDate } from '../file/vetting-file.ts';
import { updateReview } from '../reviews/vetting-reviews.repository.ts';
import { reviewFile } from '../reviews/view-review.ts';
import { appealWindowEnd, itemRationales, rationalesOf, saveDecision, text } from './decide.ts';

export const decideReviewInput = z.object({
  reviewId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  outcome: z.enum(REVIEW_OUTCOMES, { message: 'Choose the outcome of the review' }),
  /** Required (the rules say so, alongside every other problem of the decision). */
  decidedOn: z.preprocess(blank, isoDate('the date of the decision').optional()),
  rationale: text.default(''),
  conditions: text.default(''),
  /** Needed for every unresolved item to keep a clearance. */
  items: itemRationales,
  // The withdrawal assessment (Police (Vetting) Regulations 2025, Part 3): needed when the outcome is withdraw.
  harmTestConsidered: z.boolean().default(false),
  withheldUnderHarmTest: text.default(''),
  officerInformedOn: z.preprocess(blank, isoDate('the date the officer was told').optional()),
  policeFriendOffered: z.boolean().default(false),
  policeFriend: z.string().trim().max(200, 'Keep this to 200 characters or fewer').default(''),
  reasonsForOfficer: text.default(''),
});

/**
 * Decides a review. One transaction: the decision row with its Appendix K-style record (document), every
 * unresolved adverse item resolved by it (with its rationale), the review completed and its clock met; to
 * keep with conditions, the conditions added to the person's live clearances; to withdraw, those
 * clearances withdrawn (ended, their renewal clocks cancelled) and the appeal window started on the
 * decision (`vetting_withdrawal_appeal` on `decision:<id>`; the appeal is a withdrawal appeal, lodge-withdrawal-appeal.ts).
 */
export async function decideReview(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof decideReviewInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'review');
  const input = parseInput(decideReviewInput, raw, 'Check the decision');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, principal, input.reviewId, input.version);
    const file = await reviewFile(tx, review);
    const clearances = await liveClearancesForUpdate(tx, review.forceId, review.personId);
    const unresolved = file.adverseItems.filter((i) => !i.resolvedByDecisionId);
    const problems = reviewDecisionProblems(input, {
      today,
      openedOn: review.openedOn,
      status: review.status,
      unresolvedItemIds: unresolved.map((i) => i.id),
      liveClearances: clearances.length,
    });
    if (Object.keys(problems).length > 0) throw new AppError('validation', 'Check the decision', problems);
    const rationales = rationalesOf(
      unresolved.map((i) => i.id),
      input.items,
    );
    const withdrawing = input.outcome === 'withdraw';
    const decidedOn = input.decidedOn ?? today;
    const appealWindowEndsOn = appealWindowEnd(deps, input.outcome, decidedOn);
    const decision = { id: randomUUID() };
    await saveDecision(
      tx,
      { kind: 'review', id: review.id },
      {
        id: decision.id,
        forceId: review.forceId,
        personId: review.personId,
        outcome: input.outcome,
        decidedOn,
        decisionMakerUserId: principal.userId,
        rationale: input.rationale,
        conditions: input.outcome === 'maintain_with_conditions' ? input.conditions : '',
        reasonsForApplicant: withdrawing ? input.reasonsForOfficer : '',
        appealWindowEndsOn,
        document: buildReviewDecisionRecord({
          review,
          file,
          clearances,
          input: { ...input, decidedOn },
          rationales,
          decisionMaker: principal,
          appealWindowEndsOn,
        }),
      },
      rationales,
    );
    let withdrawn: string[] = [];
    if (withdrawing) {
      withdrawn = await withdrawClearances(tx, deps, {
        clearances,
        decisionId: decision.id,
        personId: review.personId,
        on: decidedOn,
      });
    } else if (input.outcome === 'maintain_with_conditions') {
      for (const c of clearances)
        await setClearanceConditions(tx, c, c.conditions ? `${c.conditions}\n${input.conditions}` : input.conditions);
    }
    await updateReview(tx, review, { status: 'completed' });
    await meetVettingClocks(tx, {
      forceId: review.forceId,
      subjectKey: `review:${review.id}`,
      period: 'vetting_review',
      on: decidedOn,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_review', id: review.id, personId: review.personId },
      {
        type: 'vetting.review_decided',
        reviewId: review.id,
        decisionId: decision.id,
        personId: review.personId,
        outcome: input.outcome,
        clearancesWithdrawn: withdrawn,
        appealWindowEndsOn,
      },
    );
    return { decisionId: decision.id, outcome: input.outcome, clearancesWithdrawn: withdrawn, appealWindowEndsOn };
  });
}
