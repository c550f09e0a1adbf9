import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { listReturns } from '../../db/schema/index.ts';

/** Barred and advisory list returns of a case, and what a return needs about its subject. */

export async function insertListReturn(tx: Db, values: typeof listReturns.$inferInsert) {
  const [row] = await tx.insert(listReturns).values(values).returning();
  if (!row) throw new Error('insert list_returns returned nothing');
  return row;
}

export async function listReturnsOf(db: Db, forceId: string, caseId: string) {
  return db
    .select()
    .from(listReturns)
    .where(and(eq(listReturns.forceId, forceId), eq(listReturns.caseId, caseId)))
    .orderBy(listReturns.createdAt);
}

/** The subject's first (initial) return to a list, if one was made. */
export async function existingListReturn(tx: Db, forceId: string, subjectId: string, list: 'barred' | 'advisory') {
  const [row] = await tx
    .select({ id: listReturns.id })
    .from(listReturns)
    .where(
      and(
        eq(listReturns.forceId, forceId),
        eq(listReturns.subjectId, subjectId),
        eq(listReturns.list, list),
        eq(listReturns.kind, 'initial'),
      ),
    );
  return row;
}

/** How many further reports (Police Act 1996 s.88F) were already made for the subject on a list. */
export async function countFurtherListReturns(tx: Db, forceId: string, subjectId: string, list: 'barred' | 'advisory') {
  const rows = await tx
    .select({ id: listReturns.id })
    .from(listReturns)
    .where(
      and(
        eq(listReturns.forceId, forceId),
        eq(listReturns.subjectId, subjectId),
        eq(listReturns.list, list),
        eq(listReturns.kind, 'further'),
      ),
    );
  return rows.length;
}

export type SubjectDossier = {
  subject_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  person_type: string;
  left_on: string | null;
  rank: string | null;
  warrant: string | null;
  collar: string | null;
  staff_number: string | null;
};

/** What a barred or advisory list return needs about a subject (uk-domain.md §2.15). */
export async function subjectDossier(db: Db, forceId: string, subjectId: string): Promise<SubjectDossier | undefined> {
  const [row] = await rawRows<SubjectDossier>(
    db,
    sql`select s.id as subject_id, p.id as person_id, p.given_name, p.family_name, p.date_of_birth::text as date_of_birth, p.person_type,
        coalesce(s.left_on::text, p.service_end::text) as left_on,
        (select pp.rank from person_postings pp where pp.force_id = p.force_id and pp.person_id = p.id order by pp.valid_from desc limit 1) as rank,
        (select i.value from person_identifiers i where i.force_id = p.force_id and i.person_id = p.id and i.kind = 'warrant' order by i.valid_from desc limit 1) as warrant,
        (select i.value from person_identifiers i where i.force_id = p.force_id and i.person_id = p.id and i.kind = 'collar' order by i.valid_from desc limit 1) as collar,
        (select i.value from person_identifiers i where i.force_id = p.force_id and i.person_id = p.id and i.kind = 'staff' order by i.valid_from desc limit 1) as staff_number
      from case_subjects s join people p on p.force_id = s.force_id and p.id = s.person_id
      where s.force_id = ${forceId} and s.id = ${subjectId}::uuid`,
  );
  return row;
}
