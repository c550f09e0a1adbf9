import { sql, type SQL } from 'drizzle-orm';
import { can, type Principal } from './principal.ts';

/**
 * THE need-to-know rule for public complaints, as SQL over a `complaints` row aliased `c`. Every read path
 * (list, count, detail, the rows of a complaint) puts it in its WHERE clause:
 *  - only a user holding complaint.read (the force's complaints handlers and appropriate authority, and the
 *    PCC office for complaints about the chief officer);
 *  - own force only (another force's complaint is a 404);
 *  - only complaints of the appropriate authority the user acts for: the force's chief officer, or — for a
 *    user holding complaint.localPolicingBody (the PCC office) — the local policing body, which is the
 *    appropriate authority for a complaint about the chief officer (Police Reform Act 2002 s.29, Sch 3 para 1;
 *    Complaints and Misconduct Regs 2020 reg 5); or a complaint on which its appropriate authority gave the
 *    user need-to-know (`complaint_access`);
 *  - never a complaint in which the user's own person record is one of the persons complained about.
 */
export function visibleComplaintsSql(principal: Principal): SQL {
  if (!can(principal, 'complaint.read')) return sql`false`;
  const granted = sql`exists (select 1 from complaint_access a where a.force_id = c.force_id and a.complaint_id = c.id and a.user_id = ${principal.userId}::uuid)`;
  return sql`${ownForceNotSelf(principal)} and (${ownAuthority(principal)} or ${granted})`;
}

/**
 * The complaints the user handles — records decisions on — as the appropriate authority's complaints function:
 * as {@link visibleComplaintsSql} without the need-to-know given on one complaint (that is to read it only).
 */
export function handledComplaintsSql(principal: Principal): SQL {
  if (!can(principal, 'complaint.read')) return sql`false`;
  return sql`${ownForceNotSelf(principal)} and ${ownAuthority(principal)}`;
}

/** The appropriate authority the principal acts for, as the value of `complaints.appropriate_authority`. */
export function complaintAuthorityOf(principal: Principal): 'chief_officer' | 'local_policing_body' {
  return can(principal, 'complaint.localPolicingBody') ? 'local_policing_body' : 'chief_officer';
}

function ownAuthority(principal: Principal): SQL {
  return sql`c.appropriate_authority = ${complaintAuthorityOf(principal)}`;
}

function ownForceNotSelf(principal: Principal): SQL {
  const self = principal.personId
    ? sql`and not exists (select 1 from complaint_subjects s where s.force_id = c.force_id and s.complaint_id = c.id and s.person_id = ${principal.personId}::uuid)`
    : sql``;
  return sql`c.force_id = ${principal.forceId} ${self}`;
}
