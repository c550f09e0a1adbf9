import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { parseInput } from '../../lib/validation.ts';
import { authorize, type Principal } from '../access/principal.ts';
import { listCases } from './cases.repository.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const listCasesInput = z.object({
  view: z.preprocess(blank, z.enum(['mine', 'unallocated', 'all'], { message: 'Choose which cases to list' }).default('mine')),
  status: z.preprocess(blank, z.enum(['open', 'closed'], { message: 'Choose open or closed' }).optional()),
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1, 'Page must be 1 or more').default(1)),
});

/** My cases, the unallocated queue, or every case the principal may see; counts use the same scope as the rows. */
export async function listCasesFor(deps: Deps, principal: Principal | null, raw: unknown) {
  authorize(principal, 'case.read', 'page');
  const input = parseInput(listCasesInput, raw, 'Check the filters');
  const pageSize = 25;
  const result = await listCases(deps.db, principal, { view: input.view, status: input.status, q: input.q }, { limit: pageSize, offset: (input.page - 1) * pageSize });
  return { ...result, input, pageCount: Math.max(1, Math.ceil(result.total / pageSize)) };
}
