import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { AggregateScope } from './oversight-scope.ts';
import type { ReportingPeriod } from './period.ts';

/**
 * The aggregate SQL of the oversight figures about cases, allegations and people. Every query is set-based
 * (a handful of GROUP BY queries, grouped rows only — never a row per case to the caller) and counts only
 * the cases of {@link AggregateScope} (`cases c`), and reads only the period's rows. Indexes used:
 * cases_closed_idx and cases_received_idx (cases by period), allegation_figures_finalised_idx and
 * allegation_figures_received_idx (allegations by period), criminal_proceedings_case_idx.
 */

/**
 * Allegations counted in the period, from `allegation_figures` (one narrow row per allegation, kept by
 * allegation-figures.repository.ts): finalised in it (closed, its last closing event in the period), or of a
 * case received in it. One index range of the force's rows (allegation_figures_finalised_idx or
 * allegation_figures_received_idx), never the force's whole history; the cases are joined only when the
 * scope is narrower than the whole force (the appropriate authority's need-to-know).
 */
function allegationsInPeriod(scope: AggregateScope, period: ReportingPeriod): SQL {
  const day = period.basis === 'finalised' ? sql`f.finalised_on` : sql`f.received_on`;
  const cases = scope.wholeForce
    ? sql``
    : sql`join cases c on c.force_id = f.force_id and c.id = f.case_id and ${scope.cases}`;
  return sql`ap as (
      select f.allegation_id as id, f.person_id, f.category_code, f.state, f.severity, f.case_to_answer, f.form, f.finding, f.sanction, f.case_type, f.rprp
      from allegation_figures f ${cases}
      where f.force_id = ${scope.forceId} and ${day} between ${period.from}::date and ${period.to}::date
    )`;
}

/**
 * Settings for the rest of the caller's transaction, before its aggregate reads: no JIT compilation (at
 * national scale PostgreSQL compiles every query, which costs more than it saves on reads of this size)
 * and room to sort and hash the groups in memory rather than on disk.
 */
