import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { migrateDatabase, openDatabase, pgliteOptions, type DatabaseTarget } from '../src/db/client.ts';
import { adminQuery, pgUrlFor } from './databases.ts';
import { childEnv } from './http-target.ts';
import {
  measurement,
  median,
  targets,
  type BenchScale,
  type Engine,
  type Measurement,
  type Skipped,
} from './measure.ts';
import { projectRoot } from '../src/kernel/project-root.ts';

/*
 * Importing each real source in full with `probity import` (a child process, as a user would run it, through
 * its mapping file alone) beside the database's own ceiling for the same bytes: COPY of the raw CSV files
 * into plain tables of text columns (no keys, no indexes, no parsing into types), in a fresh database of the
 * same engine; and, on PostgreSQL, COPY of the very records the import created into Probity's own tables.
 * Sources: the NYC CCRB histories and the Philadelphia PPD complaints (a join through a lookup file).
 */

const root = projectRoot;
export const NYC_FILES = [
  'active_officers.csv',
  'inactive_officers.csv',
  'active_complaints.csv',
  'inactive_complaints.csv',
] as const;
export const defaultNycDir = process.env['PROBITY_NYC_DIR'] ?? '/work/shared/data/nyc-ccrb';
export const defaultPpdDir = process.env['PROBITY_PPD_DIR'] ?? '/work/shared/data/philadelphia-ppd';

/** A real source the bench imports: its files (lookups are never sliced in a quick run), mapping and force. */
export type ImportSource = {
  label: string;
  dirSetting: string;
  files: readonly string[];
  lookupFiles: readonly string[];
  mapping: string;
  force: string;
  forceName: string;
};

export const IMPORT_SOURCES = {
  nyc: {
    label: 'NYC CCRB import',
    dirSetting: 'PROBITY_NYC_DIR',
    files: NYC_FILES,
    lookupFiles: [],
    mapping: 'mappings/nyc-ccrb.yaml',
    force: 'nyc',
    forceName: 'New York City Police Department',
  },
  ppd: {
    label: 'Philadelphia PPD import',
    dirSetting: 'PROBITY_PPD_DIR',
    files: ['ppd_complaint_disciplines.csv', 'ppd_complainant_demographics.csv'],
    // Also imported as the file of complaints (the mapping's second entry), whole in a quick run.
    lookupFiles: ['ppd_complaints.csv'],
    mapping: 'mappings/philadelphia-ppd.yaml',
    force: 'ppd',
    forceName: 'Philadelphia Police Department',
  },
} as const satisfies Record<string, ImportSource>;

export type ImportOptions = {
  engine: Engine;
  scale: BenchScale;
  nycDir: string;
  ppdDir?: string;
  quickRows: number | null;
  copyRuns: number;
  log: (line: string) => void;
};

/** Whether `probity import` exists yet (it is being built alongside the benchmark). */
export function importCommandAvailable(): { ok: boolean; why: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/probity.js'), 'import', '--help'], {
    cwd: root,
    encoding: 'utf8',
    env: childEnv({ DATABASE_URL: '', PROBITY_DATA_DIR: 'memory://' }),
  });
  if (r.status === 0 && r.stdout.includes('--mapping')) return { ok: true, why: '' };
  return {
    ok: false,
    why: `probity import is not available yet (\`probity import --help\` ${r.status === 0 ? 'shows no --mapping option' : `exits ${r.status}: ${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''}`})`,
  };
}

function sliceFiles(dir: string, source: ImportSource, rows: number): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-import-src-'));
  for (const f of source.lookupFiles) fs.copyFileSync(path.join(dir, f), path.join(out, f));
  for (const f of source.files)
    fs.writeFileSync(
      path.join(out, f),
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .slice(0, rows + 1)
        .join('\n') + '\n',
    );
  return out;
}

const dataRows = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l, i) => i > 0 && l.trim() !== '').length;
const rawTable = (f: string) => `bench_raw_${f.replace('.csv', '')}`;

/**
 * The files' header lines end in LF and their rows in CRLF (the headers were added later), which COPY
 * refuses as inconsistent; the reference strips the CRs on the way in.
 */
function unixLines(): Transform {
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

async function copyReference(target: DatabaseTarget, files: string[]): Promise<number> {
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

const RECORD_TABLES = [
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
async function copyRecordsReference(
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

function runImport(
  env: Record<string, string>,
  source: ImportSource,
  files: string[],
  rejects: string,
): Promise<{ seconds: number; code: number | null; output: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const args = [
      path.join(root, 'bin/probity.js'),
      'import',
      '--mapping',
      source.mapping,
      '--force',
      source.force,
      '--rejects',
      rejects,
      ...files,
    ];
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ seconds: (performance.now() - start) / 1000, code, output }));
  });
}

