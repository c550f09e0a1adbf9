import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { inArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import * as schema from '../../db/schema/index.ts';
import type { CopyTable } from './copy-text.ts';

/*
 * The only SQL of the synthetic data: set-based bulk loading. On PostgreSQL each table's rows go through
 * COPY … FROM STDIN (pg-copy-streams) on one connection holding one transaction; on PGlite through
 * COPY … FROM '/dev/blob' inside one PGlite transaction. Foreign keys and the other constraints are
 * checked as usual. The callback also gets a Db bound to that same transaction, for the audit row.
 */

export type BulkWriter = {
  db: Db;
  engine: 'pg' | 'pglite';
  copy: (table: CopyTable) => Promise<number>;
  /** Turns trigger-based checks back on for the rest of the transaction (before writing through `db`). */
  checksOn: () => Promise<void>;
};

type Driver = { kind: 'pg'; pool: pg.Pool } | { kind: 'pglite'; client: PGlite };

function driverOf(db: Db): Driver {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client && typeof client === 'object' && 'dumpDataDir' in client)
    return { kind: 'pglite', client: client as PGlite };
  if (client && typeof client === 'object' && 'totalCount' in client && 'connect' in client)
    return { kind: 'pg', pool: client as pg.Pool };
  throw new Error('bulk loading needs the database handle itself (PGlite or a node-postgres pool), not a transaction');
}

const columnList = (t: CopyTable) => t.columns.map((c) => `"${c}"`).join(', ');

/** Lines joined into pieces of about a megabyte, so the stream neither makes a write per row nor one huge string. */
function* pieces(lines: readonly string[]): Generator<string> {
  let piece = '';
  for (const line of lines) {
    piece += line;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

export async function inBulkTransaction<T>(db: Db, fn: (writer: BulkWriter) => Promise<T>): Promise<T> {
  const driver = driverOf(db);
  if (driver.kind === 'pglite') {
    const { drizzle } = await import('drizzle-orm/pglite');
    return driver.client.transaction(async (tx) => {
      // A Db over the open PGlite transaction: its queries run inside it (the client itself would wait for it).
      const txDb = drizzle(tx as unknown as PGlite, { schema }) as unknown as Db;
      const copy = async (table: CopyTable) => {
        if (table.size === 0) return 0;
        await tx.query(`copy "${table.table}" (${columnList(table)}) from '/dev/blob'`, [], {
          blob: new Blob(table.lines),
        });
        return table.size;
      };
      return fn({ db: txDb, engine: 'pglite', copy, checksOn: async () => undefined });
    });
  }
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { from: copyFrom } = await import('pg-copy-streams');
  const client = await driver.pool.connect();
  try {
    const skipChecks = await mayReplicate(client);
    await client.query('begin');
    // A crash mid-load loses the load, never earlier data: no need to wait for the WAL flush at commit.
    await client.query('set local synchronous_commit = off');
    // Foreign-key checks are triggers; with a role allowed to, they are left out of the COPYs (they double
    // the load time) and the generator's consistency is what keeps the keys right: the tests load the same
    // generator with every check on, on both engines. The audit row is written with them back on.
    if (skipChecks) await client.query('set local session_replication_role = replica');
    const txDb = drizzle(client, { schema }) as unknown as Db;
    const copy = async (table: CopyTable) => {
      if (table.size === 0) return 0;
      await pipeline(
        Readable.from(pieces(table.lines)),
        client.query(copyFrom(`copy "${table.table}" (${columnList(table)}) from stdin`)),
      );
      return table.size;
    };
    const result = await fn({
      db: txDb,
      engine: 'pg',
      copy,
      checksOn: async () => {
        if (skipChecks) await client.query('set local session_replication_role = origin');
      },
    });
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Whether this connection may set session_replication_role (superuser, or PostgreSQL 15's granted parameter). */
async function mayReplicate(client: pg.PoolClient): Promise<boolean> {
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      `select coalesce((select rolsuper from pg_roles where rolname = current_user), false) or has_parameter_privilege('session_replication_role', 'SET') as ok`,
    );
    return rows[0]?.ok === true;
  } catch {
    return false; // before PostgreSQL 15 there is no has_parameter_privilege: keep the checks
  }
}

export async function existingForceIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: schema.forces.id })
    .from(schema.forces)
    .where(inArray(schema.forces.id, [...ids]));
  return rows.map((r) => r.id);
}

/** The tables the synthetic data fills, for statistics after the load. */
export const LOADED_TABLES = [
  'forces',
  'units',
  'people',
  'person_identifiers',
  'person_postings',
  'users',
  'cases',
  'case_access',
  'case_subjects',
  'case_parties',
  'allegations',
  'allegation_events',
  'clocks',
  'list_returns',
  'duty_restrictions',
  'restriction_decisions',
  'vetting_clearances',
  'allegation_figures',
] as const;

/**
 * Planner statistics and the visibility map after a bulk load (VACUUM cannot run in a transaction, so
 * this is its own statement per table), as autovacuum would eventually leave them.
 */
export async function vacuumAnalyze(db: Db): Promise<void> {
  for (const table of LOADED_TABLES) await rawRows(db, sql.raw(`vacuum (analyze) "${table}"`));
}

export async function rowCounts(db: Db, forceIds: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of LOADED_TABLES) {
    const column = table === 'forces' ? 'id' : 'force_id';
    const [row] = await rawRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} in ${
        forceIds.length
          ? sql`(${sql.join(
              forceIds.map((f) => sql`${f}`),
              sql`, `,
            )})`
          : sql`(null)`
      }`,
    );
    counts[table] = row?.n ?? 0;
  }
  return counts;
}
