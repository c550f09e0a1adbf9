import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { checkStatuses, checkTypes } from '../../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../../lib/errors.ts';
import { parseInput, isoDateString } from '../../lib/validation.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import { findReviewCheckForUpdate, insertReviewCheck, updateReviewCheck } from './review-file.repository.ts';
import { lockOpenReview } from './review-lock.ts';
import { ukToday } from '../../lib/dates.ts';

const isoDate = isoDateString('Enter a date in the format 2026-03-27');
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const reviewCheckInput = z.object({
  reviewId: z.string().uuid(),
  /** Absent: a new check. Present (with its version): a change to that check's result. */
  checkId: z.preprocess(blank, z.string().uuid().optional()),
  version: z.preprocess(blank, z.coerce.number().int().min(1).optional()),
  checkType: z.preprocess(blank, z.enum(checkTypes, { message: 'Choose which check' }).optional()),
  status: z.enum(checkStatuses, { message: 'Choose the result of the check' }),
  completedOn: z.preprocess(blank, isoDate.optional()),
  notes: z.string().trim().max(5000, 'Notes must be 5,000 characters or fewer').default(''),
});

/**
 * Records a check made for a review (§4.3: PNC, PND, local intelligence …) or a change to its result. A
 * completed check (anything but pending) carries the day it was completed, today if not given.
 */
export async function recordReviewCheck(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof reviewCheckInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'review');
  const input = parseInput(reviewCheckInput, raw, 'Check the details of the check');
  const today = ukToday(deps.now());
  if (!input.checkId && !input.checkType)
    throw new AppError('validation', 'Check the details of the check', { checkType: 'Choose which check' });
  if (input.completedOn && input.completedOn > today)
    throw new AppError('validation', 'Check the details of the check', {
      completedOn: 'The date cannot be in the future',
    });
  const completedOn = input.status === 'pending' ? null : (input.completedOn ?? today);
  return deps.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, principal, input.reviewId);
    let check;
    if (input.checkId) {
      const existing = await findReviewCheckForUpdate(tx, review.forceId, review.id, input.checkId);
      if (!existing) throw notFound('check');
      if (input.version !== undefined && existing.version !== input.version) throw staleVersion();
      await updateReviewCheck(tx, existing, { status: input.status, completedOn, notes: input.notes });
      check = { ...existing, status: input.status };
    } else {
      check = await insertReviewCheck(tx, {
        forceId: review.forceId,
        reviewId: review.id,
        checkType: input.checkType ?? 'pnc',
        status: input.status,
        completedOn,
        notes: input.notes,
      });
    }
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_review', id: review.id, personId: review.personId },
      {
        type: 'vetting.review_check_recorded',
        reviewId: review.id,
        checkId: check.id,
        checkType: check.checkType,
        status: input.status,
      },
    );
    return { checkId: check.id };
  });
}
