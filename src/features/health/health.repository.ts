import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** One round trip that proves the database answers: the only statement /health and /status make of their own. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
