import type { SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

type RowsResult<T> = { rows: T[] };

/**
 * Rows of a raw SQL query. Both drivers answer execute() with `{ rows }`, which the driver-generic
 * type does not say; this is the one place that bridges it. Repositories only.
 */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as RowsResult<T>).rows;
}
