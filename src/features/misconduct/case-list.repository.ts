import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

/** The case list (filters, order, the need-to-know rule) and every allegation against one person across cases. */

export type CaseListFilter = {
  view: 'mine' | 'unallocated' | 'all';
  status?: 'open' | 'closed' | undefined;
  /** A reference, words of the summary, a subject's name, or a number a subject holds or has held. */
  q?: string | undefined;
  /** An allegation category; a parent category also finds its sub-categories. */
  category?: string | undefined;
  /** Allegation stages (states of the track): a case with an allegation at any of them. */
  stage?: readonly string[] | undefined;
  /** A lead investigator's user id, or 'none' for unallocated. */
  lead?: string | undefined;
  source?: string | undefined;
  confidentiality?: string | undefined;
  /** Came to attention on or after / on or before (ISO dates). */
  from?: string | undefined;
  to?: string | undefined;
};
export type CaseListRow = {
  id: string;
  reference: string;
  summary: string;
  source: string;
  came_to_attention_on: string;
  confidentiality: string;
  status: string;
  lead: string | null;
  subjects: number;
  allegations: number;
};
export type CaseListOrder = {
  limit: number;
  offset: number;
  sort?: 'reference' | 'received' | 'lead' | 'subjects' | 'allegations';
  dir?: 'asc' | 'desc';
};

const likePattern = (text: string) => `%${text.replaceAll(/[\\%_]/g, (m) => `\\${m}`)}%`;

function caseListWhere(principal: Principal, f: CaseListFilter): SQL {
  const parts: SQL[] = [visibleCasesSql(principal)];
  if (f.view === 'mine') parts.push(sql`c.lead_investigator_id = ${principal.userId}::uuid`);
  if (f.view === 'unallocated') parts.push(sql`c.lead_investigator_id is null`);
  if (f.status) parts.push(sql`c.status = ${f.status}`);
  if (f.q) {
    const like = likePattern(f.q);
    // A subject is found by either name, the two together, or any number they hold or held (collar numbers
    // are re-issued: a past holder's case is found by the number they had).
    parts.push(sql`(c.reference ilike ${like} or c.summary ilike ${like}
      or exists (select 1 from case_subjects s join people p on p.force_id = s.force_id and p.id = s.person_id
        where s.force_id = c.force_id and s.case_id = c.id
          and (p.family_name ilike ${like} or p.given_name ilike ${like} or (p.given_name || ' ' || p.family_name) ilike ${like}))
      or exists (select 1 from case_subjects s join person_identifiers i on i.force_id = s.force_id and i.person_id = s.person_id
        where s.force_id = c.force_id and s.case_id = c.id and upper(i.value) = upper(${f.q})))`);
  }
  if (f.category)
    parts.push(sql`exists (select 1 from allegations a where a.force_id = c.force_id and a.case_id = c.id
      and (a.category_code = ${f.category} or a.category_code like ${`${f.category}.%`}))`);
  if (f.stage?.length)
    parts.push(
      sql`exists (select 1 from allegations a where a.force_id = c.force_id and a.case_id = c.id and a.state in (${sql.join(
        f.stage.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
    );
  if (f.lead === 'none') parts.push(sql`c.lead_investigator_id is null`);
  else if (f.lead) parts.push(sql`c.lead_investigator_id = ${f.lead}::uuid`);
  if (f.source) parts.push(sql`c.source = ${f.source}`);
  if (f.confidentiality) parts.push(sql`c.confidentiality = ${f.confidentiality}`);
  if (f.from) parts.push(sql`c.came_to_attention_on >= ${f.from}::date`);
  if (f.to) parts.push(sql`c.came_to_attention_on <= ${f.to}::date`);
  return sql.join(parts, sql` and `);
}

function caseListOrder(order: CaseListOrder): SQL {
  const dir = order.dir === 'asc' ? sql`asc` : sql`desc`;
  switch (order.sort ?? 'received') {
    case 'reference':
      return sql`c.reference ${dir}, c.id`;
    case 'received':
      return sql`c.came_to_attention_on ${dir}, c.reference, c.id`;
    case 'lead':
      return sql`(select u.display_name from users u where u.id = c.lead_investigator_id) ${dir} nulls last, c.came_to_attention_on desc, c.reference, c.id`;
    case 'subjects':
      return sql`(select count(*) from case_subjects s where s.force_id = c.force_id and s.case_id = c.id) ${dir}, c.came_to_attention_on desc, c.reference, c.id`;
    case 'allegations':
      return sql`(select count(*) from allegations a where a.force_id = c.force_id and a.case_id = c.id) ${dir}, c.came_to_attention_on desc, c.reference, c.id`;
  }
}

/**
 * A page of the list and the total, under one WHERE clause. For the default order the page's ids are chosen
 * from cases_list_idx alone (every column the need-to-know rule and the order read is in it, so neither the
 * count nor the page visits the table), then only those rows are read with their counts of subjects and
 * allegations, and put back in the chosen order.
 * The count stops at `countLimit` + 1: past the limit the caller says "more than" (list-cases.ts), so a
 * request never counts a large force's whole caseload.
 */
export async function listCases(
  db: Db,
  principal: Principal,
  f: CaseListFilter,
  page: CaseListOrder,
  countLimit: number,
) {
  const where = caseListWhere(principal, f);
  const [count] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from cases c where ${where} limit ${countLimit + 1}) counted`,
  );
  const ids = (
    await rawRows<{ id: string }>(
      db,
      sql`select c.id from cases c where ${where} order by ${caseListOrder(page)} limit ${page.limit} offset ${page.offset}`,
    )
  ).map((r) => r.id);
  const found = ids.length
    ? await rawRows<CaseListRow>(
        db,
        sql`select c.id, c.reference, c.summary, c.source, c.came_to_attention_on::text as came_to_attention_on, c.confidentiality, c.status,
            u.display_name as lead,
            (select count(*)::int from case_subjects s where s.force_id = c.force_id and s.case_id = c.id) as subjects,
            (select count(*)::int from allegations a where a.force_id = c.force_id and a.case_id = c.id) as allegations
          from cases c left join users u on u.id = c.lead_investigator_id
          where c.force_id = ${principal.forceId} and c.id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
      )
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const n = count?.n ?? 0;
  return { total: Math.min(n, countLimit), moreThanTotal: n > countLimit, rows };
}

export type PersonAllegationRow = {
  case_id: string;
  reference: string;
  category_code: string;
  category: string;
  state: string;
  came_to_attention_on: string;
};

/** Every allegation against a person across all cases the principal may see (patterns missed one case at a time). */
export async function allegationsAgainstPerson(
  db: Db,
  principal: Principal,
  personId: string,
): Promise<PersonAllegationRow[]> {
  return rawRows<PersonAllegationRow>(
    db,
    sql`select c.id as case_id, c.reference, a.category_code, coalesce(cat.label, a.category_code) as category, a.state, c.came_to_attention_on::text as came_to_attention_on
      from allegations a
      join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id
      join cases c on c.force_id = a.force_id and c.id = a.case_id
      left join allegation_categories cat on cat.code = a.category_code
      where s.person_id = ${personId}::uuid and ${visibleCasesSql(principal)}
      order by c.came_to_attention_on desc, c.reference`,
  );
}
