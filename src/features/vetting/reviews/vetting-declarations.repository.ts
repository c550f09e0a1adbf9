import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { vettingDeclarations } from '../../../db/schema/index.ts';

/** The SQL of self-declarations (2025 Regs reg 5). The declarant reads their own; the vetting unit reads one through its review. */

export type DeclarationRow = typeof vettingDeclarations.$inferSelect;

export async function insertDeclaration(tx: Db, row: typeof vettingDeclarations.$inferInsert): Promise<DeclarationRow> {
  const [inserted] = await tx.insert(vettingDeclarations).values(row).returning();
  if (!inserted) throw new Error('declaration insert returned nothing');
  return inserted;
}

/** What a person has declared, newest first. */
export async function declarationsOfPerson(
  db: Db,
  forceId: string,
  personId: string,
  limit = 200,
): Promise<DeclarationRow[]> {
  return db
    .select()
    .from(vettingDeclarations)
    .where(and(eq(vettingDeclarations.forceId, forceId), eq(vettingDeclarations.personId, personId)))
    .orderBy(desc(vettingDeclarations.declaredAt), desc(vettingDeclarations.id))
    .limit(limit);
}

export async function findDeclaration(db: Db, forceId: string, id: string): Promise<DeclarationRow | undefined> {
  const [row] = await db
    .select()
    .from(vettingDeclarations)
    .where(and(eq(vettingDeclarations.forceId, forceId), eq(vettingDeclarations.id, id)));
  return row;
}
