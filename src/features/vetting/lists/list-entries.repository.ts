import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import { listEntries, listMatches } from '../../../db/schema/index.ts';

/** The SQL of barred and advisory list entries (the force's own returns and imported national lists) and of matches. */

export type ListEntryRow = typeof listEntries.$inferSelect;
export type ListMatchRow = typeof listMatches.$inferSelect;
const BATCH = 500;

/**
 * Copies the force's own barred and advisory list returns (misconduct's list_returns) into the list
 * entries, once each (source key `return:<id>`): names, date of birth and every number the person has
 * held come from their person record, the rank, force and conduct from the return's document.
 */
export async function syncOwnReturns(tx: Db, forceId: string): Promise<number> {
  const added = await rawRows<{ id: string }>(
    tx,
    sql`insert into list_entries (force_id, list, origin, list_return_id, given_name, family_name, date_of_birth, former_force, rank, identifiers, reason, listed_on, source_key)
      select r.force_id, r.list, 'own_return', r.id, p.given_name, p.family_name, p.date_of_birth,
        coalesce(r.document->>'force', ''), coalesce(r.document->>'rank', ''),
        coalesce((select array_agg(distinct i.value order by i.value) from person_identifiers i where i.force_id = p.force_id and i.person_id = p.id), '{}'),
        coalesce(r.document->>'conduct', ''), r.triggered_on, 'return:' || r.id::text
      from list_returns r
      join case_subjects s on s.force_id = r.force_id and s.id = r.subject_id
      join people p on p.force_id = s.force_id and p.id = s.person_id
      where r.force_id = ${forceId}
      on conflict (force_id, source_key) do nothing
      returning id`,
  );
  return added.length;
}

export type EntryForMatch = {
  id: string;
  list: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  identifiers: string[];
};

export async function entriesForMatching(db: Db, forceId: string): Promise<EntryForMatch[]> {
  return db
    .select({
      id: listEntries.id,
      list: listEntries.list,
      givenName: listEntries.givenName,
      familyName: listEntries.familyName,
      dateOfBirth: listEntries.dateOfBirth,
      identifiers: listEntries.identifiers,
    })
    .from(listEntries)
    .where(and(eq(listEntries.forceId, forceId), isNull(listEntries.removedOn)));
}

/** Records likely matches; a pair already recorded (whatever its decision) is left as it is. Returns the new rows. */
export async function insertMatches(tx: Db, rows: (typeof listMatches.$inferInsert)[]): Promise<ListMatchRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(listMatches).values(rows).onConflictDoNothing().returning();
}

export type MatchView = {
  id: string;
  score: number;
  reasons: string[];
  decision: string;
  decided_on: string | null;
  decided_by_name: string | null;
  note: string;
  list: string;
  origin: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  former_force: string;
  rank: string;
  identifiers: string[];
  reason: string;
  listed_on: string | null;
  removed_on: string | null;
};

export async function matchesOfApplication(db: Db, forceId: string, applicationId: string): Promise<MatchView[]> {
  return rawRows<MatchView>(
    db,
    sql`select m.id, m.score, m.reasons, m.decision, m.decided_on::text as decided_on, u.display_name as decided_by_name, m.note,
        e.list, e.origin, e.given_name, e.family_name, e.date_of_birth::text as date_of_birth, e.former_force, e.rank, e.identifiers, e.reason, e.listed_on::text as listed_on,
        e.removed_on::text as removed_on
      from list_matches m join list_entries e on e.force_id = m.force_id and e.id = m.entry_id
      left join users u on u.id = m.decided_by
      where m.force_id = ${forceId} and m.application_id = ${applicationId}::uuid
      order by (m.decision = 'pending') desc, m.score desc, m.id`,
  );
}

export async function findMatchForUpdate(
  tx: Db,
  forceId: string,
  applicationId: string,
  matchId: string,
): Promise<ListMatchRow | undefined> {
  const [row] = await tx
    .select()
    .from(listMatches)
    .where(
      and(eq(listMatches.forceId, forceId), eq(listMatches.applicationId, applicationId), eq(listMatches.id, matchId)),
    )
    .for('update');
  return row;
}

export async function decideMatch(
  tx: Db,
  forceId: string,
  id: string,
  set: { decision: 'confirmed_match' | 'not_a_match'; note: string; decidedBy: string; decidedOn: string },
): Promise<void> {
  await tx
    .update(listMatches)
    .set(set)
    .where(and(eq(listMatches.forceId, forceId), eq(listMatches.id, id)));
}

