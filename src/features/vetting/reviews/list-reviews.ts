import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { reviewStatuses, reviewTriggers } from '../../../db/schema/index.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { listReviews } from './vetting-reviews.repository.ts';
import { ukToday } from '../../../kernel/time/dates.ts';

export const listReviewsInput = z.object({
  status: z.preprocess(
    blank,
    z.enum([...reviewStatuses, 'all'], { message: 'Choose open, completed or all' }).default('open'),
  ),
  trigger: z.preprocess(blank, z.enum(reviewTriggers, { message: 'Choose a trigger from the list' }).optional()),
  overdue: z.preprocess(blank, z.enum(['yes'], { message: 'Overdue must be "yes" or left out' }).optional()),
  personId: z.preprocess(blank, z.string().uuid('Choose a person from the list').optional()),
  page: z.preprocess(
    blank,
    z.coerce.number().int('Page must be a whole number').min(1, 'Page must be 1 or more').default(1),
  ),
});

export const REVIEW_PAGE_SIZE = 25;

/**
 * The vetting unit's review list: open reviews first, most urgent first, filtered by status, trigger,
 * overdue or person. Vetting roles only (404 otherwise), never the reader's own file; the read is audited
 * with its filters and count (a list of who is under review is itself part of the vetting file).
 */
export async function listReviewsFor(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'vetting.read', 'page');
  const input = parseInput(listReviewsInput, raw, 'Check the filters');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const result = await listReviews(
      tx,
      principal,
      {
        status: input.status === 'all' ? undefined : input.status,
        trigger: input.trigger,
        overdue: input.overdue === 'yes',
        personId: input.personId,
        today,
      },
      { limit: REVIEW_PAGE_SIZE, offset: (input.page - 1) * REVIEW_PAGE_SIZE },
    );
    const filters = Object.fromEntries(
      Object.entries(input)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_reviews', id: principal.forceId },
      { type: 'vetting.reviews_listed', filters, resultCount: result.total },
    );
    return { ...result, input, today, pageCount: Math.max(1, Math.ceil(result.total / REVIEW_PAGE_SIZE)) };
  });
}
