import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';
import { WINDOW_CLOSED_STATUSES, type FlagAllegation } from './suspension-flag.ts';
import type { RestrictionKind } from './restriction-rules.ts';

/**
 * The SQL of the lists, the flag's facts and the reports. Lists for a user take the principal and apply
 * {@link visibleCasesSql} over `cases c`; the aggregate reports take a force (for oversight, which never
 * sees a case) and return numbers only. A list and its count share one WHERE clause.
 */

/** Where the rows come from: a user's need-to-know, or a whole force (aggregates only). */
export type ListScope = { principal: Principal } | { forceId: string };

export function scopeSql(scope: ListScope): SQL {
  return 'principal' in scope ? visibleCasesSql(scope.principal) : sql`c.force_id = ${scope.forceId}`;
}

/** `<alias>.category_code` is one of the serious categories or below one. */
function seriousSql(categories: readonly string[], alias = 'a'): SQL {
  if (categories.length === 0) return sql`false`;
  const code = sql.raw(`${alias}.category_code`);
  return sql`(${sql.join(
    categories.map(
      (c) => sql`(${code} = ${c} or ${code} like ${`${c.replaceAll('_', '\\_').replaceAll('%', '\\%')}.%`})`,
    ),
    sql` or `,
  )})`;
}

export type FlagFactsRow = {
  subject_id: string;
  case_id: string;
  person_id: string;
  reference: string;
  given_name: string;
  family_name: string;
  left_on: IsoDate | null;
  case_open: boolean;
  allegations: FlagAllegation[] | null;
  criminal: { kind: string; occurredOn: IsoDate }[] | null;
  /** Every restriction of the subject in force now (several kinds may run at once), oldest first. */
  in_force:
    { id: string; kind: RestrictionKind; nextReviewDueOn: IsoDate | null; decisionMakerUserId: string }[] | null;
  rationales: { decidedOn: IsoDate; validUntil: IsoDate }[] | null;
};

export type FlagNarrowing = {
  caseId?: string;
  personIds?: string[];
  /** Only these subjects (case_subjects ids). */
  subjectIds?: string[];
  /** Only the subjects the rule could flag (see flaggableSubjectsSql): for counting flags. */
  flaggable?: boolean;
};

