import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/kernel/config/config.ts';
import type { Deps } from '../src/kernel/deps.ts';
import { migrateDatabase, openDatabase, type Database, type DatabaseTarget } from '../src/db/client.ts';
import { seedScale, type SeedScaleSummary } from '../src/features/scale/seed-scale.ts';
import type { Scale } from '../src/features/scale/scale-plan.ts';
import type { BenchScale, Engine } from './measure.ts';

/*
 * The benchmark's own databases: on PostgreSQL (PROBITY_BENCH_PG_URL, default the local server) a
 * database per scale, probity_bench_<scale>, created, migrated and seeded by the bench and dropped after
 * it; on PGlite a temporary data directory. With --keep the seeded database stays, and a later run with
 * the same scale and seed reuses it (PostgreSQL: a comment on the database records what it holds), after
 * applying any migration added since (new indexes reach a kept database that way).
 */

export const adminUrl = process.env['PROBITY_BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function pgUrlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export type SeedPlan = { scale: Scale; seed: number; shrink: number; force?: string };
export type Prepared = {
  engine: Engine;
  scale: BenchScale;
  target: DatabaseTarget;
  /** Environment for child processes (the server, the importer) to open the same database. */
  env: Record<string, string>;
  seeded: SeedScaleSummary | null;
  reused: boolean;
  release: () => Promise<void>;
};

export const signatureOf = (p: SeedPlan) =>
  `probity-bench scale=${p.scale} seed=${p.seed} shrink=${p.shrink}${p.force ? ` force=${p.force}` : ''}`;

export function depsFor(database: Database): Deps {
  return {
    db: database.db,
    config: loadConfig({ PROBITY_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }),
    now: () => new Date(),
  };
}

export async function withDatabase<T>(
  target: DatabaseTarget,
  fn: (database: Database, deps: Deps) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(target);
  try {
    return await fn(database, depsFor(database));
  } finally {
    await database.close();
  }
}

/** A kept database gets the migrations added since it was seeded (the bench server does not migrate). */
async function migrateKept(target: DatabaseTarget, log: (line: string) => void): Promise<void> {
  const start = performance.now();
  await withDatabase(target, (database) => migrateDatabase(database));
  log(`  migrations applied to the kept database in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

async function seedInto(
  target: DatabaseTarget,
  plan: SeedPlan,
  log: (line: string) => void,
): Promise<SeedScaleSummary> {
  return withDatabase(target, async (database, deps) => {
    await migrateDatabase(database);
    let last = 0;
    const summary = await seedScale(deps, {
      scale: plan.scale,
      seed: plan.seed,
      shrink: plan.shrink,
      ...(plan.force ? { force: plan.force } : {}),
      onProgress: (p) => {
        if (performance.now() - last < 10_000 && p.phase === 'cases') return;
        last = performance.now();
        log(
          `  seed: ${p.force || p.phase} ${p.phase} ${p.casesDone}/${p.casesTotal} cases, ${p.rows} rows in ${p.seconds.toFixed(0)} s`,
        );
      },
    });
    if (!summary.seeded) throw new Error(`seeding the bench database failed: ${summary.reason}`);
    log(
      `  seeded ${summary.rows} rows in ${summary.loadSeconds.toFixed(1)} s (+ ${summary.vacuumSeconds.toFixed(1)} s vacuum/analyse)`,
    );
    return summary;
  });
}

export async function preparePg(
  scale: BenchScale,
  plan: SeedPlan,
  keep: boolean,
  log: (line: string) => void,
): Promise<Prepared> {
  const name = `probity_bench_${scale}`;
  const target: DatabaseTarget = { engine: 'pg', url: pgUrlFor(name) };
  const env = { DATABASE_URL: target.url, PROBITY_AUTO_MIGRATE: '0' };
  const signature = signatureOf(plan);
  const [found] = await adminQuery<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [name],
  );
  const release = async () => {
    if (keep) log(`  kept database ${name} (${signature})`);
    else await adminQuery(`drop database if exists ${name} with (force)`);
  };
  if (keep && found?.comment === signature) {
    log(`  reusing ${name} (${signature})`);
    await migrateKept(target, log);
    return { engine: 'pg', scale, target, env, seeded: null, reused: true, release };
  }
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const seeded = await seedInto(target, plan, log);
  await adminQuery(`comment on database ${name} is '${signature}'`);
  return { engine: 'pg', scale, target, env, seeded, reused: false, release };
}

export async function preparePglite(
  scale: BenchScale,
  plan: SeedPlan,
  keep: boolean,
  log: (line: string) => void,
): Promise<Prepared> {
  const dir = keep
    ? path.join(os.tmpdir(), `probity-bench-pglite-${scale}`)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-pglite-'));
  const marker = path.join(`${dir}.signature`);
  const target: DatabaseTarget = { engine: 'pglite', dataDir: dir };
  const env = { PROBITY_DATA_DIR: dir, DATABASE_URL: '' };
  const signature = signatureOf(plan);
  const release = async () => {
    if (keep) log(`  kept PGlite data directory ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  };
  if (keep && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === signature) {
    log(`  reusing ${dir} (${signature})`);
    await migrateKept(target, log);
    return { engine: 'pglite', scale, target, env, seeded: null, reused: true, release };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  const seeded = await seedInto(target, plan, log);
  if (keep) fs.writeFileSync(marker, signature);
  return { engine: 'pglite', scale, target, env, seeded, reused: false, release };
}

/**
 * Waits (up to `limitSeconds`) until no session is running a statement in the bench's PostgreSQL database:
 * requests a load left in flight go on running in the database after the server has gone (seconds each at
 * national scale) and would be timed with the next part. PGlite needs nothing: its only process has exited.
 */
export async function settle(prepared: Prepared, log: (line: string) => void, limitSeconds = 180): Promise<void> {
  if (prepared.target.engine !== 'pg') return;
  const name = decodeURIComponent(new URL(prepared.target.url).pathname.slice(1));
  const start = performance.now();
  for (;;) {
    const [row] = await adminQuery<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = $1 and state = 'active'`,
      [name],
    );
    const seconds = (performance.now() - start) / 1000;
    if (!row || row.n === 0) {
      if (seconds >= 1) log(`  waited ${seconds.toFixed(0)} s for the database to finish the statements left running`);
      return;
    }
    if (seconds > limitSeconds) {
      log(`  ${row.n} statements still running after ${limitSeconds} s: going on`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
