import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { complaintLetters } from '../../../db/schema/index.ts';

export type NewComplaintLetter = typeof complaintLetters.$inferInsert;

export async function insertComplaintLetter(tx: Db, values: NewComplaintLetter): Promise<string> {
  const [row] = await tx.insert(complaintLetters).values(values).returning({ id: complaintLetters.id });
  if (!row) throw new Error('insert complaint_letters returned nothing');
  return row.id;
}

/** The letters of a complaint, without their bodies (the list on the complaint page). */
export async function lettersOf(db: Db, forceId: string, complaintId: string) {
  return db
    .select({
      id: complaintLetters.id,
      kind: complaintLetters.kind,
      writtenOn: complaintLetters.writtenOn,
      subject: complaintLetters.subject,
      delivery: complaintLetters.delivery,
      complainantId: complaintLetters.complainantId,
    })
    .from(complaintLetters)
    .where(and(eq(complaintLetters.forceId, forceId), eq(complaintLetters.complaintId, complaintId)))
    .orderBy(asc(complaintLetters.createdAt), asc(complaintLetters.id));
}

export async function findComplaintLetter(db: Db, forceId: string, complaintId: string, letterId: string) {
  const [row] = await db
    .select()
    .from(complaintLetters)
    .where(
      and(
        eq(complaintLetters.forceId, forceId),
        eq(complaintLetters.complaintId, complaintId),
        eq(complaintLetters.id, letterId),
      ),
    );
  return row;
}
