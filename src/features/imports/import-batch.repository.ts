import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';

/**
 * The set-based statements that load one batch: each takes whole columns as arrays (`unnest`), so a batch
 * of thousands of rows costs a handful of statements on both PGlite and PostgreSQL. Every insert is
 * `ON CONFLICT DO NOTHING` on the record's source key, which is what makes an import idempotent: a row
 * imported before is found, not inserted again. Ids are made here so that dependants can refer to them.
 * Existing records are looked up row by row through their unique index (`join lateral … limit 1`, which the
 * planner cannot flatten into a join over the whole table): right after a bulk
 * load the planner's statistics are stale, and a hash join over the whole force would make every batch
 * slower than the one before.
 */

/** A whole column as one typed array parameter, for `unnest`. */
export const arr = (values: readonly unknown[], type: string): SQL => sql`${sql.param(values)}::${sql.raw(type)}[]`;

export type NewUnit = { key: string; name: string; kind: string };

/** Units by source key, creating the missing ones under the force's top unit. */
export async function ensureUnits(
  tx: Db,
  forceId: string,
  wanted: NewUnit[],
): Promise<{ ids: Map<string, string>; created: number }> {
  const ids = new Map<string, string>();
  if (wanted.length === 0) return { ids, created: 0 };
  const found = await rawRows<{ source_key: string; unit_id: string }>(
    tx,
    sql`select u.source_key, u.unit_id from unnest(${arr(
      wanted.map((u) => u.key),
      'text',
    )}) as k(key)
      join lateral (select * from import_units u where u.force_id = ${forceId} and u.source_key = k.key limit 1) u on true`,
  );
  for (const f of found) ids.set(f.source_key, f.unit_id);
  const missing = wanted.filter((u) => !ids.has(u.key));
  if (missing.length === 0) return { ids, created: 0 };
  const [root] = await rawRows<{ id: string; path: string }>(
    tx,
    sql`select id, path from units where force_id = ${forceId} and parent_id is null order by (kind = 'force') desc, path limit 1`,
  );
  const newIds = missing.map(() => randomUUID());
  await tx.execute(sql`insert into units (force_id, id, parent_id, name, kind, path)
    select ${forceId}, u.id, ${root?.id ?? null}::uuid, u.name, u.kind, ${root ? `${root.path}/` : ''} || u.name
    from unnest(${arr(newIds, 'uuid')}, ${arr(
      missing.map((u) => u.name),
      'text',
    )}, ${arr(
      missing.map((u) => u.kind),
      'text',
    )}) as u(id, name, kind)`);
  await tx.execute(sql`insert into import_units (force_id, source_key, unit_id)
    select ${forceId}, u.k, u.id from unnest(${arr(
      missing.map((u) => u.key),
      'text',
    )}, ${arr(newIds, 'uuid')}) as u(k, id)`);
  missing.forEach((u, i) => ids.set(u.key, newIds[i] as string));
  return { ids, created: missing.length };
}

export type NewPerson = {
  id: string;
  key: string;
  givenName: string;
  familyName: string;
  personType: string;
  status: string;
  sex: string | null;
  ethnicity: string | null;
  dateOfBirth: string | null;
  serviceStart: string | null;
  serviceEnd: string | null;
};

