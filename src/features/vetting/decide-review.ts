import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput, isoDateString } from '../../lib/validation.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import {
  insertDecision,
  liveClearancesForUpdate,
  resolveAdverseItems,
  setClearanceConditions,
} from './review-file.repository.ts';
import { givenRationale, REVIEW_OUTCOMES, reviewDecisionProblems } from './review-decision-rules.ts';
import { decisionRecord } from './review-decision-record.ts';
import { lockOpenReview } from './review-lock.ts';
import { withdrawClearances } from './review-withdrawal.ts';
import { meetVettingClocks, vettingDeadline } from './vetting-clocks.ts';
import { updateReview } from './vetting-reviews.repository.ts';
import { reviewFile } from './view-review.ts';
import { ukToday } from '../../lib/dates.ts';

const isoDate = isoDateString('Enter a date in the format 2026-03-27');
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .default('');
const part = z.string().trim().max(5000).optional();

export const decideReviewInput = z.object({
  reviewId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  outcome: z.enum(REVIEW_OUTCOMES, { message: 'Choose the outcome of the review' }),
  /** Required (the rules say so, alongside every other problem of the decision). */
  decidedOn: z.preprocess(blank, isoDate.optional()),
  rationale: text(20000),
  conditions: text(5000),
  /** Per adverse item: { relevance, riskAssessment, mitigation, reason }. Needed for every unresolved item to keep a clearance. */
  items: z
    .record(z.string().uuid(), z.object({ relevance: part, riskAssessment: part, mitigation: part, reason: part }))
    .default({}),
  // The withdrawal assessment (Police (Vetting) Regulations 2025, Part 3): needed when the outcome is withdraw.
  harmTestConsidered: z.boolean().default(false),
  withheldUnderHarmTest: text(10000),
  officerInformedOn: z.preprocess(blank, isoDate.optional()),
  policeFriendOffered: z.boolean().default(false),
  policeFriend: text(200),
  reasonsForOfficer: text(20000),
});

/**
 * Decides a review. One transaction: the decision row with its Appendix K-style record (document), every
 * unresolved adverse item resolved by it (with its rationale), the review completed and its clock met; to
 * keep with conditions, the conditions added to the person's live clearances; to withdraw, those
 * clearances withdrawn (ended, their renewal clocks cancelled) and the appeal window started on the
 * decision (`vetting_appeal` on `decision:<id>`; the appeal itself is the vetting core's generic appeal).
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
    const rationales = new Map(
      unresolved.map((i) => [i.id, givenRationale(input.items[i.id])] as const).filter(([, r]) => r !== null),
    );
    const withdrawing = input.outcome === 'withdraw';
    const decidedOn = input.decidedOn ?? today;
    const appealWindowEndsOn = withdrawing ? vettingDeadline(deps, 'vetting_appeal', decidedOn) : null;
    const decision = await insertDecision(tx, {
      forceId: review.forceId,
      reviewId: review.id,
      personId: review.personId,
      outcome: input.outcome,
      decidedOn,
      decisionMakerUserId: principal.userId,
      rationale: input.rationale,
      conditions: input.outcome === 'maintain_with_conditions' ? input.conditions : '',
      reasonsForApplicant: withdrawing ? input.reasonsForOfficer : '',
      appealWindowEndsOn,
      document: decisionRecord({
        review,
        file,
        clearances,
        input: { ...input, decidedOn },
        rationales,
        decisionMaker: principal,
        appealWindowEndsOn,
      }),
    });
    await resolveAdverseItems(tx, review.forceId, review.id, decision.id, rationales);
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
