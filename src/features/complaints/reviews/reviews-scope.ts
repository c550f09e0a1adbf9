import { sql, type SQL } from 'drizzle-orm';
import { can, type Principal } from '../../../kernel/access/principal.ts';

/**
 * THE need-to-know rule for review applications, as SQL over a `complaint_reviews` row aliased `r`: the
 * local policing body's reviewer (complaint.review, the PCC office) sees the applications of its own force
 * whose review body is the local policing body, and nothing else of the complaint system. Another force's
 * review, or one the IOPC takes, is a 404.
 */
export function visibleReviewsSql(principal: Principal): SQL {
  if (!can(principal, 'complaint.review')) return sql`false`;
  return sql`r.force_id = ${principal.forceId} and r.body = 'local_policing_body'`;
}