/** Inserts the people not imported before; answers the source keys actually inserted. */
export async function insertPeople(tx: Db, forceId: string, rows: NewPerson[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = (pick: (r: NewPerson) => string | null, type: string) => arr(rows.map(pick), type);
  const inserted = await rawRows<{ source_key: string }>(
    tx,
    sql`insert into people (force_id, id, given_name, family_name, person_type, status, search_name, source_key,
        sex, ethnicity, date_of_birth, service_start, service_end)
      select ${forceId}, u.id, u.g, u.f, u.t, u.s, lower(u.g || ' ' || u.f), u.k, u.sx, u.eth, u.dob, u.ss, u.se
      from unnest(${col((r) => r.id, 'uuid')}, ${col((r) => r.givenName, 'text')}, ${col((r) => r.familyName, 'text')},
        ${col((r) => r.personType, 'text')}, ${col((r) => r.status, 'text')}, ${col((r) => r.key, 'text')},
        ${col((r) => r.sex, 'text')}, ${col((r) => r.ethnicity, 'text')}, ${col((r) => r.dateOfBirth, 'date')},
        ${col((r) => r.serviceStart, 'date')}, ${col((r) => r.serviceEnd, 'date')})
        as u(id, g, f, t, s, k, sx, eth, dob, ss, se)
      on conflict (force_id, source_key) do nothing
      returning source_key`,
  );
  return new Set(inserted.map((r) => r.source_key));
}

export type NewIdentifier = {
  personId: string;
  kind: string;
  value: string;
  validFrom: string;
  validTo: string | null;
};

export async function insertIdentifiers(tx: Db, forceId: string, rows: NewIdentifier[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into person_identifiers (force_id, person_id, kind, value, valid_from, valid_to)
    select ${forceId}, u.p, u.k, u.v, u.f, u.t
    from unnest(${arr(
      rows.map((r) => r.personId),
      'uuid',
    )}, ${arr(
      rows.map((r) => r.kind),
      'text',
    )}, ${arr(
      rows.map((r) => r.value),
      'text',
    )},
      ${arr(
        rows.map((r) => r.validFrom),
        'date',
      )}, ${arr(
        rows.map((r) => r.validTo),
        'date',
      )}) as u(p, k, v, f, t)`);
}

export type NewPosting = {
  personId: string;
  rank: string;
  role: string;
  unitId: string;
  validFrom: string;
  validTo?: string | null;
};

export async function insertPostings(tx: Db, forceId: string, rows: NewPosting[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into person_postings (force_id, person_id, rank, role, unit_id, valid_from, valid_to)
    select ${forceId}, u.p, u.r, u.o, u.n, u.f, u.t
    from unnest(${arr(
      rows.map((r) => r.personId),
      'uuid',
    )}, ${arr(
      rows.map((r) => r.rank),
      'text',
    )}, ${arr(
      rows.map((r) => r.role),
      'text',
    )},
      ${arr(
        rows.map((r) => r.unitId),
        'uuid',
      )}, ${arr(
        rows.map((r) => r.validFrom),
        'date',
      )}, ${arr(
        rows.map((r) => r.validTo ?? null),
        'date',
      )}) as u(p, r, o, n, f, t)`);
}

/**
 * History rows (postings and numbers added to people imported before): inserts those not recorded already
 * (same person, unit, rank and period; or same person, kind, number and period) and answers, per row given,
 * whether it was inserted. A rerun inserts nothing. Rows are distinct (the caller drops repeats in a batch).
 */
export async function insertNewPostings(tx: Db, forceId: string, rows: NewPosting[]): Promise<boolean[]> {
  if (rows.length === 0) return [];
  const ids = rows.map(() => randomUUID());
  const col = (pick: (r: NewPosting) => string | null, type: string) => arr(rows.map(pick), type);
  const inserted = await rawRows<{ id: string }>(
    tx,
    sql`insert into person_postings (force_id, id, person_id, rank, role, unit_id, valid_from, valid_to)
      select ${forceId}, u.id, u.p, u.r, u.o, u.n, u.f, u.t
      from unnest(${arr(ids, 'uuid')}, ${col((r) => r.personId, 'uuid')}, ${col((r) => r.rank, 'text')},
        ${col((r) => r.role, 'text')}, ${col((r) => r.unitId, 'uuid')}, ${col((r) => r.validFrom, 'date')},
        ${col((r) => r.validTo ?? null, 'date')}) as u(id, p, r, o, n, f, t)
      where not exists (select 1 from person_postings x where x.force_id = ${forceId} and x.person_id = u.p
        and x.unit_id = u.n and x.rank = u.r and x.valid_from = u.f and x.valid_to is not distinct from u.t)
      returning id`,
  );
  const created = new Set(inserted.map((r) => r.id));
  return ids.map((id) => created.has(id));
}

/** Numbers added to people imported before, unless the same number with the same period is recorded. */
export async function insertNewIdentifiers(tx: Db, forceId: string, rows: NewIdentifier[]): Promise<boolean[]> {
  if (rows.length === 0) return [];
  const ids = rows.map(() => randomUUID());
  const col = (pick: (r: NewIdentifier) => string | null, type: string) => arr(rows.map(pick), type);
  const inserted = await rawRows<{ id: string }>(
    tx,
    sql`insert into person_identifiers (force_id, id, person_id, kind, value, valid_from, valid_to)
      select ${forceId}, u.id, u.p, u.k, u.v, u.f, u.t
      from unnest(${arr(ids, 'uuid')}, ${col((r) => r.personId, 'uuid')}, ${col((r) => r.kind, 'text')},
        ${col((r) => r.value, 'text')}, ${col((r) => r.validFrom, 'date')}, ${col((r) => r.validTo, 'date')})
        as u(id, p, k, v, f, t)
      where not exists (select 1 from person_identifiers x where x.force_id = ${forceId} and x.person_id = u.p
        and x.kind = u.k and x.value = u.v and x.valid_from = u.f and x.valid_to is not distinct from u.t)
      returning id`,
  );
  const created = new Set(inserted.map((r) => r.id));
  return ids.map((id) => created.has(id));
}

/**
 * The closing event of each imported allegation whose source gives a closing date: what the oversight
 * figures read as the day it was finalised (allegation_figures.finalised_on), and what dates its case's closure.
 */
export async function insertClosingEvents(
  tx: Db,
  forceId: string,
  rows: { caseId: string; allegationId: string; closedOn: string; outcome: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into allegation_events (force_id, case_id, allegation_id, action, from_state, to_state, details, occurred_on)
    select ${forceId}, u.c, u.a, 'imported_outcome', 'received', 'closed', jsonb_build_object('outcome', u.o), u.d
    from unnest(${arr(
      rows.map((r) => r.caseId),
      'uuid',
    )}, ${arr(
      rows.map((r) => r.allegationId),
      'uuid',
    )}, ${arr(
      rows.map((r) => r.outcome),
      'text',
    )}, ${arr(
      rows.map((r) => r.closedOn),
      'date',
    )}) as u(c, a, o, d)`);
}

/** People by source key; a merged duplicate resolves to its survivor. */
export async function findPeopleByKey(
  tx: Db,
  forceId: string,
  keys: string[],
): Promise<Map<string, { id: string; former: boolean }>> {
  if (keys.length === 0) return new Map();
  const rows = await rawRows<{ source_key: string; id: string; status: string }>(
    tx,
    sql`select p.source_key, coalesce(p.merged_into_id, p.id) as id, coalesce(s.status, p.status) as status
      from unnest(${arr(keys, 'text')}) as k(key)
      join lateral (select * from people p where p.force_id = ${forceId} and p.source_key = k.key limit 1) p on true
      left join people s on s.force_id = p.force_id and s.id = p.merged_into_id`,
  );
  return new Map(rows.map((r) => [r.source_key, { id: r.id, former: r.status === 'former' }]));
}

export type NewCase = {
  id: string;
  key: string;
  reference: string;
  source: string;
  caseType: string;
  cameToAttentionOn: string;
  regimeVersion: string;
  summary: string;
  status: 'open' | 'closed';
};

/**
 * Cases by source key, inserting those not imported before. A key missing from the answer could not be
 * inserted because its reference belongs to another case.
 */
export async function upsertCases(
  tx: Db,
  forceId: string,
  rows: NewCase[],
): Promise<{ ids: Map<string, string>; inserted: number }> {
  if (rows.length === 0) return { ids: new Map(), inserted: 0 };
  const found = await rawRows<{ source_key: string; id: string; created: boolean }>(
    tx,
    sql`with input as (
        select * from unnest(${arr(
          rows.map((r) => r.id),
          'uuid',
        )}, ${arr(
          rows.map((r) => r.key),
          'text',
        )}, ${arr(
          rows.map((r) => r.reference),
          'text',
        )},
          ${arr(
            rows.map((r) => r.source),
            'text',
          )}, ${arr(
            rows.map((r) => r.caseType),
            'text',
          )}, ${arr(
            rows.map((r) => r.cameToAttentionOn),
            'date',
          )},
          ${arr(
            rows.map((r) => r.regimeVersion),
            'text',
          )}, ${arr(
            rows.map((r) => r.summary),
            'text',
          )}, ${arr(
            rows.map((r) => r.status),
            'text',
          )}) as u(id, k, ref, src, typ, d, reg, summ, st)),
      ins as (
        insert into cases (force_id, id, reference, source, case_type, came_to_attention_on, regime_version, summary, status, source_key)
        select ${forceId}, id, ref, src, typ, d, reg, summ, st, k from input
        on conflict do nothing
        returning source_key, id)
      select source_key, id, true as created from ins
      union all
      select c.source_key, c.id, false from input i
        join lateral (select c.source_key, c.id from cases c where c.force_id = ${forceId} and c.source_key = i.k limit 1) c on true`,
  );
  return { ids: new Map(found.map((r) => [r.source_key, r.id])), inserted: found.filter((r) => r.created).length };
}

/** One subject per (case, person): existing ones are found, missing ones inserted. Keyed "caseId personId". */
export async function upsertSubjects(
  tx: Db,
  forceId: string,
  pairs: { caseId: string; personId: string }[],
): Promise<{ ids: Map<string, string>; inserted: number }> {
  if (pairs.length === 0) return { ids: new Map(), inserted: 0 };
  const found = await rawRows<{ id: string; case_id: string; person_id: string; created: boolean }>(
    tx,
    sql`with input as (
        select * from unnest(${arr(
          pairs.map(() => randomUUID()),
          'uuid',
        )}, ${arr(
          pairs.map((p) => p.caseId),
          'uuid',
        )}, ${arr(
          pairs.map((p) => p.personId),
          'uuid',
        )}) as u(id, case_id, person_id)),
      ins as (
        insert into case_subjects (force_id, id, case_id, person_id)
        select ${forceId}, id, case_id, person_id from input
        on conflict (force_id, case_id, person_id) do nothing
        returning id, case_id, person_id)
      select id, case_id, person_id, true as created from ins
      union all
      select s.id, s.case_id, s.person_id, false from input i
        join lateral (select s.id, s.case_id, s.person_id from case_subjects s
          where s.force_id = ${forceId} and s.case_id = i.case_id and s.person_id = i.person_id limit 1) s on true`,
  );
  return {
    ids: new Map(found.map((r) => [`${r.case_id} ${r.person_id}`, r.id])),
    inserted: found.filter((r) => r.created).length,
  };
}

export type NewAllegation = {
  id: string;
  key: string;
  caseId: string;
  subjectId: string;
  categoryCode: string;
  standards: string[];
  description: string;
  state: string;
  facts: unknown;
};

/** Inserts the allegations not imported before; answers the source keys actually inserted. */
export async function insertAllegations(tx: Db, forceId: string, rows: NewAllegation[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await rawRows<{ source_key: string }>(
    tx,
    sql`insert into allegations (force_id, id, case_id, subject_id, category_code, standards, description, state, facts, source_key)
      select ${forceId}, u.id, u.c, u.s, u.cat, string_to_array(u.std, ','), u.d, u.st, u.f::jsonb, u.k
      from unnest(${arr(
        rows.map((r) => r.id),
        'uuid',
      )}, ${arr(
        rows.map((r) => r.caseId),
        'uuid',
      )}, ${arr(
        rows.map((r) => r.subjectId),
        'uuid',
      )},
        ${arr(
          rows.map((r) => r.categoryCode),
          'text',
        )}, ${arr(
          rows.map((r) => r.standards.join(',')),
          'text',
        )}, ${arr(
          rows.map((r) => r.description),
          'text',
        )},
        ${arr(
          rows.map((r) => r.state),
          'text',
        )}, ${arr(
          rows.map((r) => JSON.stringify(r.facts)),
          'text',
        )}, ${arr(
          rows.map((r) => r.key),
          'text',
        )}) as u(id, c, s, cat, std, d, st, f, k)
      on conflict (force_id, source_key) do nothing
      returning source_key`,
  );
  return new Set(inserted.map((r) => r.source_key));
}

/**
 * A case is closed when none of its allegations is still open (the rule progress-allegation applies to its
 * last allegation), on the latest closing date of its allegations (none when the source gives none). Only
 * cases whose status or closing date changes are written, so a rerun writes nothing.
 */
export async function refreshCaseStatus(tx: Db, forceId: string, caseIds: string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await tx.execute(sql`update cases c set status = x.status, closed_on = x.closed_on, version = c.version + 1
    from (select c2.id, y.status, case when y.status = 'closed' then (select max(e.occurred_on) from allegation_events e
              where e.force_id = c2.force_id and e.case_id = c2.id and e.to_state = 'closed') end as closed_on
          from unnest(${arr(caseIds, 'uuid')}) as k(id)
          join lateral (select * from cases c2 where c2.force_id = ${forceId} and c2.id = k.id limit 1) c2 on true
          cross join lateral (select case when exists (select 1 from allegations a where a.force_id = c2.force_id
              and a.case_id = c2.id and a.state <> 'closed') then 'open' else 'closed' end as status) y) x
    where c.force_id = ${forceId} and c.id = x.id and (c.status <> x.status or c.closed_on is distinct from x.closed_on)`);
}

/** Fresh planner statistics for the tables an import fills, so that the application's queries plan well after it. */
export async function analyseImportedTables(db: Db): Promise<void> {
  await db.execute(
    sql`analyze units, people, person_identifiers, person_postings, cases, case_subjects, allegations, import_units,
      complaints, complaint_subjects, complaint_allegations, complaint_complainants`,
  );
}
