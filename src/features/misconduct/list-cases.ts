import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { parseInput } from '../../lib/validation.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { listCases } from './cases.repository.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const listCasesInput = z.object({
  view: z.preprocess(
    blank,
    z.enum(['mine', 'unallocated', 'all'], { message: 'Choose which cases to list' }).default('mine'),
  ),
  status: z.preprocess(blank, z.enum(['open', 'closed'], { message: 'Choose open or closed' }).optional()),
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1, 'Page must be 1 or more').default(1)),
});

/**
 * My cases, the unallocated queue, or every case the principal may see; counts use the same scope as the rows.
 * The count stops at `config.caseListCountLimit` (default 1,000): beyond it the list says "more than 1,000
 * cases" and asks for a filter. Nobody pages through more, and counting a large force's whole caseload on
 * every request costs more than the page itself (docs/performance.md). Exact totals are the dashboard's job.
 */
export async function listCasesFor(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  const countLimit = deps.config.caseListCountLimit;
  authorize(principal, 'case.read', 'page');
  const input = parseInput(listCasesInput, raw, 'Check the filters');
  const pageSize = 25;
  const result = await deps.db.transaction(async (tx) => {
    const found = await listCases(
      tx,
      principal,
      { view: input.view, status: input.status, q: input.q },
      { limit: pageSize, offset: (input.page - 1) * pageSize },
      countLimit,
    );
    // The list shows subjects' names, and a search says who was looked for: one audit event per request.
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case-list', id: input.view },
      {
        type: 'case.listed',
        view: input.view,
        status: input.status ?? null,
        query: input.q ?? null,
        page: input.page,
        resultCount: found.rows.length,
      },
    );
    return found;
  });
  const counted = Math.max(1, Math.ceil(result.total / pageSize));
  // Past the limit the last page is unknown: offer the next page while this one is full.
  const pageCount = result.moreThanTotal
    ? Math.max(counted, input.page + (result.rows.length === pageSize ? 1 : 0))
    : counted;
  return { ...result, input, pageCount };
}
