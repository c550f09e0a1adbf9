import { sql, type SQL } from 'drizzle-orm';
import { can, type Principal } from './principal.ts';

/**
 * THE need-to-know rule for public complaints, as SQL over a `complaints` row aliased `c`. Every read path
 * (list, count, detail, the rows of a complaint) puts it in its WHERE clause:
 *  - only a user holding complaint.read (the force's complaints handlers and appropriate authority);
 *  - own force only (another force's complaint is a 404);
 *  - never a complaint in which the user's own person record is one of the persons complained about.
 */
export function visibleComplaintsSql(principal: Principal): SQL {
  if (!can(principal, 'complaint.read')) return sql`false`;
  const self = principal.personId
    ? sql`and not exists (select 1 from complaint_subjects s where s.force_id = c.force_id and s.complaint_id = c.id and s.person_id = ${principal.personId}::uuid)`
    : sql``;
  return sql`c.force_id = ${principal.forceId} ${self}`;
}
