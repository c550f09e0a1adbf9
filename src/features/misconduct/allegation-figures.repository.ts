import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';

/**
 * `allegation_figures`: one narrow row per allegation with what the oversight figures count
 * (db/schema/allegation-figures.ts). This file is the only code that writes it, and it writes it only by
 * recomputing rows from their sources (the allegation, its case, its subject and its events), so a row is
 * either missing or right: never edited piecemeal.
 *
 * Callers refresh in the transaction of the change: opening a case (its allegations), progressing an
 * allegation (that allegation, after its event is written), an import batch (its cases), the scale seed
 * (the whole force). Migration 0015 filled it for the allegations that existed before it. `figuresOutOfStep`
 * compares the table with a fresh computation; the tests of every writer call it.
 */

const columns = sql.raw(
  'force_id, allegation_id, case_id, person_id, case_type, received_on, finalised_on, category_code, state, severity, case_to_answer, form, finding, sanction, rprp',
);

/** The rows as they should be, for the allegations of one force that `where` (over `allegations a`) picks. */
function computedSql(forceId: string, where: SQL): SQL {
  return sql`select a.force_id, a.id, a.case_id, s.person_id, c.case_type, c.came_to_attention_on,
      case when a.state = 'closed' then (select max(e.occurred_on) from allegation_events e
        where e.force_id = a.force_id and e.allegation_id = a.id and e.to_state = 'closed') end,
      a.category_code, a.state, a.facts->'track'->>'severity', a.facts->'track'->>'caseToAnswer', a.facts->'track'->>'form',
      a.facts->'track'->>'finding', a.facts->'track'->>'sanction',
      exists (select 1 from allegation_events r where r.force_id = a.force_id and r.allegation_id = a.id and r.to_state = 'rprp')
    from allegations a
      join cases c on c.force_id = a.force_id and c.id = a.case_id
      join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id
    where a.force_id = ${forceId} and ${where}`;
}

export type FiguresOf = { allegationIds: readonly string[] } | { caseIds: readonly string[] } | 'whole force';

function pick(which: FiguresOf): SQL | null {
  if (which === 'whole force') return sql`true`;
  const ids = 'allegationIds' in which ? which.allegationIds : which.caseIds;
  if (ids.length === 0) return null;
  const list = sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  return 'allegationIds' in which ? sql`a.id = any(${list})` : sql`a.case_id = any(${list})`;
}

/** Writes (inserts or replaces) the rows of the chosen allegations of a force from their sources. */
export async function refreshAllegationFigures(tx: Db, forceId: string, which: FiguresOf): Promise<void> {
  const where = pick(which);
  if (!where) return;
  await rawRows(
    tx,
    sql`insert into allegation_figures (${columns}) ${computedSql(forceId, where)}
      on conflict (force_id, allegation_id) do update set
        case_id = excluded.case_id, person_id = excluded.person_id, case_type = excluded.case_type, received_on = excluded.received_on,
        finalised_on = excluded.finalised_on, category_code = excluded.category_code, state = excluded.state, severity = excluded.severity,
        case_to_answer = excluded.case_to_answer, form = excluded.form, finding = excluded.finding, sanction = excluded.sanction, rprp = excluded.rprp`,
  );
}

/**
 * How many rows of the force's table differ from a fresh computation (missing, extra or different): 0 when
 * every writer kept it in step.
 */
export async function figuresOutOfStep(db: Db, forceId: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`with want as (${computedSql(forceId, sql`true`)}),
      have as (select ${columns} from allegation_figures where force_id = ${forceId})
      select ((select count(*) from (select * from want except all select * from have) x)
        + (select count(*) from (select * from have except all select * from want) y))::int as n`,
  );
  return row?.n ?? 0;
}
