import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type DatabaseTarget } from '../src/db/client.ts';
import { adminQuery, pgUrlFor } from './databases.ts';
import { childEnv } from './http-target.ts';
import { measurement, median, targets, type Measurement, type Skipped } from './measure.ts';
import { projectRoot } from '../src/kernel/project-root.ts';
import {
  dataRows,
  defaultPpdDir,
  importCommandAvailable,
  IMPORT_SOURCES,
  sliceFiles,
  type ImportOptions,
  type ImportSource,
} from './import-sources.ts';
import { copyRecordsReference, copyReference } from './import-copy.ts';

export { defaultNycDir } from './import-sources.ts';

/*
 * Importing each real source in full with `probity import` (a child process, as a user would run it, through
 * its mapping file alone) beside the database's own ceiling for the same bytes: COPY of the raw CSV files
 * into plain tables of text columns (no keys, no indexes, no parsing into types), in a fresh database of the
 * same engine; and, on PostgreSQL, COPY of the very records the import created into Probity's own tables.
 * Sources: the NYC CCRB histories and the Philadelphia PPD complaints (a join through a lookup file).
 */

const root = projectRoot;

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
