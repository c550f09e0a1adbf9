import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { personIdentifiers, personMerges, personPostings, people, units } from '../../db/schema/index.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visiblePeopleSql } from '../../kernel/access/people-scope.ts';

const rows = rawRows;

export type DirectoryFilter = {
  q?: string | undefined;
  unitId?: string | undefined;
  rank?: string | undefined;
  personType?: string | undefined;
  status?: string | undefined;
};

export type DirectoryRow = {
  id: string;
  given_name: string;
  family_name: string;
  person_type: string;
  status: string;
  rank: string | null;
  role: string | null;
  unit_name: string | null;
  numbers: string | null;
  matched_number: string | null;
  matched_valid_to: string | null;
};

/** A number typed with at least this many characters also finds the numbers that contain it (trigram index). */
export const PARTIAL_NUMBER_MIN_LENGTH = 3;

const likeEscape = (w: string) => w.replace(/[%_\\]/g, (c) => `\\${c}`);

/** The number search's test on `i.value`, in the form the expression indexes of migration 0018 answer. */
function numberMatches(q: string): SQL {
  const upper = q.toUpperCase();
  if (upper.length < PARTIAL_NUMBER_MIN_LENGTH) return sql`upper(i.value) = ${upper}`;
  // Containing includes equal: one LIKE, which the trigram index answers on its own.
  return sql`upper(i.value) like ${`%${likeEscape(upper)}%`}`;
}

/**
 * The records a number search finds, as a semi-join the planner starts from the identifiers' indexes: the
 * holders of a matching current or past number, a merged duplicate's number finding the record it was merged
 * into. (Before, an `exists` per person read every identifier of the force for every person: issue 13.)
 */
function numberHits(forceId: string, q: string): SQL {
  return sql`select coalesce(h.merged_into_id, h.id) from person_identifiers i
      join people h on h.force_id = i.force_id and h.id = i.person_id
      where i.force_id = ${forceId} and ${numberMatches(q)}`;
}

function directoryWhere(principal: Principal, f: DirectoryFilter): SQL {
  const parts: SQL[] = [visiblePeopleSql(principal), sql`p.merged_into_id is null`];
  const q = f.q?.trim();
  if (q) {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const nameMatch = (alias: SQL) =>
      sql.join(
        words.map((w) => sql`${alias}.search_name like ${`%${likeEscape(w)}%`}`),
        sql` and `,
      );
    if (/^\S*\d\S*$/.test(q) && q.length < PARTIAL_NUMBER_MIN_LENGTH) {
      // A short word with a digit is a number typed whole: too short for the name trigrams to narrow anything.
      // = any(array(…)) runs the look-up once (an InitPlan), whatever the statistics say; a plain IN can be
      // planned as a subquery re-run for every person when the table was never analysed (the demo: 12 s).
      parts.push(sql`p.id = any(array(${numberHits(principal.forceId, q)}))`);
    } else if (/\d/.test(q)) {
      // A digit: either kind of match (an imported source may name people "Officer 130469"), as one candidate
      // list from both indexes (numbers, name trigrams), never an OR the planner must test person by person.
      parts.push(
        sql`p.id = any(array(${numberHits(principal.forceId, q)}
            union select n.id from people n where n.force_id = ${principal.forceId} and ${nameMatch(sql`n`)}))`,
      );
    } else parts.push(sql`(${nameMatch(sql`p`)})`);
  }
  if (f.personType) parts.push(sql`p.person_type = ${f.personType}`);
  if (f.status) parts.push(sql`p.status = ${f.status}`);
  if (f.rank) parts.push(sql`cur.rank = ${f.rank}`);
  if (f.unitId) {
    // The unit and every unit beneath it.
    parts.push(
      sql`cur.unit_path like (select u.path from units u where u.force_id = p.force_id and u.id = ${f.unitId}::uuid) || '%'`,
    );
  }
  return sql.join(parts, sql` and `);
}

const currentPosting = sql`left join lateral (
    select pp.rank, pp.role, u.name as unit_name, u.path as unit_path from person_postings pp
    join units u on u.force_id = pp.force_id and u.id = pp.unit_id
    where pp.force_id = p.force_id and pp.person_id = p.id
    order by pp.valid_from desc limit 1) cur on true`;

