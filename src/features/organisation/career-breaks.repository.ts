import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { personCareerBreaks } from '../../db/schema/index.ts';

/**
 * The only SQL for career breaks on the person record (Police (Conduct) Regulations 2020 reg 42(11), 62(5):
 * a warning's time does not run during one). Callers find the person through the need-to-know scope first.
 */
export async function insertCareerBreak(tx: Db, values: typeof personCareerBreaks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(personCareerBreaks).values(values).returning({ id: personCareerBreaks.id });
  if (!row) throw new Error('insert person_career_breaks returned nothing');
  return row.id;
}

/** The career breaks of these person records (a person and the duplicates merged into it), oldest first. */
export async function careerBreaksOf(db: Db, forceId: string, personIds: readonly string[]) {
  if (!personIds.length) return [];
  return db
    .select({
      id: personCareerBreaks.id,
      personId: personCareerBreaks.personId,
      startsOn: personCareerBreaks.startsOn,
      endsOn: personCareerBreaks.endsOn,
      note: personCareerBreaks.note,
    })
    .from(personCareerBreaks)
    .where(and(eq(personCareerBreaks.forceId, forceId), inArray(personCareerBreaks.personId, [...personIds])))
    .orderBy(asc(personCareerBreaks.startsOn), asc(personCareerBreaks.id));
}

/** Sets the last day of one open career break of a person; false when there is no such open break. */
export async function endOpenCareerBreak(
  tx: Db,
  forceId: string,
  personId: string,
  id: string,
  endsOn: string,
): Promise<boolean> {
  const rows = await tx
    .update(personCareerBreaks)
    .set({ endsOn })
    .where(
      and(
        eq(personCareerBreaks.forceId, forceId),
        eq(personCareerBreaks.personId, personId),
        eq(personCareerBreaks.id, id),
        isNull(personCareerBreaks.endsOn),
      ),
    )
    .returning({ id: personCareerBreaks.id });
  return rows.length === 1;
}
