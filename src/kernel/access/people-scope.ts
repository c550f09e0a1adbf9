import { sql, type SQL } from 'drizzle-orm';
import type { Principal } from './principal.ts';

/**
 * THE need-to-know rule for person records, as SQL over a `people` row aliased `p`. Every read path
 * (directory, detail, counts, export) puts this in its WHERE clause, so a count can never include a
 * row that the list would hide:
 *  - only the principal's own force;
 *  - never the principal's own person record, nor any record merged into it or that it was merged into.
 */
export function visiblePeopleSql(principal: Principal): SQL {
  const force = sql`p.force_id = ${principal.forceId}`;
  if (!principal.personId) return force;
  const self = principal.personId;
  return sql`${force}
    and p.id <> ${self}
    and p.merged_into_id is distinct from ${self}::uuid
    and p.id <> coalesce((select s.merged_into_id from people s where s.force_id = ${principal.forceId} and s.id = ${self}), ${self}::uuid)`;
}
