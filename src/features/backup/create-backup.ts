import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db } from '../../db/client.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, controlLine, headerLine, type BackupHeader } from './backup-format.ts';
import {
  countRows,
  readCatalog,
  readSequence,
  serverVersion,
  useCanonicalOutput,
  type TableInfo,
} from './backup.repository.ts';
import { codeMigrations } from './code-migrations.ts';
import { lastAppliedMigration } from './schema-version.repository.ts';
import { loadOrder } from './table-order.ts';
import { SectionDigest, tableRowBatches } from './table-rows.ts';

export type BackupDeps = { db: Db; engine: 'pglite' | 'pg'; now: () => Date };
export type TableProgress = { table: string; rows: number; of: number };
export type BackupSummary = { file: string; tables: number; rows: number; bytes: number; migration: string };

/**
 * Writes the whole database to one gzip'd file (format: backup-format.ts), streamed: rows are read through
 * a cursor a batch at a time and compressed as they go, so memory stays flat however large the database.
 * Everything is read in one REPEATABLE READ, READ ONLY transaction: a consistent snapshot while the
 * application keeps running on PostgreSQL. The file is written under a temporary name and appears under
 * its own name only when complete; it is readable by its owner only. An existing file is never overwritten.
 */
export async function createBackup(
  deps: BackupDeps,
  file: string,
  onProgress?: (p: TableProgress) => void,
): Promise<BackupSummary> {
  if (fs.existsSync(file))
    throw new Error(`${file} already exists: choose another file name (a backup never overwrites a file).`);
  if (!fs.existsSync(path.dirname(file))) throw new Error(`No such directory: ${path.dirname(file)}`);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  try {
    const summary = await deps.db.transaction(
      async (tx) => {
        await useCanonicalOutput(tx);
        const { header, byName } = await readHeader(tx, deps);
        const rows = header.tables.reduce((n, t) => n + t.rows, 0);
        // Byte mode with a small high-water mark: the generator runs at most one batch ahead of the gzip stream.
        const content = Readable.from(fileContent(tx, header, byName, onProgress), {
          objectMode: false,
          highWaterMark: 1024 * 1024,
        });
        await pipeline(content, createGzip(), fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
        return { tables: header.tables.length, rows, migration: header.migration.id };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    // link + unlink rather than rename: refuses (EEXIST) if someone created the file meanwhile.
    fs.linkSync(temp, file);
    fs.rmSync(temp);
    return { file, ...summary, bytes: fs.statSync(file).size };
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

async function readHeader(tx: Db, deps: BackupDeps): Promise<{ header: BackupHeader; byName: Map<string, TableInfo> }> {
  const applied = await lastAppliedMigration(tx);
  if (!applied)
    throw new Error('The database has no schema (no migration has been applied): there is nothing to back up.');
  const catalog = await readCatalog(tx);
  const byName = new Map(catalog.tables.map((t) => [t.name, t]));
  const { order } = loadOrder([...byName.keys()], catalog.foreignKeys);
  const tables: BackupHeader['tables'] = [];
  for (const name of order) {
    const info = byName.get(name);
    if (info)
      tables.push({
        name,
        rows: await countRows(tx, name),
        columns: info.columns.map((c) => ({ name: c.name, type: c.type })),
      });
  }
  const sequences: BackupHeader['sequences'] = [];
  for (const s of catalog.sequences) sequences.push({ name: s.name, ...(await readSequence(tx, s.name)) });
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: deps.now().toISOString(),
    source: { engine: deps.engine, serverVersion: await serverVersion(tx) },
    migration: {
      id: codeMigrations().find((m) => m.createdAt === applied.createdAt)?.id ?? '',
      createdAt: applied.createdAt,
      hash: applied.hash,
    },
    tables,
    sequences,
  };
  return { header, byName };
}

async function* fileContent(
  tx: Db,
  header: BackupHeader,
  byName: Map<string, TableInfo>,
  onProgress?: (p: TableProgress) => void,
): AsyncGenerator<string> {
  yield headerLine(header);
  let total = 0;
  for (const t of header.tables) {
    const info = byName.get(t.name);
    if (!info) continue;
    yield controlLine({ kind: 'table', table: t.name });
    const digest = new SectionDigest();
    for await (const lines of tableRowBatches(tx, info)) {
      for (const line of lines) digest.add(line);
      yield `${lines.join('\n')}\n`;
      onProgress?.({ table: t.name, rows: digest.rows, of: t.rows });
    }
    if (digest.rows === 0) onProgress?.({ table: t.name, rows: 0, of: 0 });
    // The snapshot cannot change under us; a difference here would be a bug, and must not give a bad file.
    if (digest.rows !== t.rows) throw new Error(`Table ${t.name} gave ${digest.rows} rows where it counted ${t.rows}.`);
    yield controlLine({ kind: 'end', table: t.name, rows: digest.rows, sha256: digest.hex() });
    total += digest.rows;
  }
  yield controlLine({ kind: 'end-of-backup', tables: header.tables.length, rows: total });
}
