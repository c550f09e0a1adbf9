import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { adverseInfoTypes, adverseRelations } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { parseInput, isoDateString } from '../../lib/validation.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import { checksOfReview, insertAdverseItem } from './review-file.repository.ts';
import { lockOpenReview } from './review-lock.ts';
import { ukToday } from '../../lib/dates.ts';

const isoDate = isoDateString('Enter a date in the format 2026-03-27');
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const scale = (what: string) =>
  z.coerce
    .number({ message: `Choose the ${what}` })
    .int()
    .min(1, `Choose the ${what}, 1 to 5`)
    .max(5, `Choose the ${what}, 1 to 5`);

export const reviewAdverseInput = z.object({
  reviewId: z.string().uuid(),
  checkId: z.preprocess(blank, z.string().uuid().optional()),
  source: z.string().trim().min(1, 'Say where the information came from').max(500),
  infoType: z.enum(adverseInfoTypes, { message: 'Choose the kind of information' }),
  occurredOn: z.preprocess(blank, isoDate.optional()),
  relation: z.enum(adverseRelations, { message: 'Choose who the information is about' }),
  severity: z.preprocess(blank, scale('severity')),
  credibility: z.preprocess(blank, scale('credibility')),
  description: z.string().trim().min(1, 'Describe the information').max(10000),
  assessment: z.string().trim().max(10000).default(''),
});

/**
 * Records an adverse information item found during a review (§4.6: source, date, type, relation, severity,
 * credibility, assessment). It stays unresolved until the review's decision gives it a rationale.
 */
export async function recordReviewAdverseInformation(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof reviewAdverseInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'review');
  const input = parseInput(reviewAdverseInput, raw, 'Check the adverse information');
  if (input.occurredOn && input.occurredOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the adverse information', {
      occurredOn: 'The date cannot be in the future',
    });
  return deps.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, principal, input.reviewId);
    if (input.checkId && !(await checksOfReview(tx, review.forceId, review.id)).some((c) => c.id === input.checkId))
      throw notFound('check');
    const item = await insertAdverseItem(tx, {
      forceId: review.forceId,
      reviewId: review.id,
      checkId: input.checkId ?? null,
      source: input.source,
      infoType: input.infoType,
      occurredOn: input.occurredOn ?? null,
      relation: input.relation,
      severity: input.severity,
      credibility: input.credibility,
      description: input.description,
      assessment: input.assessment,
      recordedBy: principal.userId,
      recordedAt: deps.now(),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_review', id: review.id, personId: review.personId },
      { type: 'vetting.review_adverse_recorded', reviewId: review.id, itemId: item.id },
    );
    return { itemId: item.id };
  });
}