/** The subjects `narrow` picks, as `s` (with their case `c`), over the scope. */
function flagSubjects(
  scope: ListScope,
  seriousCategories: readonly string[],
  narrow: FlagNarrowing,
): { with: SQL; from: SQL; where: SQL } {
  const force = 'principal' in scope ? scope.principal.forceId : scope.forceId;
  // `flaggable`: the candidates are found first (few, through allegation_figures_live_idx), then only their facts read.
  const candidates = narrow.flaggable
    ? sql`with flaggable as materialized (${flaggableSubjectsSql(force, seriousCategories)}) `
    : sql``;
  // Each candidate's subject row by its key (OFFSET 0 keeps it a lookup: never a scan of the force's subjects).
  const subjects = narrow.flaggable
    ? sql`flaggable fl cross join lateral (select * from case_subjects s0 where s0.force_id = ${force} and s0.id = fl.subject_id offset 0) s`
    : sql`case_subjects s`;
  // A candidate must still be on an open case, serving and not suspended (its serious allegation is known);
  // any other subject must have a serious allegation.
  const conditions = narrow.flaggable
    ? sql`and c.status = 'open' and s.left_on is null and not exists (select 1 from duty_restrictions r
        where r.force_id = s.force_id and r.subject_id = s.id and r.status = 'in_force' and r.kind = 'suspension')`
    : sql`and exists (select 1 from allegations a where a.force_id = s.force_id and a.subject_id = s.id and ${seriousSql(seriousCategories)})`;
  const byCase = narrow.caseId ? sql`and s.case_id = ${narrow.caseId}::uuid` : sql``;
  const byPeople = narrow.personIds
    ? sql`and s.person_id in (${sql.join(
        narrow.personIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const bySubject = narrow.subjectIds
    ? sql`and s.id in (${sql.join(
        narrow.subjectIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  return {
    with: candidates,
    from: sql`${subjects}
        join cases c on c.force_id = s.force_id and c.id = s.case_id`,
    where: sql`${scopeSql(scope)} ${byCase} ${byPeople} ${bySubject} ${conditions}`,
  };
}

/**
 * The facts the flag rule needs, for every subject of the scope who has an allegation in a serious category
 * (narrowed to one case, or to some people, when given). The rule itself (suspension-flag.ts) decides.
 */
export async function flagFactsOf(
  db: Db,
  scope: ListScope,
  seriousCategories: readonly string[],
  narrow: FlagNarrowing = {},
): Promise<FlagFactsRow[]> {
  if ((narrow.personIds && narrow.personIds.length === 0) || (narrow.subjectIds && narrow.subjectIds.length === 0))
    return [];
  const q = flagSubjects(scope, seriousCategories, narrow);
  return rawRows<FlagFactsRow>(
    db,
    sql`${q.with}select s.id as subject_id, s.case_id, s.person_id, c.reference, p.given_name, p.family_name, s.left_on::text as left_on,
        c.status = 'open' as case_open,
        (select json_agg(json_build_object(
            'categoryCode', a.category_code, 'status', a.state, 'severity', a.facts->'track'->>'severity',
            'grossAssessedOn', case when a.facts->'track'->>'severity' = 'gross_misconduct' then coalesce(
              (select max(e.occurred_on)::text from allegation_events e where e.force_id = a.force_id and e.allegation_id = a.id
                and e.action = 'assess_severity' and e.details->>'severity' = 'gross_misconduct'),
              c.came_to_attention_on::text) end))
          from allegations a where a.force_id = s.force_id and a.subject_id = s.id) as allegations,
        (select json_agg(json_build_object('kind', cp.kind, 'occurredOn', cp.occurred_on::text))
          from criminal_proceedings cp where cp.force_id = s.force_id and cp.subject_id = s.id and cp.kind in ('arrest', 'charge')) as criminal,
        (select json_agg(json_build_object('id', r.id, 'kind', r.kind, 'nextReviewDueOn', r.next_review_due_on::text,
            'decisionMakerUserId', r.decision_maker_user_id) order by r.decided_on, r.created_at)
          from duty_restrictions r where r.force_id = s.force_id and r.subject_id = s.id and r.status = 'in_force') as in_force,
        (select json_agg(json_build_object('decidedOn', f.decided_on::text, 'validUntil', f.valid_until::text))
          from suspension_flag_rationales f where f.force_id = s.force_id and f.subject_id = s.id) as rationales
      from ${q.from}
        join people p on p.force_id = s.force_id and p.id = s.person_id
      where ${q.where}
      order by c.reference, p.family_name, p.given_name`,
  );
}

/**
 * The flaggable subjects of the scope, found once and split by whether a senior rationale valid after `asOf`
 * exists for them: those without are only counted, those with are named (their facts are read by id).
 */
export async function splitFlaggableSubjects(
  db: Db,
  scope: ListScope,
  seriousCategories: readonly string[],
  asOf: IsoDate,
): Promise<{ withoutRationale: number; withRationale: string[] }> {
  const q = flagSubjects(scope, seriousCategories, { flaggable: true });
  const [row] = await rawRows<{ without_rationale: number; with_rationale: string[] }>(
    db,
    sql`${q.with}select count(*) filter (where not x.answerable)::int as without_rationale,
        coalesce(array_agg(x.id::text) filter (where x.answerable), '{}') as with_rationale
      from (select s.id, exists (select 1 from suspension_flag_rationales f
              where f.force_id = s.force_id and f.subject_id = s.id and f.valid_until > ${asOf}::date) as answerable
            from ${q.from} where ${q.where}) x`,
  );
  return { withoutRationale: row?.without_rationale ?? 0, withRationale: row?.with_rationale ?? [] };
}

/**
 * `flaggable`: only the subjects the rule (suspension-flag.ts) could flag, for counting flags without reading
 * every subject's facts: a serious allegation whose window is open with a trigger (assessed as gross
 * misconduct, or the subject arrested or charged), and (in flagFactsOf) an open case, not left the force,
 * not suspended. Each is a condition the rule itself requires, so the rule still decides and the count is
 * the same. The gross-misconduct candidates come from allegation_figures_live_idx alone (the allegations'
 * narrow rows, oversight/allegation-figures.repository.ts), the arrested or charged from their criminal
 * proceedings (few). The statuses are written out as constants (code, not input) so that the planner can
 * match the predicate of the index (the same list; a test checks they agree).
 */
function flaggableSubjectsSql(forceId: string, seriousCategories: readonly string[]): SQL {
  const closed = sql.raw([...WINDOW_CLOSED_STATUSES].map((st) => `'${st}'`).join(', '));
  return sql`select s1.id as subject_id from allegation_figures f
      join case_subjects s1 on s1.force_id = f.force_id and s1.case_id = f.case_id and s1.person_id = f.person_id
    where f.force_id = ${forceId} and f.state not in (${closed}) and f.severity = 'gross_misconduct' and ${seriousSql(seriousCategories, 'f')}
    union
    select a.subject_id from criminal_proceedings t
      join allegations a on a.force_id = t.force_id and a.subject_id = t.subject_id
    where t.force_id = ${forceId} and t.kind in ('arrest', 'charge') and a.state not in (${closed}) and ${seriousSql(seriousCategories)}`;
}

export type RestrictionListRow = {
  id: string;
  case_id: string;
  reference: string;
  subject_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  kind: RestrictionKind;
  status: string;
  decided_on: IsoDate;
  starts_on: IsoDate;
  ends_on: IsoDate | null;
  next_review_due_on: IsoDate | null;
  notice_due_on: IsoDate | null;
  written_notice_on: IsoDate | null;
  version: number;
};

export type RestrictionFilter = {
  status?: 'in_force' | 'lifted' | 'replaced' | undefined;
  kind?: RestrictionKind | undefined;
  /** Only in-force restrictions whose review is due on or before this day. */
  reviewDueBy?: IsoDate | undefined;
  /** Only restrictions of one case, or of these people. */
  caseId?: string | undefined;
  personIds?: string[] | undefined;
};

const LIST_LIMIT = 500;

/** Restrictions on cases the principal may see, filtered; soonest review first for in-force ones. */
export async function listRestrictions(
  db: Db,
  principal: Principal,
  f: RestrictionFilter,
): Promise<RestrictionListRow[]> {
  if (f.personIds && f.personIds.length === 0) return [];
  const where: SQL[] = [visibleCasesSql(principal)];
  if (f.status) where.push(sql`r.status = ${f.status}`);
  if (f.kind) where.push(sql`r.kind = ${f.kind}`);
  if (f.reviewDueBy) where.push(sql`r.status = 'in_force' and r.next_review_due_on <= ${f.reviewDueBy}::date`);
  if (f.caseId) where.push(sql`r.case_id = ${f.caseId}::uuid`);
  if (f.personIds)
    where.push(
      sql`r.person_id in (${sql.join(
        f.personIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  return rawRows<RestrictionListRow>(
    db,
    sql`select r.id, r.case_id, c.reference, r.subject_id, r.person_id, p.given_name, p.family_name, r.kind, r.status,
        r.decided_on::text as decided_on, r.starts_on::text as starts_on, r.ends_on::text as ends_on,
        r.next_review_due_on::text as next_review_due_on, r.notice_due_on::text as notice_due_on,
        r.written_notice_on::text as written_notice_on, r.version
      from duty_restrictions r
        join cases c on c.force_id = r.force_id and c.id = r.case_id
        join people p on p.force_id = r.force_id and p.id = r.person_id
      where ${sql.join(where, sql` and `)}
      order by r.status = 'in_force' desc, r.next_review_due_on nulls last, r.starts_on, r.id
      limit ${LIST_LIMIT}`,
  );
}

/** In force on a day: started on or before it and not yet ended (`ends_on` is the day it stopped; a row lifted or replaced later still counts). */
const inForceOn = (asOf: IsoDate) =>
  sql`r.starts_on <= ${asOf}::date and (r.ends_on is null or r.ends_on > ${asOf}::date)`;

/** Aggregate: each in-force restriction's kind and length in days on `asOf` (no names, no ids). */
export async function inForceDurations(
  db: Db,
  scope: ListScope,
  asOf: IsoDate,
): Promise<{ kind: RestrictionKind; days: number }[]> {
  return rawRows<{ kind: RestrictionKind; days: number }>(
    db,
    sql`select r.kind, (${asOf}::date - r.starts_on)::int as days
      from duty_restrictions r join cases c on c.force_id = r.force_id and c.id = r.case_id
      where ${scopeSql(scope)} and ${inForceOn(asOf)}`,
  );
}

/** Aggregate: in-force restrictions whose review date has passed (due before `asOf`). */
export async function countReviewsOverdue(db: Db, scope: ListScope, asOf: IsoDate): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from duty_restrictions r join cases c on c.force_id = r.force_id and c.id = r.case_id
      where ${scopeSql(scope)} and r.status = 'in_force' and r.next_review_due_on < ${asOf}::date`,
  );
  return row?.n ?? 0;
}