/** Pending matches, and confirmed matches on the barred list, of an application. */
export async function matchCounts(
  db: Db,
  forceId: string,
  applicationId: string,
): Promise<{ pending: number; confirmedBarred: number }> {
  const [row] = await rawRows<{ pending: number; confirmed_barred: number }>(
    db,
    sql`select count(*) filter (where m.decision = 'pending')::int as pending,
        count(*) filter (where m.decision = 'confirmed_match' and e.list = 'barred')::int as confirmed_barred
      from list_matches m join list_entries e on e.force_id = m.force_id and e.id = m.entry_id
      -- An entry taken off its list no longer blocks a decision, decided or not.
      where m.force_id = ${forceId} and m.application_id = ${applicationId}::uuid and e.removed_on is null`,
  );
  return { pending: row?.pending ?? 0, confirmedBarred: row?.confirmed_barred ?? 0 };
}

export type EntryFilter = { list?: string | undefined; origin?: string | undefined; q?: string | undefined };

function entryWhere(forceId: string, f: EntryFilter): SQL {
  const parts = [sql`e.force_id = ${forceId}`];
  if (f.list) parts.push(sql`e.list = ${f.list}`);
  if (f.origin) parts.push(sql`e.origin = ${f.origin}`);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`((e.given_name || ' ' || e.family_name) ilike ${like} or ${f.q} = any(e.identifiers))`);
  }
  return sql.join(parts, sql` and `);
}

export type EntryListRow = {
  id: string;
  list: string;
  origin: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  former_force: string;
  rank: string;
  identifiers: string[];
  reason: string;
  listed_on: string | null;
  removed_on: string | null;
};

export async function browseEntries(db: Db, forceId: string, f: EntryFilter, page: { limit: number; offset: number }) {
  const where = entryWhere(forceId, f);
  const [count] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from list_entries e where ${where}`);
  const rows = await rawRows<EntryListRow>(
    db,
    sql`select e.id, e.list, e.origin, e.given_name, e.family_name, e.date_of_birth::text as date_of_birth, e.former_force, e.rank, e.identifiers, e.reason, e.listed_on::text as listed_on,
        e.removed_on::text as removed_on
      from list_entries e where ${where}
      order by e.family_name, e.given_name, e.id limit ${page.limit} offset ${page.offset}`,
  );
  return { rows, total: count?.n ?? 0 };
}

export async function countEntries(db: Db, forceId: string): Promise<Record<'barred' | 'advisory', number>> {
  const rows = await rawRows<{ list: 'barred' | 'advisory'; n: number }>(
    db,
    sql`select list, count(*)::int as n from list_entries where force_id = ${forceId} and removed_on is null group by list`,
  );
  return {
    barred: rows.find((r) => r.list === 'barred')?.n ?? 0,
    advisory: rows.find((r) => r.list === 'advisory')?.n ?? 0,
  };
}

export async function entriesBySourceKeys(tx: Db, forceId: string, keys: string[]): Promise<ListEntryRow[]> {
  const out: ListEntryRow[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    out.push(
      ...(await tx
        .select()
        .from(listEntries)
        .where(and(eq(listEntries.forceId, forceId), inArray(listEntries.sourceKey, keys.slice(i, i + BATCH))))),
    );
  }
  return out;
}

export async function insertEntries(tx: Db, rows: (typeof listEntries.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(listEntries).values(rows.slice(i, i + BATCH));
}

export async function updateEntry(
  tx: Db,
  forceId: string,
  id: string,
  set: Partial<typeof listEntries.$inferInsert>,
): Promise<void> {
  await tx
    .update(listEntries)
    .set(set)
    .where(and(eq(listEntries.forceId, forceId), eq(listEntries.id, id)));
}

/**
 * Marks as removed (on `today`) the national entries of a list that the latest file no longer has, and
 * clears the mark of entries it has again. Returns how many were removed and restored.
 */
export async function markRemovedEntries(
  tx: Db,
  forceId: string,
  list: string,
  presentKeys: string[],
  today: string,
): Promise<{ removed: number; restored: number }> {
  const keys = sql`${sql.param(presentKeys)}::text[]`;
  const removed = await rawRows<{ id: string }>(
    tx,
    sql`update list_entries set removed_on = ${today}::date
      where force_id = ${forceId} and list = ${list} and origin = 'national_import' and removed_on is null
        and not (source_key = any(${keys}))
      returning id`,
  );
  const restored = await rawRows<{ id: string }>(
    tx,
    sql`update list_entries set removed_on = null
      where force_id = ${forceId} and list = ${list} and origin = 'national_import' and removed_on is not null
        and source_key = any(${keys})
      returning id`,
  );
  return { removed: removed.length, restored: restored.length };
}
