import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';

/**
 * The only SQL of account administration: the accounts of one force, and nothing about cases — an
 * administrator manages who may sign in, never what they work on.
 */
const accountColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  forceId: users.forceId,
  status: users.status,
  totpEnabledAt: users.totpEnabledAt,
  lastSignedInAt: users.lastSignedInAt,
  createdAt: users.createdAt,
  version: users.version,
  /** Whether set-up was completed (a password exists); the hash itself never leaves the repository. */
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
};

export type AdminAccountRow = Awaited<ReturnType<typeof listAccountsOfForce>>[number];

export async function listAccountsOfForce(db: Db, forceId: string) {
  return db
    .select(accountColumns)
    .from(users)
    .where(eq(users.forceId, forceId))
    .orderBy(asc(users.displayName), asc(users.email));
}

/** One account of the force, optionally locked for the rest of the transaction; another force's is absent. */
export async function findAccountOfForce(
  db: Db,
  forceId: string,
  id: string,
  lock = false,
): Promise<AdminAccountRow | undefined> {
  const query = db
    .select(accountColumns)
    .from(users)
    .where(and(eq(users.forceId, forceId), eq(users.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}
