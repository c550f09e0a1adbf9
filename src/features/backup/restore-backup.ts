import { migrateDatabase, type Database } from '../../db/client.ts';
import { verifyAuditChain, type VerifyResult } from '../audit/index.ts';
import { BackupFileError, describeMigration } from './backup-format.ts';
import { BackupReader } from './backup-reader.ts';
import { hasRows, readCatalog, useCanonicalOutput } from './backup.repository.ts';
import {
  codeMigrations,
  findMigration,
  migrateUpTo,
  tablesFilledByMigrations,
  type CodeMigration,
} from './code-migrations.ts';
import { loadTables, type LoadEvents } from './restore-load.ts';
import { dropApplicationObjects } from './schema-version.repository.ts';

export type RestoreOptions = { forceReplace: boolean } & LoadEvents;
export type RestoreSummary = {
  tables: number;
  rows: number;
  createdAt: string;
  sourceEngine: string;
  migration: string;
  /** Tables that held data before, replaced because of --force-replace. */
  replaced: string[];
  newerMigrations: number;
  audit: VerifyResult;
};

/** The target holds data: refused unless the operator asked to replace it. Nothing was changed. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/**
 * Restores a backup into the configured database, on either engine, whichever engine made it.
 *
 * 1. The header is read and checked before anything is touched: a backup from a newer Probity (a schema
 *    this code does not have) is refused, and so is a target that holds data, unless `forceReplace`.
 * 2. One transaction: remove the application's objects (an empty or replaced target), apply this code's
 *    migrations up to the backup's, load every table (restore-load.ts), reset the sequences, check every
 *    table against the file. A truncated, corrupt or altered file fails here and rolls everything back.
 * 3. Migrations newer than the backup are applied, as `probity migrate` would.
 * 4. The audit chain is verified and its result returned.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  options: RestoreOptions,
): Promise<RestoreSummary> {
  const reader = await BackupReader.open(file);
  try {
    const { header } = reader;
    const migrations = codeMigrations();
    const found = findMigration(migrations, header.migration.createdAt);
    if ('problem' in found) {
      throw new BackupFileError(
        found.problem === 'newer'
          ? `This backup was made by a newer version of Probity (schema ${describeMigration(header.migration)}). Upgrade Probity, then restore it. Nothing was changed.`
          : `This backup's schema (${describeMigration(header.migration)}) is not one this version of Probity knows. Restore it with the version that made it. Nothing was changed.`,
      );
    }
    if (migrations[found.index]?.hash !== header.migration.hash) {
      options.onStep?.(
        `Warning: migration ${describeMigration(header.migration)} differs from this code's copy; the tables will still be checked column by column.`,
      );
    }
    const holding = await tablesHoldingData(database, migrations);
    if (holding.length > 0 && !options.forceReplace) {
      throw new RestoreRefused(
        `The target database already holds data (${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ` and ${holding.length - 5} more tables` : ''}). Restore into an empty database, or add --force-replace to replace everything in it. Nothing was changed.`,
      );
    }
    const loaded = await database.db.transaction(async (tx) => {
      await useCanonicalOutput(tx);
      const dropped = await dropApplicationObjects(tx);
      options.onStep?.(
        dropped > 0
          ? `Emptied the target (${dropped} objects); migrating to ${describeMigration(header.migration)}…`
          : `Migrating the empty target to ${describeMigration(header.migration)}…`,
      );
      await migrateUpTo(tx, migrations, found.index);
      return loadTables(tx, reader, options);
    });
    const newerMigrations = migrations.length - 1 - found.index;
    if (newerMigrations > 0) {
      options.onStep?.(`Applying ${newerMigrations} newer migration${newerMigrations === 1 ? '' : 's'}…`);
      await migrateDatabase(database);
    }
    options.onStep?.('Verifying the audit chain…');
    const audit = await verifyAuditChain(database.db);
    return {
      ...loaded,
      createdAt: header.createdAt,
      sourceEngine: header.source.engine,
      migration: describeMigration(header.migration),
      replaced: holding,
      newerMigrations,
      audit,
    };
  } finally {
    reader.close();
  }
}

/** Tables with rows, leaving out those only a migration fills (reference data present in every new database). */
async function tablesHoldingData(database: Database, migrations: readonly CodeMigration[]): Promise<string[]> {
  const filledByMigrations = tablesFilledByMigrations(migrations);
  const catalog = await readCatalog(database.db);
  const holding: string[] = [];
  for (const t of catalog.tables) {
    if (!filledByMigrations.has(t.name) && (await hasRows(database.db, t.name))) holding.push(t.name);
  }
  return holding;
}
