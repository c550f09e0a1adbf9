import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import { listKinds } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { listReviewOf } from './list-review.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { browseEntries, countEntries, syncOwnReturns } from './list-entries.repository.ts';

export const browseListsInput = z.object({
  list: z.preprocess(blank, z.enum(listKinds, { message: 'Choose barred or advisory' }).optional()),
  origin: z.preprocess(
    blank,
    z.enum(['own_return', 'national_import'], { message: 'Choose own returns or national lists' }).optional(),
  ),
  q: z.preprocess(blank, z.string().trim().max(100, 'Search for 100 characters or fewer').optional()),
  page: z.preprocess(
    blank,
    z.coerce
      .number({ message: 'Page must be a number' })
      .int('Page must be a whole number')
      .min(1, 'Page must be 1 or more')
      .default(1),
  ),
});

const PAGE_SIZE = 50;

/**
 * The barred and advisory list entries the force knows of: its own returns (brought in first, so they are
 * always shown) and the imported national lists. Vetting officers only ('vetting.lists'); an audited read.
 */
export async function browseLists(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'vetting.lists', 'page');
  const input = parseInput(browseListsInput, raw, 'Check the filters');
  return deps.db.transaction(async (tx) => {
    const actor = actorOf(principal, requestId);
    const added = await syncOwnReturns(tx, principal.forceId);
    if (added > 0)
      await recordAudit(
        tx,
        actor,
        { type: 'list_entries', id: principal.forceId },
        { type: 'vetting.own_returns_synced', added },
      );
    const result = await browseEntries(tx, principal.forceId, input, {
      limit: PAGE_SIZE,
      offset: (input.page - 1) * PAGE_SIZE,
    });
    const counts = await countEntries(tx, principal.forceId);
    const filters = Object.fromEntries(
      Object.entries({ list: input.list, origin: input.origin, q: input.q }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    await recordAudit(
      tx,
      actor,
      { type: 'list_entries', id: principal.forceId },
      { type: 'vetting.list_viewed', list: 'barred_and_advisory_lists', filters, resultCount: result.total },
    );
    const today = ukToday(deps.now());
    const rows = result.rows.map((r) => ({
      ...r,
      review: listReviewOf(
        { list: r.list, reason: r.reason, listedOn: r.listed_on, removedOn: r.removed_on },
        deps.config.rules.integrity.listReviewYears,
        today,
      ),
    }));
    return { ...result, rows, counts, input, pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)) };
  });
}
