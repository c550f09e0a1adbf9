import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { caseLetters } from '../../../db/schema/index.ts';

/** The only SQL for case letters. Callers find the case through the need-to-know scope first. */

export async function insertCaseLetter(tx: Db, values: typeof caseLetters.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseLetters).values(values).returning({ id: caseLetters.id });
  if (!row) throw new Error('insert case_letters returned nothing');
  return row.id;
}

/** The letters of a case without their bodies (the list on the hearings page). */
export async function caseLettersOf(db: Db, forceId: string, caseId: string) {
  return db
    .select({
      id: caseLetters.id,
      kind: caseLetters.kind,
      writtenOn: caseLetters.writtenOn,
      subject: caseLetters.subject,
      subjectId: caseLetters.subjectId,
      hearingId: caseLetters.hearingId,
      deemedServedOn: caseLetters.deemedServedOn,
      representationsDueOn: caseLetters.representationsDueOn,
    })
    .from(caseLetters)
    .where(and(eq(caseLetters.forceId, forceId), eq(caseLetters.caseId, caseId)))
    .orderBy(asc(caseLetters.createdAt), asc(caseLetters.id));
}

export async function findCaseLetter(db: Db, forceId: string, caseId: string, letterId: string) {
  const [row] = await db
    .select()
    .from(caseLetters)
    .where(and(eq(caseLetters.forceId, forceId), eq(caseLetters.caseId, caseId), eq(caseLetters.id, letterId)));
  return row;
}