/** Every source in turn (NYC, then Philadelphia), each in a fresh database against its own COPY floors. */
export async function runImportScenario(
  o: ImportOptions,
): Promise<{ measurements: Measurement[]; skipped: Skipped[] }> {
  const measurements: Measurement[] = [];
  const skipped: Skipped[] = [];
  for (const [source, dir] of [
    [IMPORT_SOURCES.nyc, o.nycDir],
    [IMPORT_SOURCES.ppd, o.ppdDir ?? defaultPpdDir],
  ] as const) {
    const r = await runSourceScenario(o, source, dir);
    measurements.push(...r.measurements);
    skipped.push(...r.skipped);
  }
  return { measurements, skipped };
}

async function runSourceScenario(
  o: ImportOptions,
  source: ImportSource,
  sourceDir: string,
): Promise<{ measurements: Measurement[]; skipped: Skipped[] }> {
  const n = source.files.length + source.lookupFiles.length;
  const name = `${source.label} (${n} files${o.quickRows ? `, first ${o.quickRows} rows of each imported file` : ', all rows'})`;
  const skip = (reason: string) => ({
    measurements: [],
    skipped: [{ name, engine: o.engine, scale: o.scale, reason }],
  });
  if (![...source.files, ...source.lookupFiles].every((f) => fs.existsSync(path.join(sourceDir, f))))
    return skip(`the files of the ${source.label} are not in ${sourceDir} (set ${source.dirSetting})`);
  const available = importCommandAvailable();
  if (!available.ok) return skip(available.why);
  const dir = o.quickRows ? sliceFiles(sourceDir, source, o.quickRows) : sourceDir;
  const files = [...source.files, ...source.lookupFiles].map((f) => path.join(dir, f));
  const rows = files.reduce((count, f) => count + dataRows(f), 0);
  const dbName = 'probity_bench_import';
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-import-'));
  const target: DatabaseTarget =
    o.engine === 'pg' ? { engine: 'pg', url: pgUrlFor(dbName) } : { engine: 'pglite', dataDir: pgliteDir };
  try {
    if (o.engine === 'pg') {
      await adminQuery(`drop database if exists ${dbName} with (force)`);
      await adminQuery(`create database ${dbName}`);
    }
    const database = await openDatabase(target);
    await migrateDatabase(database);
    await database.close();
    const env: Record<string, string> =
      target.engine === 'pg'
        ? { DATABASE_URL: target.url, PROBITY_AUTO_MIGRATE: '0' }
        : { DATABASE_URL: '', PROBITY_DATA_DIR: pgliteDir };
    const created = spawnSync(
      process.execPath,
      [path.join(root, 'bin/probity.js'), 'force', 'create', source.force, source.forceName],
      { cwd: root, encoding: 'utf8', env: childEnv(env) },
    );
    if (created.status !== 0)
      return skip(`probity force create exited ${created.status}: ${(created.stderr || created.stdout).trim()}`);
    const copies: number[] = [];
    for (let i = 0; i < o.copyRuns; i++) copies.push(await copyReference(target, files));
    const copySeconds = median(copies);
    o.log(`  COPY of the raw files: ${copySeconds.toFixed(2)} s (${Math.round(rows / copySeconds)} rows/s)`);
    const run = await runImport(
      env,
      source,
      files,
      path.join(pgliteDir, '..', `${path.basename(pgliteDir)}-rejected.csv`),
    );
    if (run.code !== 0)
      return skip(`probity import exited ${run.code}: ${run.output.trim().split('\n').slice(-3).join(' | ')}`);
    o.log(`  probity import: ${run.seconds.toFixed(2)} s (${Math.round(rows / run.seconds)} rows/s)`);
    const floor = target.engine === 'pg' ? await copyRecordsReference(target.url, source.force, o.log) : null;
    if (floor) o.log(`  ratio to the COPY of its own records: ${(run.seconds / floor.seconds).toFixed(1)}×`);
    return {
      measurements: [
        measurement({
          name,
          engine: o.engine,
          scale: o.scale,
          figure: run.seconds,
          unit: 's',
          referenceName: `COPY of the same ${rows} CSV rows into plain text tables (median of ${o.copyRuns})`,
          reference: copySeconds,
          details: {
            rows,
            rowsPerSecond: Math.round(rows / run.seconds),
            copyRowsPerSecond: Math.round(rows / copySeconds),
            includesProcessStart: 'yes',
          },
          target: o.engine === 'pg' ? targets.ratioAtMost(3, 'import time') : null,
        }),
        ...(floor
          ? [
              measurement({
                name: `${name}: against its own records`,
                engine: o.engine,
                scale: o.scale,
                figure: run.seconds,
                unit: 's',
                referenceName: `COPY of the records the import created (${(floor.bytes / 1e6).toFixed(0)} MB) into Probity's keyed, indexed tables, one transaction`,
                reference: floor.seconds,
                details: { rows, recordBytes: floor.bytes },
              }),
            ]
          : []),
      ],
      skipped: [],
    };
  } finally {
    if (o.engine === 'pg') await adminQuery(`drop database if exists ${dbName} with (force)`);
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    fs.rmSync(`${pgliteDir}-rejected.csv`, { force: true });
    if (o.quickRows) fs.rmSync(dir, { recursive: true, force: true });
  }
}