export async function settleForAggregates(tx: Db): Promise<void> {
  await rawRows(tx, sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
}

export type AllegationGroupRow = {
  category: string;
  case_type: string;
  state: string;
  severity: string | null;
  case_to_answer: string | null;
  form: string | null;
  finding: string | null;
  sanction: string | null;
  rprp: boolean;
  n: number;
};

const allegationGroupsSql = sql`select coalesce(cat.parent_code, ap.category_code) as category, ap.case_type, ap.state,
        ap.severity, ap.case_to_answer, ap.form, ap.finding, ap.sanction, ap.rprp, count(*)::int as n
      from ap left join allegation_categories cat on cat.code = ap.category_code
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9`;

/** Allegations of the period grouped by top-level category, case type and everything their track reached. */
export async function allegationGroups(
  db: Db,
  scope: AggregateScope,
  period: ReportingPeriod,
): Promise<AllegationGroupRow[]> {
  return rawRows<AllegationGroupRow>(db, sql`with ${allegationsInPeriod(scope, period)} ${allegationGroupsSql}`);
}

export async function topLevelCategories(db: Db): Promise<{ code: string; label: string }[]> {
  return rawRows(db, sql`select code, label from allegation_categories where parent_code is null order by label`);
}

export type SubjectGroupRow = {
  sex: string;
  ethnicity: string;
  person_type: string;
  rank: string | null;
  top_form: string | null;
  subject: number;
  assessed: number;
  case_to_answer: number;
  proceedings: number;
  dismissed: number;
};

const currentRank = (alias: string) =>
  sql.raw(
    `coalesce((select pp.rank from person_postings pp where pp.force_id = ${alias}.force_id and pp.person_id = ${alias}.id and pp.valid_to is null order by pp.valid_from desc limit 1), 'Not recorded')`,
  );

/**
 * The people who were the subject of an allegation of the period (a merged duplicate counts as its
 * survivor, once), grouped by sex, ethnicity, person type, (optionally) current rank and the most serious
 * form of proceedings they reached, with how many reached each stage of the process.
 */
export async function subjectGroups(
  db: Db,
  scope: AggregateScope,
  period: ReportingPeriod,
  withRank = false,
): Promise<SubjectGroupRow[]> {
  return rawRows<SubjectGroupRow>(
    db,
    sql`with ${allegationsInPeriod(scope, period)}, ${perPersonSql(scope)} ${subjectGroupsSql(scope, withRank)}`,
  );
}

/**
 * Both of the above in one statement, the period's allegations read once (a CTE used twice is computed
 * once): what the dashboard needs. Each set of rows comes back as a JSON array.
 */
export async function periodGroups(
  db: Db,
  scope: AggregateScope,
  period: ReportingPeriod,
  withRank = false,
): Promise<{ allegations: AllegationGroupRow[]; subjects: SubjectGroupRow[] }> {
  const [row] = await rawRows<{ allegations: AllegationGroupRow[]; subjects: SubjectGroupRow[] }>(
    db,
    sql`with ${allegationsInPeriod(scope, period)}, ${perPersonSql(scope)},
      ag as (${allegationGroupsSql}),
      sg as (${subjectGroupsSql(scope, withRank)})
      select (select coalesce(json_agg(ag), '[]'::json) from ag) as allegations, (select coalesce(json_agg(sg), '[]'::json) from sg) as subjects`,
  );
  return { allegations: row?.allegations ?? [], subjects: row?.subjects ?? [] };
}

/** Per person (a merged duplicate as its survivor): the furthest each allegation of the period went. */
function perPersonSql(scope: AggregateScope): SQL {
  return sql`per_person as (
        select coalesce(p.merged_into_id, p.id) as person_id,
          bool_or(ap.severity in ('misconduct', 'gross_misconduct')) as assessed,
          bool_or(ap.case_to_answer in ('misconduct', 'gross_misconduct') or ap.form = 'accelerated_hearing') as case_to_answer,
          bool_or(ap.form is not null) as proceedings,
          bool_or(ap.sanction = 'dismissal_without_notice' or ap.finding = 'would_have_been_dismissed') as dismissed,
          case when bool_or(ap.form = 'accelerated_hearing') then 'accelerated_hearing'
               when bool_or(ap.form = 'hearing') then 'hearing'
               when bool_or(ap.form = 'meeting') then 'meeting' end as top_form
        from ap join people p on p.force_id = ${scope.forceId} and p.id = ap.person_id
        group by 1
      )`;
}

function subjectGroupsSql(scope: AggregateScope, withRank: boolean): SQL {
  return sql`select coalesce(q.sex, 'not_stated') as sex, coalesce(q.ethnicity, 'not_stated') as ethnicity, q.person_type,
        ${withRank ? currentRank('q') : sql`null`} as rank, pp.top_form,
        count(*)::int as subject, count(*) filter (where pp.assessed)::int as assessed,
        count(*) filter (where pp.case_to_answer)::int as case_to_answer, count(*) filter (where pp.proceedings)::int as proceedings,
        count(*) filter (where pp.dismissed)::int as dismissed
      from per_person pp join people q on q.force_id = ${scope.forceId} and q.id = pp.person_id
      group by 1, 2, 3, 4, 5`;
}

export type WorkforceRow = { sex: string; ethnicity: string; person_type: string; rank: string | null; n: number };

/** The force's current workforce (the denominators of every rate): current people, duplicates left out. */
export async function workforceGroups(db: Db, forceId: string, withRank = false): Promise<WorkforceRow[]> {
  return rawRows<WorkforceRow>(
    db,
    sql`select coalesce(p.sex, 'not_stated') as sex, coalesce(p.ethnicity, 'not_stated') as ethnicity, p.person_type,
        ${withRank ? currentRank('p') : sql`null`} as rank, count(*)::int as n
      from people p where p.force_id = ${forceId} and p.status = 'current' and p.merged_into_id is null
      group by 1, 2, 3, 4`,
  );
}

/** Cases finalised (closed) in the period, or received in it, by case type. */
export async function caseVolumes(
  db: Db,
  scope: AggregateScope,
  period: ReportingPeriod,
): Promise<{ case_type: string; n: number }[]> {
  const inPeriod =
    period.basis === 'finalised'
      ? sql`c.status = 'closed' and c.closed_on between ${period.from}::date and ${period.to}::date`
      : sql`c.came_to_attention_on between ${period.from}::date and ${period.to}::date`;
  return rawRows(
    db,
    sql`select c.case_type, count(*)::int as n from cases c where ${scope.cases} and ${inPeriod} group by 1`,
  );
}

export type TimelinessRow = {
  case_type: string;
  n: number;
  avg_days: number | null;
  avg_days_excluding: number | null;
};

/**
 * Days from coming to attention to being finalised, for the cases finalised in the period (or received in
 * it and finalised since), with and without the days under sub judice (the union of the case's sub judice
 * periods, inside its life; an open-ended period runs to the day the case closed).
 */
export async function timeliness(db: Db, scope: AggregateScope, period: ReportingPeriod): Promise<TimelinessRow[]> {
  const inPeriod =
    period.basis === 'finalised'
      ? sql`c.closed_on between ${period.from}::date and ${period.to}::date`
      : sql`c.came_to_attention_on between ${period.from}::date and ${period.to}::date`;
  return rawRows<TimelinessRow>(
    db,
    sql`with fc as (
        select c.case_type, (c.closed_on - c.came_to_attention_on) as days,
          (select count(distinct d)::int from criminal_proceedings cp
             cross join lateral generate_series(greatest(cp.sub_judice_from, c.came_to_attention_on)::timestamp,
               least(coalesce(cp.sub_judice_to, c.closed_on), c.closed_on)::timestamp, interval '1 day') d
           where cp.force_id = c.force_id and cp.case_id = c.id and cp.sub_judice_from is not null) as sub_judice_days
        from cases c where ${scope.cases} and c.status = 'closed' and c.closed_on is not null and ${inPeriod}
      )
      select case_type, count(*)::int as n, avg(days)::float8 as avg_days, avg(days - sub_judice_days)::float8 as avg_days_excluding
      from fc group by 1`,
  );
}

/** Cases open on a day, and those of them open for more than 12 months since coming to attention. */
export async function openCases(
  db: Db,
  scope: AggregateScope,
  asAt: IsoDate,
): Promise<{ case_type: string; open: number; over_12_months: number }[]> {
  return rawRows(
    db,
    sql`select c.case_type, count(*)::int as open,
        count(*) filter (where (c.came_to_attention_on + interval '12 months')::date < ${asAt}::date)::int as over_12_months
      from cases c where ${scope.cases} and c.came_to_attention_on <= ${asAt}::date and (c.closed_on is null or c.closed_on > ${asAt}::date)
      group by 1`,
  );
}

/** Barred list returns triggered in the period, by the subject's person type. */
export async function barredListReturns(
  db: Db,
  scope: AggregateScope,
  period: ReportingPeriod,
): Promise<{ person_type: string; n: number }[]> {
  return rawRows(
    db,
    sql`select p.person_type, count(distinct p.id)::int as n
      from list_returns lr
        join cases c on c.force_id = lr.force_id and c.id = lr.case_id
        join case_subjects s on s.force_id = lr.force_id and s.id = lr.subject_id
        join people p on p.force_id = s.force_id and p.id = s.person_id
      where lr.force_id = ${scope.forceId} and lr.list = 'barred' and ${scope.cases}
        and lr.triggered_on between ${period.from}::date and ${period.to}::date
      group by 1`,
  );
}

/**
 * The day of the force's earliest allegation (imported history reaches back decades), from the narrow
 * figures table's (force, received_on) index: one index probe. Null for a force with no allegations.
 */
export async function earliestReceivedOn(db: Db, forceId: string): Promise<IsoDate | null> {
  const [row] = await rawRows<{ d: string | null }>(
    db,
    sql`select min(received_on)::text as d from allegation_figures where force_id = ${forceId}`,
  );
  return row?.d ?? null;
}
