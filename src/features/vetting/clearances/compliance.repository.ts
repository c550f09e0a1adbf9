import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { visibleVettingSql } from '../../../kernel/access/vetting-scope.ts';

/** What the compliance list is computed from (compliance-rules.ts), read in the principal's vetting scope. */

export type WorkforceRow = {
  id: string;
  given_name: string;
  family_name: string;
  rank: string | null;
  role: string | null;
  unit_name: string | null;
  unit_path: string | null;
};
export type ClearanceFact = { person_id: string; level: string; status: string; expires_on: string };
export type PostRow = {
  id: string;
  title: string;
  posting_role: string;
  unit_id: string | null;
  unit_path: string | null;
  unit_name: string | null;
  required_level: string;
  active: boolean;
};

/** Current people the principal may see the vetting file of (never themself), with their current posting. */
export async function currentWorkforce(db: Db, principal: Principal, personId?: string): Promise<WorkforceRow[]> {
  // distinct on (rather than a lateral subquery per person) keeps the whole-force list quick.
  return rawRows<WorkforceRow>(
    db,
    sql`select distinct on (p.family_name, p.given_name, p.id) p.id, p.given_name, p.family_name, pp.rank, pp.role, u.name as unit_name, u.path as unit_path
      from people p
      left join person_postings pp on pp.force_id = p.force_id and pp.person_id = p.id and pp.valid_to is null
      left join units u on u.force_id = pp.force_id and u.id = pp.unit_id
      where ${visibleVettingSql(principal, sql`p.force_id`, sql`p.id`)} and p.status = 'current' and p.merged_into_id is null
        ${personId ? sql`and p.id = ${personId}::uuid` : sql``}
      order by p.family_name, p.given_name, p.id, pp.valid_from desc`,
  );
}

/** Clearances of the same people (every status: an expired one explains a gap). */
export async function workforceClearances(db: Db, principal: Principal, personId?: string): Promise<ClearanceFact[]> {
  return rawRows<ClearanceFact>(
    db,
    sql`select c.person_id, c.level, c.status, c.expires_on::text as expires_on
      from vetting_clearances c
      join people p on p.force_id = c.force_id and p.id = c.person_id and p.status = 'current' and p.merged_into_id is null
      where ${visibleVettingSql(principal, sql`c.force_id`, sql`c.person_id`)} ${personId ? sql`and c.person_id = ${personId}::uuid` : sql``}`,
  );
}

/** The force's designated posts with their unit's path (for matching postings beneath it). */
export async function designatedPostsOf(db: Db, forceId: string, onlyActive: boolean): Promise<PostRow[]> {
  return rawRows<PostRow>(
    db,
    sql`select d.id, d.title, d.posting_role, d.unit_id, u.path as unit_path, u.name as unit_name, d.required_level, d.active
      from designated_posts d
      left join units u on u.force_id = d.force_id and u.id = d.unit_id
      where d.force_id = ${forceId} ${onlyActive ? sql`and d.active` : sql``}
      order by d.active desc, d.title, d.id`,
  );
}
