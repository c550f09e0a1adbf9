import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signInDevices, signInThrottles } from '../../db/schema/index.ts';
import type { ThrottleState } from './sign-in-throttle-rules.ts';

export async function readThrottles(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
  return new Map(rows.map((r) => [r.key, r]));
}

/** The key's state locked for the transaction that records a failure under it. */
export async function lockThrottle(tx: Db, key: string): Promise<ThrottleState | undefined> {
  const [row] = await tx.select().from(signInThrottles).where(eq(signInThrottles.key, key)).for('update');
  return row;
}

export async function saveThrottle(tx: Db, key: string, state: ThrottleState): Promise<void> {
  await tx
    .insert(signInThrottles)
    .values({ key, ...state })
    .onConflictDoUpdate({ target: signInThrottles.key, set: { ...state } });
}

export async function clearThrottles(tx: Db, keys: string[]): Promise<void> {
  await tx.delete(signInThrottles).where(inArray(signInThrottles.key, keys));
}

export async function findDevice(db: Db, tokenHash: string) {
  const [row] = await db.select().from(signInDevices).where(eq(signInDevices.tokenHash, tokenHash));
  return row;
}

export async function insertDevice(tx: Db, values: typeof signInDevices.$inferInsert): Promise<void> {
  await tx.insert(signInDevices).values(values).onConflictDoNothing();
}
