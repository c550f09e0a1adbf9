import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from '../../db/client.ts';
import { migrationsFolder } from '../../db/client.ts';
import { recordMigration, runMigrationStatement, startMigrationBookkeeping } from './schema-version.repository.ts';

/** The migrations this code ships, in order, read the way drizzle's migrator reads them (same hash, same `when`). */
export type CodeMigration = { id: string; createdAt: number; hash: string; statements: string[] };

export function codeMigrations(folder = migrationsFolder): CodeMigration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return files.map((f, i) => ({
    id: journal.entries[i]?.tag ?? String(f.folderMillis),
    createdAt: f.folderMillis,
    hash: f.hash,
    statements: f.sql,
  }));
}

/** Tables a migration writes rows into (reference data such as the allegation taxonomy): rows there alone are not "data". */
export function tablesFilledByMigrations(migrations: readonly CodeMigration[]): Set<string> {
  const tables = new Set<string>();
  for (const m of migrations) {
    for (const s of m.statements) {
      for (const match of s.matchAll(/insert\s+into\s+(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi)) {
        if (match[1]) tables.add(match[1].toLowerCase());
      }
    }
  }
  return tables;
}

/** Where a backup's schema sits among this code's migrations; a backup from newer code is refused. */
export function findMigration(
  migrations: readonly CodeMigration[],
  createdAt: number,
): { index: number } | { problem: 'newer' | 'unknown' } {
  const index = migrations.findIndex((m) => m.createdAt === createdAt);
  if (index >= 0) return { index };
  const latest = migrations.at(-1)?.createdAt ?? 0;
  return { problem: createdAt > latest ? 'newer' : 'unknown' };
}

/**
 * Applies this code's migrations 0…index in the caller's transaction (PostgreSQL DDL is transactional),
 * so a restore that fails leaves no half-built schema behind.
 */
export async function migrateUpTo(tx: Db, migrations: readonly CodeMigration[], index: number): Promise<void> {
  await startMigrationBookkeeping(tx);
  for (const m of migrations.slice(0, index + 1)) {
    for (const statement of m.statements) {
      if (statement.trim() !== '') await runMigrationStatement(tx, statement);
    }
    await recordMigration(tx, { hash: m.hash, createdAt: m.createdAt });
  }
}
