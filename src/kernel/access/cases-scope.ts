import { sql, type SQL } from 'drizzle-orm';
import { can, type Principal } from './principal.ts';

/**
 * THE need-to-know rule for conduct cases, as SQL over a `cases` row aliased `c`. Every read path (lists,
 * detail, counts, clocks, exports) puts it in its WHERE clause:
 *  - own force only;
 *  - nobody sees a case in which the person they are is a subject or a party;
 *  - a restricted case only for the people named on it (and its lead investigator);
 *  - the appropriate authority sees every other case of the force; an investigator the cases they lead,
 *    their team's cases (owning unit = their current unit) and cases they are named on.
 */
export function visibleCasesSql(principal: Principal, on?: string): SQL {
  if (!can(principal, 'case.read')) return on ? dipSampledCasesSql(principal, on) : sql`false`;
  // Written against the principal's force (c.force_id is that force, below) rather than c.force_id, so each
  // is worked out once per query (the cases the user is named on as one hashed set, their unit as one
  // value), not once per case: the lists and counts stay index-only at national scale.
  const named = sql`c.id in (select a.case_id from case_access a where a.user_id = ${principal.userId}::uuid and a.force_id = ${principal.forceId})`;
  // For a restricted case alone (few), whether this user is named on it is one look-up by the access key: the
  // hashed set above would read every case the user is named on first (22,000 for one appropriate authority
  // of the national benchmark), on every request.
  const namedOnThis = sql`exists (select 1 from case_access a where a.force_id = c.force_id and a.case_id = c.id and a.user_id = ${principal.userId}::uuid offset 0)`;
  const lead = sql`c.lead_investigator_id = ${principal.userId}::uuid`;
  const self = selfExclusionSql(principal);
  const team = principal.personId
    ? sql`c.owning_unit_id = (select pp.unit_id from person_postings pp where pp.force_id = ${principal.forceId} and pp.person_id = ${principal.personId}::uuid and pp.valid_to is null limit 1)`
    : sql`false`;
  const wide = can(principal, 'case.readAll') ? sql`true` : sql`(${lead} or ${team} or ${named})`;
  return sql`c.force_id = ${principal.forceId} ${self}
    and (case when c.confidentiality = 'restricted' then (${lead} or ${namedOnThis}) else ${wide} end)`;
}

function selfExclusionSql(principal: Principal): SQL {
  return principal.personId
    ? sql`and not exists (select 1 from case_subjects s where s.force_id = c.force_id and s.case_id = c.id and s.person_id = ${principal.personId}::uuid)
          and not exists (select 1 from case_parties pt where pt.force_id = c.force_id and pt.case_id = c.id and pt.person_id = ${principal.personId}::uuid)`
    : sql``;
}

/**
 * Dip sampling (features/oversight): a user without case.read (the PCC's office) sees a case only while a
 * dip sample granted to them and holding it is CURRENT on `on` (today, from the injected clock: passed only
 * by the dip-sample read path; every other path gets nothing). Own force; the self rule applies as above.
 */
function dipSampledCasesSql(principal: Principal, on: string): SQL {
  return sql`c.force_id = ${principal.forceId} ${selfExclusionSql(principal)}
    and exists (select 1 from dip_sample_cases dc join dip_samples ds on ds.force_id = dc.force_id and ds.id = dc.sample_id
      where dc.force_id = c.force_id and dc.case_id = c.id and ds.grantee_user_id = ${principal.userId}::uuid
        and ds.revoked_at is null and ${on}::date between ds.starts_on and ds.ends_on)`;
}
