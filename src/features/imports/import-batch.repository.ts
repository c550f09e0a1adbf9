import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * The set-based statements that load one batch: each takes whole columns as arrays (`unnest`), so a batch
 * of thousands of rows costs a handful of statements on both PGlite and PostgreSQL. Every insert is
 * `ON CONFLICT DO NOTHING` on the record's source key, which is what makes an import idempotent: a row
 * imported before is found, not inserted again. Ids are made here so that dependants can refer to them.
 * Existing records are looked up row by row through their unique index (`join lateral … limit 1`, which the
 * planner cannot flatten into a join over the whole table): right after a bulk
 * load the planner's statistics are stale, and a hash join over the whole force would make every batch
 * slower than the one before.
 * The statements themselves: import-people.repository.ts and import-cases.repository.ts.
 */

/** A whole column as one typed array parameter, for `unnest`. */
export const arr = (values: readonly unknown[], type: string): SQL => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/** Fresh planner statistics for the tables an import fills, so that the application's queries plan well after it. */
export async function analyseImportedTables(db: Db): Promise<void> {
  await db.execute(
    sql`analyze units, people, person_identifiers, person_postings, cases, case_subjects, allegations, import_units,
      complaints, complaint_subjects, complaint_allegations, complaint_complainants, ei_events`,
  );
}
