import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visiblePeopleSql } from '../../kernel/access/people-scope.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

/**
 * What `probity export` reads, a page at a time in id order (keyset, so a large export never slows down or
 * skips rows). Every read goes through the same need-to-know scope as the pages: visiblePeopleSql for people
 * (and, like the directory, not merged duplicates), visibleCasesSql for cases and their allegations.
 */
export const EXPORT_COLUMNS = {
  people: ['id', 'source_key', 'given_name', 'family_name', 'person_type', 'status', 'numbers', 'rank', 'unit'],
  cases: [
    'id',
    'reference',
    'source_key',
    'source',
    'case_type',
    'came_to_attention_on',
    'regime_version',
    'status',
    'closed_on',
    'confidentiality',
    'summary',
    'subjects',
    'allegations',
  ],
  allegations: [
    'id',
    'case_reference',
    'source_key',
    'person_id',
    'given_name',
    'family_name',
    'category_code',
    'standards',
    'description',
    'state',
    'finding',
    'sanction',
    'finalised_on',
    'imported_outcome',
    'source_outcome',
    // The source's kept columns (the mapping's `keep`), as one JSON object, word for word.
    'source_columns',
  ],
} as const;

export type ExportKind = keyof typeof EXPORT_COLUMNS;
type Row = Record<string, unknown> & { id: string };

export async function exportPage(
  db: Db,
  principal: Principal,
  what: ExportKind,
  afterId: string | null,
  limit: number,
): Promise<Row[]> {
  const after = afterId ?? '00000000-0000-0000-0000-000000000000';
  switch (what) {
    case 'people':
      return rawRows<Row>(
        db,
        sql`select p.id, p.source_key, p.given_name, p.family_name, p.person_type, p.status,
            (select string_agg(i.kind || ' ' || i.value, '; ' order by i.kind, i.value) from person_identifiers i
              where i.force_id = p.force_id and i.person_id = p.id and i.valid_to is null) as numbers,
            cur.rank, cur.unit
          from people p
          left join lateral (select pp.rank, u.name as unit from person_postings pp join units u on u.force_id = pp.force_id and u.id = pp.unit_id
            where pp.force_id = p.force_id and pp.person_id = p.id order by pp.valid_from desc limit 1) cur on true
          where ${visiblePeopleSql(principal)} and p.merged_into_id is null and p.id > ${after}::uuid
          order by p.id limit ${limit}`,
      );
    case 'cases':
      return rawRows<Row>(
        db,
        sql`select c.id, c.reference, c.source_key, c.source, c.case_type, c.came_to_attention_on::text as came_to_attention_on, c.regime_version,
            c.status, c.closed_on::text as closed_on, c.confidentiality, c.summary,
            (select count(*)::int from case_subjects s where s.force_id = c.force_id and s.case_id = c.id) as subjects,
            (select count(*)::int from allegations a where a.force_id = c.force_id and a.case_id = c.id) as allegations
          from cases c
          where ${visibleCasesSql(principal)} and c.id > ${after}::uuid
          order by c.id limit ${limit}`,
      );
    case 'allegations':
      return rawRows<Row>(
        db,
        sql`select a.id, c.reference as case_reference, a.source_key, p.id as person_id, p.given_name, p.family_name, a.category_code, a.standards,
            a.description, a.state, a.facts->'track'->>'finding' as finding, a.facts->'track'->>'sanction' as sanction,
            f.finalised_on::text as finalised_on, a.facts->'imported'->>'outcome' as imported_outcome,
            a.facts->'imported'->>'sourceOutcome' as source_outcome, (a.facts->'imported'->'source')::text as source_columns
          from allegations a
          left join allegation_figures f on f.force_id = a.force_id and f.allegation_id = a.id
          join cases c on c.force_id = a.force_id and c.id = a.case_id
          join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id
          join people p on p.force_id = s.force_id and p.id = s.person_id
          where ${visibleCasesSql(principal)} and a.force_id = ${principal.forceId} and a.id > ${after}::uuid
          order by a.id limit ${limit}`,
      );
    default: {
      const unhandled: never = what;
      throw new Error(`unknown export ${String(unhandled)}`);
    }
  }
}
