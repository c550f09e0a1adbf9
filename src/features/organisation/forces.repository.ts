import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { forces } from '../../db/schema/index.ts';

export async function findForce(db: Db, id: string) {
  const [row] = await db.select().from(forces).where(eq(forces.id, id));
  return row;
}

export async function listForces(db: Db) {
  return db.select().from(forces).orderBy(forces.id);
}
