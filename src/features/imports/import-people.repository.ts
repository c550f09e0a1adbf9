import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { arr } from './import-batch.repository.ts';

/**
 * The people side of a batch (import-batch.repository.ts for the shape of these statements): units, people,
 * their numbers and postings, history added to people imported before, and people found by source key.
 */

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
