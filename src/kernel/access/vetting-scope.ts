import { sql, type SQL } from 'drizzle-orm';
import { authorize, type Principal } from './principal.ts';

/**
 * THE need-to-know rule for vetting files (clearances, applications, decisions, appeals, reviews, list
 * matches). A vetting file is readable only by a vetting role ('vetting.read'), only in the reader's own
 * force, and never when it is the reader's own: like people-scope.ts, the reader's own person record, a
 * record merged into it and the record it was merged into are all "self". Refusals look like missing records.
 */

/** Throws a 404-shaped refusal unless the principal may read vetting files at all. */
export function authorizeVettingRead(
  principal: Principal | null | undefined,
  what = 'vetting file',
): asserts principal is Principal {
  authorize(principal, 'vetting.read', what);
}

/** The person ids that are the principal themself (their record and its merge partners), as a subquery. */
function selfIds(principal: Principal): SQL {
  const self = principal.personId ?? '00000000-0000-0000-0000-000000000000';
  return sql`(select s.id from people s where s.force_id = ${principal.forceId}
      and (s.id = ${self}::uuid or s.merged_into_id = ${self}::uuid
        or s.id = (select m.merged_into_id from people m where m.force_id = ${principal.forceId} and m.id = ${self}::uuid)))`;
}

/**
 * The WHERE condition for a vetting row: `forceColumn` is the row's force, `personColumn` the person the
 * file is about (nullable: a recruit who has no person record yet is nobody's self).
 */
export function visibleVettingSql(principal: Principal, forceColumn: SQL, personColumn: SQL): SQL {
  const force = sql`${forceColumn} = ${principal.forceId}`;
  if (!principal.personId) return force;
  return sql`${force} and (${personColumn} is null or ${personColumn} not in ${selfIds(principal)})`;
}
