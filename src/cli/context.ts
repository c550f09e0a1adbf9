import { loadConfig, type Config } from '../kernel/config/config.ts';
import type { Deps } from '../kernel/deps.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';

export type CliContext = { config: Config; database: Database; deps: Deps; close: () => Promise<void> };

/** Opens the configured database for one command, migrating it when configured to, and locks an embedded one. */
export async function openContext(
  purpose: string,
  options: { migrate?: boolean; serving?: boolean } = {},
): Promise<CliContext> {
  const config = loadConfig();
  const unlock = config.database.engine === 'pglite' ? lockDataDir(config.database.dataDir, purpose) : () => undefined;
  try {
    // The server's PostgreSQL connections cancel long statements; the CLI's (imports, migrations) do not.
    const database = await openDatabase(
      config.database.engine === 'pg' && options.serving
        ? { ...config.database, statementTimeoutMs: config.requestBudget.statementTimeoutMs }
        : config.database,
    );
    if (options.migrate ?? config.autoMigrate) await migrateDatabase(database);
    const deps: Deps = { db: database.db, config, now: () => new Date() };
    return {
      config,
      database,
      deps,
      close: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
