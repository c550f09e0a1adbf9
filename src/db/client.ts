import fs from 'node:fs';
import path from 'node:path';
import type { Extensions } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';
import { projectRoot } from '../kernel/project-root.ts';
import { statementGuard } from './request-scope.ts';

export type Schema = typeof schema;
/** The one database handle type use cases and repositories see; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget =
  | { engine: 'pglite'; dataDir: string }
  | {
      engine: 'pg';
      url: string;
      poolSize?: number;
      /** PostgreSQL cancels any statement of this pool running longer (ms); unset: no limit (CLI, imports). */
      statementTimeoutMs?: number;
    };

export type Database = {
  db: Db;
  engine: 'pglite' | 'pg';
  close: () => Promise<void>;
  /** Run a plain SQL script (used by tests and the audit verifier's tamper tests). */
  exec: (sqlText: string) => Promise<void>;
  /** Raw rows, for tooling that must bypass the repositories (audit verification, backups). */
  query: <T = Record<string, unknown>>(sqlText: string, params?: unknown[]) => Promise<T[]>;
};

export const migrationsFolder = path.join(projectRoot, 'src/db/migrations');

/**
 * What every PGlite instance of Probity is opened with: the extensions the migrations create (pg_trgm, for
 * the people directory's name search). PostgreSQL ships them in its contrib package.
 */
export async function pgliteOptions(): Promise<{ extensions: Extensions }> {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return { extensions: { pg_trgm } };
}

/**
 * Open the embedded PGlite database (creating its directory) or a PostgreSQL pool.
 * PGlite runs one query at a time, so it suits one force on one machine; PostgreSQL serves production.
 */
export async function openDatabase(target: DatabaseTarget, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  if (target.engine === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const dataDir = target.dataDir === 'memory://' ? undefined : target.dataDir;
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create(dataDir ?? 'memory://', {
      ...(await pgliteOptions()),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = drizzle(client, { schema, logger: statementGuard }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      close: () => client.close(),
      exec: async (text) => {
        await client.exec(text);
      },
      query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    };
  }
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    ...(target.statementTimeoutMs ? { statement_timeout: target.statementTimeoutMs } : {}),
  });
  // An idle connection closed by the server (restart, failover, DROP DATABASE) must not crash the process:
  // the pool drops it and opens a new one on the next query.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
  const db = drizzle(pool, { schema, logger: statementGuard }) as unknown as Db;
  return {
    db,
    engine: 'pg',
    close: () => pool.end(),
    exec: async (text) => {
      await pool.query(text);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
  };
}

/** Apply every pending migration; safe to run repeatedly. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // The PGlite migrator's type wants its own driver class; the object is that class at run time.
    await migrate(database.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  }
}
