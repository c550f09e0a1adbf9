import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { criminalProceedings } from '../../db/schema/index.ts';

/** Criminal proceedings recorded alongside a conduct case. */

export async function insertCriminalEvent(tx: Db, values: typeof criminalProceedings.$inferInsert) {
  const [row] = await tx.insert(criminalProceedings).values(values).returning();
  if (!row) throw new Error('insert criminal_proceedings returned nothing');
  return row;
}

/** The first recorded conviction of the subject for an indictable-only offence on or before `on`, if any. */
export async function indictableOnlyConvictionOn(
  db: Db,
  forceId: string,
  caseId: string,
  subjectId: string,
  on: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ occurredOn: criminalProceedings.occurredOn })
    .from(criminalProceedings)
    .where(
      and(
        eq(criminalProceedings.forceId, forceId),
        eq(criminalProceedings.caseId, caseId),
        eq(criminalProceedings.subjectId, subjectId),
        eq(criminalProceedings.indictableOnlyConviction, true),
        lte(criminalProceedings.occurredOn, on),
      ),
    )
    .orderBy(criminalProceedings.occurredOn)
    .limit(1);
  return row?.occurredOn;
}

export async function criminalEventsOf(db: Db, forceId: string, caseId: string) {
  return db
    .select()
    .from(criminalProceedings)
    .where(and(eq(criminalProceedings.forceId, forceId), eq(criminalProceedings.caseId, caseId)))
    .orderBy(criminalProceedings.occurredOn);
}