export async function searchDirectory(
  db: Db,
  principal: Principal,
  f: DirectoryFilter,
  page: { limit: number; offset: number },
) {
  const where = directoryWhere(principal, f);
  const q = f.q?.trim() ?? '';
  // Exact number matches first, then the numbers that contain what was typed.
  const number = /\d/.test(q);
  // The count needs the current posting only to filter by rank or unit.
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from people p ${f.rank || f.unitId ? currentPosting : sql``} where ${where}`,
  );
  const found = await rows<DirectoryRow>(
    db,
    sql`select p.id, p.given_name, p.family_name, p.person_type, p.status, cur.rank, cur.role, cur.unit_name,
        (select string_agg(i.kind || ' ' || i.value, ', ' order by i.kind) from person_identifiers i
          where i.force_id = p.force_id and i.person_id = p.id and i.valid_to is null) as numbers,
        mi.value as matched_number, mi.valid_to::text as matched_valid_to
      from people p ${currentPosting}
      left join lateral (select i.value, i.valid_to, upper(i.value) = ${q.toUpperCase()} as exact from person_identifiers i
          where ${number ? numberMatches(q) : sql`false`} and i.force_id = p.force_id
            and i.person_id in (select p.id union all select m.id from people m where m.force_id = p.force_id and m.merged_into_id = p.id)
          order by upper(i.value) = ${q.toUpperCase()} desc, i.valid_to desc nulls first limit 1) mi on true
      where ${where}
      order by ${number ? sql`mi.exact is true desc, ` : sql``}p.family_name, p.given_name, p.id
      limit ${page.limit} offset ${page.offset}`,
  );
  return { total: count?.n ?? 0, rows: found };
}

/** One person record if the principal may see it; a refused record and a missing one are the same `undefined`. */
export async function findVisiblePerson(db: Db, principal: Principal, id: string, lock = false) {
  const found = await rows<{ id: string }>(
    db,
    sql`select p.id from people p where p.id = ${id}::uuid and ${visiblePeopleSql(principal)} ${lock ? sql`for update` : sql``}`,
  );
  if (found.length === 0) return undefined;
  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.forceId, principal.forceId), eq(people.id, id)));
  return person;
}

/** Identifiers of the record and of the records merged into it, newest first. */
export async function identifiersOf(db: Db, forceId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(personIdentifiers)
    .where(and(eq(personIdentifiers.forceId, forceId), inArray(personIdentifiers.personId, personIds)))
    .orderBy(personIdentifiers.kind, sql`${personIdentifiers.validFrom} desc`);
}

export async function postingsOf(db: Db, forceId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: personPostings.id,
      personId: personPostings.personId,
      rank: personPostings.rank,
      role: personPostings.role,
      unitName: units.name,
      unitPath: units.path,
      validFrom: personPostings.validFrom,
      validTo: personPostings.validTo,
    })
    .from(personPostings)
    .innerJoin(units, and(eq(units.forceId, personPostings.forceId), eq(units.id, personPostings.unitId)))
    .where(and(eq(personPostings.forceId, forceId), inArray(personPostings.personId, personIds)))
    .orderBy(sql`${personPostings.validFrom} desc`);
}

export async function mergedInto(db: Db, forceId: string, survivorId: string) {
  return db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(and(eq(people.forceId, forceId), eq(people.mergedIntoId, survivorId)));
}

export async function mergesOf(db: Db, forceId: string, personId: string) {
  return db
    .select()
    .from(personMerges)
    .where(
      and(
        eq(personMerges.forceId, forceId),
        sql`(${personMerges.survivorId} = ${personId} or ${personMerges.mergedId} = ${personId})`,
      ),
    )
    .orderBy(sql`${personMerges.mergedAt} desc`);
}

export async function findOpenMerge(db: Db, forceId: string, mergeId: string) {
  const [row] = await db
    .select()
    .from(personMerges)
    .where(and(eq(personMerges.forceId, forceId), eq(personMerges.id, mergeId), isNull(personMerges.undoneAt)))
    .for('update');
  return row;
}

export async function setMergedInto(
  db: Db,
  forceId: string,
  id: string,
  survivorId: string | null,
  version: number,
): Promise<void> {
  await db
    .update(people)
    .set({ mergedIntoId: survivorId, version: version + 1, updatedAt: new Date() })
    .where(and(eq(people.forceId, forceId), eq(people.id, id)));
}

export async function bumpVersion(db: Db, forceId: string, id: string, version: number): Promise<void> {
  await db
    .update(people)
    .set({ version: version + 1, updatedAt: new Date() })
    .where(and(eq(people.forceId, forceId), eq(people.id, id)));
}

export async function insertMerge(db: Db, values: typeof personMerges.$inferInsert) {
  const [row] = await db.insert(personMerges).values(values).returning();
  if (!row) throw new Error('insert person_merges returned nothing');
  return row;
}

export async function markMergeUndone(
  db: Db,
  forceId: string,
  mergeId: string,
  by: string,
  reason: string,
  at: Date,
): Promise<void> {
  await db
    .update(personMerges)
    .set({ undoneAt: at, undoneBy: by, undoReason: reason })
    .where(and(eq(personMerges.forceId, forceId), eq(personMerges.id, mergeId)));
}

/** Resolves a person id or a current or past number to visible records, a merged duplicate to its survivor. */
export async function resolveReference(db: Db, principal: Principal, reference: string): Promise<string[]> {
  const ref = reference.trim();
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const match = isUuid
    ? sql`p.id = ${ref}::uuid`
    : sql`p.id in (select i.person_id from person_identifiers i where i.force_id = ${principal.forceId} and upper(i.value) = ${ref.toUpperCase()})`;
  // A number held by a merged duplicate resolves to the record it was merged into.
  const found = await rows<{ id: string }>(
    db,
    sql`select distinct coalesce(p.merged_into_id, p.id) as id from people p where ${visiblePeopleSql(principal)} and ${match}`,
  );
  return found.map((r) => r.id);
}

export async function unitsOfForce(db: Db, forceId: string) {
  return db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(eq(units.forceId, forceId))
    .orderBy(units.path);
}

export async function currentRanksOfForce(db: Db, forceId: string): Promise<string[]> {
  const found = await rows<{ rank: string }>(
    db,
    sql`select distinct rank from person_postings where force_id = ${forceId} and valid_to is null order by rank`,
  );
  return found.map((r) => r.rank);
}
