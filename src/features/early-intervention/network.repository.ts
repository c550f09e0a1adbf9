import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleComplaintsSql } from '../../kernel/access/complaints-scope.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';
import { visiblePeopleSql } from '../../kernel/access/people-scope.ts';

export type PairRow = {
  a_id: string;
  a_name: string;
  b_id: string;
  b_name: string;
  matters: number;
  first_on: string;
  last_on: string;
  references: string[];
};

/**
 * People who appear together as subjects of the same conduct cases or complaints, with the number of
 * shared matters and their dates. ONLY matters the viewer may see contribute (visibleCasesSql,
 * visibleComplaintsSql), and only people they may see are shown (visiblePeopleSql): a pair formed by a
 * restricted case the viewer is not named on does not exist for them. A merged duplicate counts as its survivor.
 */
export async function coAccusedPairs(
  db: Db,
  principal: Principal,
  filter: { personId?: string | undefined; minShared: number },
): Promise<PairRow[]> {
  const survivor = (alias: string) =>
    sql.raw(
      `coalesce((select m.merged_into_id from people m where m.force_id = ${alias}.force_id and m.id = ${alias}.person_id), ${alias}.person_id)`,
    );
  const person = filter.personId ? sql`and (x.a = ${filter.personId}::uuid or x.b = ${filter.personId}::uuid)` : sql``;
  return rawRows<PairRow>(
    db,
    sql`with m as (
        select 'case' as kind, c.id as matter_id, c.reference, c.came_to_attention_on as on_, ${survivor('s')} as person_id
          from cases c join case_subjects s on s.force_id = c.force_id and s.case_id = c.id and s.recorded_in_error_on is null
         where ${visibleCasesSql(principal)}
        union
        select 'complaint', c.id, c.reference, c.received_on, ${survivor('s')}
          from complaints c join complaint_subjects s on s.force_id = c.force_id and s.complaint_id = c.id and s.person_id is not null
         where ${visibleComplaintsSql(principal)}
      ), x as (
        select a.person_id as a, b.person_id as b, count(*)::int as matters, min(a.on_)::text as first_on, max(a.on_)::text as last_on,
               array_agg(a.reference order by a.on_, a.reference) as references
          from m a join m b on b.kind = a.kind and b.matter_id = a.matter_id and a.person_id < b.person_id
         group by a.person_id, b.person_id having count(*) >= ${filter.minShared}
      )
      select x.a::text as a_id, pa.given_name || ' ' || pa.family_name as a_name, x.b::text as b_id,
             pb.given_name || ' ' || pb.family_name as b_name, x.matters, x.first_on, x.last_on, x.references
        from x
        join people pa on pa.force_id = ${principal.forceId} and pa.id = x.a
        join people pb on pb.force_id = ${principal.forceId} and pb.id = x.b
       where ${sql.raw('true')} ${person}
         and exists (select 1 from people p where p.force_id = pa.force_id and p.id = pa.id and ${visiblePeopleSql(principal)})
         and exists (select 1 from people p where p.force_id = pb.force_id and p.id = pb.id and ${visiblePeopleSql(principal)})
       order by x.matters desc, x.last_on desc, a_name, b_name
       limit 300`,
  );
}
