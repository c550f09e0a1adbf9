import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { parseInput } from '../../kernel/validation.ts';
import { personStatuses, personTypes } from '../../db/schema/index.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { currentRanksOfForce, searchDirectory, unitsOfForce } from '../organisation/index.ts';
import { peoplePolicy } from './people.policy.ts';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const searchPeopleInput = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100, 'Search for 100 characters or fewer').optional()),
  unit: z.preprocess(emptyToUndefined, z.string().uuid('Choose a unit from the list').optional()),
  rank: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  type: z.preprocess(emptyToUndefined, z.enum(personTypes, { message: 'Choose a type from the list' }).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(personStatuses, { message: 'Choose current or former' }).optional()),
  page: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int('Page must be a whole number').min(1, 'Page must be 1 or more').max(100000).default(1),
  ),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(25)),
});

export type SearchPeopleInput = z.infer<typeof searchPeopleInput>;

/** The directory's filter choices: the force's units and the ranks now held in it. */
export async function directoryFilters(deps: Deps, principal: Principal | null) {
  authorizeBy(principal, peoplePolicy.search);
  const [unitOptions, ranks] = await Promise.all([
    unitsOfForce(deps.db, principal.forceId),
    currentRanksOfForce(deps.db, principal.forceId),
  ]);
  return { unitOptions, ranks };
}

/**
 * The people directory: search by name or by any current or past number, filter by unit (and the units
 * beneath it), rank, type and status. Only records the principal may see are counted or listed, and
 * the look-up itself is audited.
 */
export async function searchPeople(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorizeBy(principal, peoplePolicy.search);
  const input = parseInput(searchPeopleInput, raw, 'Check the search');
  const filter = { q: input.q, unitId: input.unit, rank: input.rank, personType: input.type, status: input.status };
  return deps.db.transaction(async (tx) => {
    const result = await searchDirectory(tx, principal, filter, {
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    });
    const filters = Object.fromEntries(
      Object.entries({ unit: input.unit, rank: input.rank, type: input.type, status: input.status }).filter(
        ([, v]) => v !== undefined,
      ),
    ) as Record<string, string>;
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'person-search', id: 'directory' },
      {
        type: 'person.searched',
        query: input.q ?? '',
        filters,
        resultCount: result.total,
      },
    );
    return { ...result, input, pageCount: Math.max(1, Math.ceil(result.total / input.pageSize)) };
  });
}
