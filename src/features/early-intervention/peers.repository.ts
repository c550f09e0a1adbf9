import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visiblePeopleSql } from '../../kernel/access/people-scope.ts';

export type WorkforceRow = {
  person_id: string;
  rank: string | null;
  service_start: string | null;
  sex: string | null;
  ethnicity: string | null;
};

/**
 * The force's current workforce (not merged away), with the current rank and the protected characteristics:
 * the peer groups of the scores and the denominators of the fairness report. System reads, aggregated by
 * the callers; a person is never shown from here.
 */
export async function currentWorkforce(db: Db, forceId: string): Promise<WorkforceRow[]> {
  return rawRows<WorkforceRow>(
    db,
    sql`select p.id::text as person_id, p.service_start::text, p.sex, p.ethnicity,
        (select pp.rank from person_postings pp where pp.force_id = p.force_id and pp.person_id = p.id and pp.valid_to is null
          order by pp.valid_from desc limit 1) as rank
      from people p where p.force_id = ${forceId} and p.status = 'current' and p.merged_into_id is null`,
  );
}

/** People with an alert (of one rule, or any) raised in a period, and those with an intervention. */
export async function alertedPeople(
  db: Db,
  forceId: string,
  from: string,
  to: string,
  ruleKey: string | null,
): Promise<{ person_id: string; intervened: boolean }[]> {
  return rawRows(
    db,
    sql`select ea.person_id::text as person_id,
        bool_or(exists (select 1 from ei_interventions i where i.force_id = ea.force_id and i.alert_id = ea.id)) as intervened
      from ei_alerts ea where ea.force_id = ${forceId} and ea.raised_on between ${from}::date and ${to}::date
        ${ruleKey ? sql`and ea.rule_key = ${ruleKey}::uuid` : sql``}
      group by ea.person_id`,
  );
}

/** Names of the given people that the viewer may see (never their own record). */
export async function visibleNames(db: Db, principal: Principal, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await rawRows<{ id: string; name: string }>(
    db,
    sql`select p.id::text, p.given_name || ' ' || p.family_name as name from people p
      where p.id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}) and ${visiblePeopleSql(principal)}`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
