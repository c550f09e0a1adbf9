import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { migrateDatabase, openDatabase, pgliteOptions, type DatabaseTarget } from '../src/db/client.ts';
import { adminQuery, pgUrlFor } from './databases.ts';

/** The database's own ceiling for the bytes an import reads: COPY of the raw files, and of the records made. */

export const rawTable = (f: string) => `bench_raw_${f.replace('.csv', '')}`;

/**
 * The files' header lines end in LF and their rows in CRLF (the headers were added later), which COPY
 * refuses as inconsistent; the reference strips the CRs on the way in.
 */
export function unixLines(): Transform {
  let carry = '';
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const text = carry + chunk.toString('utf8');
      carry = text.endsWith('\r') ? '\r' : '';
      done(null, (carry ? text.slice(0, -1) : text).replace(/\r\n/g, '\n'));
    },
    flush(done) {
      done(null, carry);
    },
  });
}

export async function copyReference(target: DatabaseTarget, files: string[]): Promise<number> {
  const start = performance.now();
  if (target.engine === 'pg') {
    const { from: copyFrom } = await import('pg-copy-streams');
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      for (const file of files) {
        const header = (fs.readFileSync(file, 'utf8').split('\n')[0] ?? '').split(',');
        const table = rawTable(path.basename(file));
        await client.query(
          `drop table if exists ${table}; create table ${table} (${header.map((h) => `"${h.trim()}" text`).join(', ')})`,
        );
        await pipeline(
          fs.createReadStream(file),
          unixLines(),
          client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`)),
        );
      }
      const seconds = (performance.now() - start) / 1000;
      for (const file of files) await client.query(`drop table ${rawTable(path.basename(file))}`);
      return seconds;
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(target.dataDir, await pgliteOptions());
  try {
    for (const file of files) {
      const header = (fs.readFileSync(file, 'utf8').split('\n')[0] ?? '').split(',');
      const table = rawTable(path.basename(file));
      await client.exec(
        `drop table if exists ${table}; create table ${table} (${header.map((h) => `"${h.trim()}" text`).join(', ')})`,
      );
      await client.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n')]),
      });
    }
    const seconds = (performance.now() - start) / 1000;
    for (const file of files) await client.exec(`drop table ${rawTable(path.basename(file))}`);
    return seconds;
  } finally {
    await client.close();
  }
}

export const RECORD_TABLES = [
  'forces',
  'units',
  'import_units',
  'people',
  'person_identifiers',
  'person_postings',
  'cases',
  'case_subjects',
  'allegations',
  // Written by the import in the same transactions: closing events (a source's closing dates) and the
  // oversight figures kept in step.
  'allegation_events',
  'allegation_figures',
  // Public complaints (a source with a file of complaints and one of complainants): the complaint, its
  // "logged" decision, the persons and allegations taken from its linked case, and its complainants.
  'complaints',
  'complaint_decisions',
  'complaint_subjects',
  'complaint_allegations',
  'complaint_complainants',
] as const;

/**
 * A second, stricter reference (PostgreSQL only): COPY of the records the import produced — the same rows,
 * already mapped — into Probity's own tables (keys, indexes, foreign keys) in a freshly migrated database.
 * It is the floor for writing those records at all, whatever the importer does.
 */
export async function copyRecordsReference(
  sourceUrl: string,
  forceId: string,
  log: (line: string) => void,
): Promise<{ seconds: number; bytes: number }> {
  const { from: copyFrom, to: copyTo } = await import('pg-copy-streams');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-records-'));
  const floorDb = 'probity_bench_import_floor';
  const source = new pg.Client({ connectionString: sourceUrl });
  await source.connect();
  let bytes = 0;
  try {
    for (const table of RECORD_TABLES) {
      const where = table === 'forces' ? `id = '${forceId}'` : `force_id = '${forceId}'`;
      await pipeline(
        source.query(copyTo(`copy (select * from ${table} where ${where}) to stdout`)),
        fs.createWriteStream(path.join(dir, `${table}.copy`)),
      );
      bytes += fs.statSync(path.join(dir, `${table}.copy`)).size;
    }
  } finally {
    await source.end();
  }
  await adminQuery(`drop database if exists ${floorDb} with (force)`);
  await adminQuery(`create database ${floorDb}`);
  try {
    const database = await openDatabase({ engine: 'pg', url: pgUrlFor(floorDb) });
    await migrateDatabase(database);
    await database.close();
    const client = new pg.Client({ connectionString: pgUrlFor(floorDb) });
    await client.connect();
    try {
      const start = performance.now();
      await client.query('begin');
      for (const table of RECORD_TABLES)
        await pipeline(
          fs.createReadStream(path.join(dir, `${table}.copy`)),
          client.query(copyFrom(`copy ${table} from stdin`)),
        );
      await client.query('commit');
      const seconds = (performance.now() - start) / 1000;
      log(
        `  COPY of the imported records into Probity's tables: ${seconds.toFixed(2)} s (${(bytes / 1e6).toFixed(0)} MB)`,
      );
      return { seconds, bytes };
    } finally {
      await client.end();
    }
  } finally {
    await adminQuery(`drop database if exists ${floorDb} with (force)`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
