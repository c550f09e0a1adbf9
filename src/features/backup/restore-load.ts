import type { Db } from '../../db/client.ts';
import { BackupFileError, type BackupHeader } from './backup-format.ts';
import type { BackupReader } from './backup-reader.ts';
import {
  addForeignKey,
  dropForeignKey,
  hasRows,
  insertRowLines,
  readCatalog,
  restoreSequence,
  truncateTables,
  type Catalog,
  type TableInfo,
} from './backup.repository.ts';
import type { TableProgress } from './create-backup.ts';
import { keysOutOfOrder } from './table-order.ts';
import { digestTable } from './table-rows.ts';

export type LoadEvents = { onTable?: (p: TableProgress) => void; onStep?: (text: string) => void };

/**
 * Loads every table of the backup into a database already migrated to the backup's schema, inside the
 * caller's transaction, then proves the load: each table's row count and checksum, read back from the
 * database, must equal the file's. Triggers stay in force throughout (the audit log's trigger refuses
 * UPDATE, DELETE and TRUNCATE, never INSERT). A foreign key the load order cannot satisfy (a self-reference
 * such as a unit's parent) is dropped for the load and added back, which checks every row, before commit.
 */
export async function loadTables(
  tx: Db,
  reader: BackupReader,
  events: LoadEvents = {},
): Promise<{ tables: number; rows: number }> {
  const catalog = await readCatalog(tx);
  const byName = sameSchema(reader.header, catalog);
  const order = reader.header.tables.map((t) => t.name);

  // Reference rows a migration inserted (the allegation taxonomy) give way to the backup's own.
  const filled: string[] = [];
  for (const name of order) if (await hasRows(tx, name)) filled.push(name);
  await truncateTables(tx, filled);

  const deferred = keysOutOfOrder(order, catalog.foreignKeys);
  for (const fk of deferred) await dropForeignKey(tx, fk);

  let rows = 0;
  for (const table of reader.header.tables) {
    const info = byName.get(table.name) as TableInfo;
    let loaded = 0;
    const batches = reader.rows(table);
    for await (const batch of batches) {
      await insertBatch(tx, info, batch, batches);
      loaded += batch.length;
      events.onTable?.({ table: table.name, rows: loaded, of: table.rows });
    }
    if (loaded === 0) events.onTable?.({ table: table.name, rows: 0, of: 0 });
    rows += loaded;
  }
  await reader.finish();

  for (const fk of deferred) await addForeignKey(tx, fk);
  for (const seq of reader.header.sequences) {
    const owner = catalog.sequences.find((s) => s.name === seq.name);
    if (owner)
      await restoreSequence(tx, seq, owner.table && owner.column ? { table: owner.table, column: owner.column } : null);
  }

  events.onStep?.('Checking every table against the backup (row counts and checksums read back from the database)…');
  for (const table of reader.header.tables) {
    const fromFile = reader.digests.get(table.name);
    const fromDatabase = await digestTable(tx, byName.get(table.name) as TableInfo);
    if (!fromFile || fromDatabase.rows !== table.rows || fromDatabase.sha256 !== fromFile.sha256) {
      throw new BackupFileError(
        `Table ${table.name} did not load exactly as backed up (${fromDatabase.rows} of ${table.rows} rows, checksum ${fromDatabase.sha256 === fromFile?.sha256 ? 'equal' : 'different'}). Nothing was restored.`,
      );
    }
  }
  return { tables: reader.header.tables.length, rows };
}

/**
 * A batch the database refuses is most likely a damaged file whose checksum comes at the end of the
 * section: read the rest of the section first, so that the file's own error (checksum, truncation) is
 * the one reported; otherwise report the database's refusal.
 */
async function insertBatch(tx: Db, table: TableInfo, batch: string[], rest: AsyncGenerator<string[]>): Promise<void> {
  try {
    await insertRowLines(tx, table, batch);
  } catch (err) {
    while (!(await rest.next()).done) {
      // read only to check the section
    }
    // The driver's own error, not drizzle's wrapper (which repeats the whole batch of rows).
    const reason =
      err instanceof Error && err.cause instanceof Error
        ? err.cause.message
        : err instanceof Error
          ? err.message
          : String(err);
    throw new BackupFileError(`Table ${table.name} could not be loaded: ${reason}. Nothing was restored.`);
  }
}

/** The database, migrated to the backup's version, must have exactly the backup's tables and columns. */
function sameSchema(header: BackupHeader, catalog: Catalog): Map<string, TableInfo> {
  const byName = new Map(catalog.tables.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const t of header.tables) {
    const info = byName.get(t.name);
    if (!info) {
      problems.push(`table ${t.name} does not exist`);
      continue;
    }
    const want = t.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    const have = info.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (want !== have) problems.push(`table ${t.name} has columns (${have}) where the backup has (${want})`);
  }
  const extra = catalog.tables.filter((t) => !header.tables.some((h) => h.name === t.name)).map((t) => t.name);
  if (extra.length > 0) problems.push(`tables not in the backup: ${extra.join(', ')}`);
  if (problems.length > 0) {
    throw new BackupFileError(
      `The backup does not match the schema of its own version (was the source database changed by hand?): ${problems.join('; ')}. Nothing was restored.`,
    );
  }
  return byName;
}
