import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_FORCE, DEFAULT_SEED, type Scale } from '../src/features/scale/scale-plan.ts';
import { preparePg, preparePglite, settle, withDatabase, type Prepared, type SeedPlan } from './databases.ts';
import { runHttpScenarios } from './http.ts';
import { prepareHttpFixtures } from './http-setup.ts';
import { runOverload } from './overload.ts';
import { defaultNycDir, runImportScenario } from './import.ts';
import {
  formatLine,
  type BenchReport,
  type BenchScale,
  type Engine,
  type Measurement,
  type Skipped,
} from './measure.ts';
import { runQueryScenarios } from './queries.ts';
import { runDashboardScenarios } from './dashboard.ts';
import { projectRoot } from '../src/kernel/project-root.ts';

/*
 * `npm run bench`: seeds its own databases, then measures the NYC import against COPY, the API under load
 * against a bare route of the same server, and single queries against a full count of their table, all
 * in one run on one machine. Prints each figure beside its reference and writes bench/results/latest.json
 * (and a copy named after the kind of run: quick.json, pglite-force.json, pg-national.json …).
 */

export type Part = 'import' | 'http' | 'overload' | 'queries';
export type BenchOptions = {
  engine: Engine | 'both';
  scale: Scale;
  quick: boolean;
  keep: boolean;
  seed: number;
  durationSeconds?: number;
  only?: Part[];
  nycDir?: string;
  log?: (line: string) => void;
};

const root = projectRoot;
export const resultsDir = path.join(root, 'bench/results');
/** The force whose users the HTTP scenarios act as: at national scale the largest (the hardest case). */
export const NATIONAL_BENCH_FORCE = 'metropolitan';
const QUICK_SHRINK = 0.1;

type Stage = { engine: Engine; scale: BenchScale; plan: SeedPlan; forceId: string; connections: number };

export function stagesOf(o: BenchOptions): { stages: Stage[]; skipped: Skipped[] } {
  const engines: Engine[] = o.engine === 'both' ? ['pglite', 'pg'] : [o.engine];
  const stages: Stage[] = [];
  const skipped: Skipped[] = [];
  for (const engine of engines) {
    const connections = engine === 'pglite' ? 16 : 32;
    if (o.quick) {
      stages.push({
        engine,
        scale: 'quick',
        plan: { scale: 'force', seed: o.seed, shrink: QUICK_SHRINK },
        forceId: DEFAULT_FORCE,
        connections,
      });
    } else if (o.scale === 'national' && engine === 'pglite') {
      skipped.push({
        name: 'national scale on PGlite',
        engine,
        scale: 'national',
        reason: 'PGlite serves one force on one machine: it is measured at force scale (--scale force)',
      });
    } else if (o.scale === 'national') {
      stages.push({
        engine,
        scale: 'national',
        plan: { scale: 'national', seed: o.seed, shrink: 1 },
        forceId: NATIONAL_BENCH_FORCE,
        connections,
      });
    } else {
      stages.push({
        engine,
        scale: 'force',
        plan: { scale: 'force', seed: o.seed, shrink: 1 },
        forceId: DEFAULT_FORCE,
        connections,
      });
    }
  }
  return { stages, skipped };
}

export async function runBench(o: BenchOptions): Promise<{ report: BenchReport; files: string[] }> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const startedAt = new Date().toISOString();
  const parts = new Set<Part>(o.only ?? ['import', 'http', 'overload', 'queries']);
  const { stages, skipped } = stagesOf(o);
  const measurements: Measurement[] = [];
  const seeds: Record<string, unknown>[] = [];
  const record = (r: { measurements: Measurement[]; skipped: Skipped[] }) => {
    measurements.push(...r.measurements);
    skipped.push(...r.skipped);
    for (const m of r.measurements) log(formatLine(m));
    for (const s of r.skipped) log(`SKIPPED ${s.engine} ${s.scale} ${s.name}: ${s.reason}`);
  };
  /** A part that throws is recorded as skipped with its error, and the other parts still run. */
  const guarded = async (name: string, stage: Stage, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      const s: Skipped = {
        name,
        engine: stage.engine,
        scale: stage.scale,
        reason: `failed: ${err instanceof Error ? err.message : String(err)}`,
      };
      skipped.push(s);
      log(`SKIPPED ${s.engine} ${s.scale} ${s.name}: ${s.reason}`);
    }
  };
  const duration = o.durationSeconds ?? (o.quick ? 3 : 10);
  const runs = o.quick ? 3 : 7;

  for (const stage of stages) {
    if (parts.has('import')) {
      log(`== ${stage.engine}: imports (NYC CCRB, Philadelphia PPD)`);
      await guarded('imports', stage, async () =>
        record(
          await runImportScenario({
            engine: stage.engine,
            scale: stage.scale,
            nycDir: o.nycDir ?? defaultNycDir,
            quickRows: o.quick ? 3000 : null,
            copyRuns: o.quick ? 1 : 3,
            log,
          }),
        ),
      );
    }
    if (!parts.has('http') && !parts.has('overload') && !parts.has('queries')) continue;
    log(
      `== ${stage.engine} ${stage.scale}: seeding (${stage.plan.scale} scale, seed ${stage.plan.seed}${stage.plan.shrink < 1 ? `, shrunk to ${stage.plan.shrink}` : ''})`,
    );
    const seedStart = performance.now();
    const prepared: Prepared =
      stage.engine === 'pg'
        ? await preparePg(stage.scale, stage.plan, o.keep, log)
        : await preparePglite(stage.scale, stage.plan, o.keep, log);
    seeds.push({
      engine: stage.engine,
      scale: stage.scale,
      reused: prepared.reused,
      seconds: Math.round((performance.now() - seedStart) / 100) / 10,
      ...(prepared.seeded
        ? {
            rows: prepared.seeded.rows,
            loadSeconds: Math.round(prepared.seeded.loadSeconds * 10) / 10,
            vacuumSeconds: Math.round(prepared.seeded.vacuumSeconds * 10) / 10,
            byTable: prepared.seeded.byTable,
          }
        : {}),
    });
    try {
      if (parts.has('http')) {
        log(`== ${stage.engine} ${stage.scale}: HTTP (${stage.forceId})`);
        await guarded('HTTP scenarios', stage, async () => {
          const fixtures = await withDatabase(prepared.target, (_db, deps) => prepareHttpFixtures(deps, stage.forceId));
          record(
            await runHttpScenarios(
              {
                engine: stage.engine,
                scale: stage.scale,
                forceId: stage.forceId,
                connections: stage.connections,
                durationSeconds: duration,
                env: prepared.env,
                log,
              },
              fixtures,
            ),
          );
        });
      }
      // The overload test is for the embedded database (issue 13): PostgreSQL has its own pool in front.
      if (parts.has('overload') && stage.engine === 'pglite') {
        log(`== ${stage.engine} ${stage.scale}: overload (${stage.forceId})`);
        await guarded('overload', stage, async () => {
          const fixtures = await withDatabase(prepared.target, (_db, deps) => prepareHttpFixtures(deps, stage.forceId));
          record(
            await runOverload(
              {
                engine: stage.engine,
                scale: stage.scale,
                forceId: stage.forceId,
                connections: stage.connections,
                durationSeconds: duration,
                env: prepared.env,
                log,
              },
              fixtures,
            ),
          );
        });
      }
      if (parts.has('queries')) {
        await settle(prepared, log);
        log(`== ${stage.engine} ${stage.scale}: queries (${stage.forceId})`);
        await guarded('query scenarios', stage, async () => {
          const queries = await withDatabase(prepared.target, (database, deps) =>
            runQueryScenarios(database, deps, {
              engine: stage.engine,
              scale: stage.scale,
              forceId: stage.forceId,
              runs,
              log,
            }),
          );
          record(queries);
          record(
            await runDashboardScenarios({
              engine: stage.engine,
              scale: stage.scale,
              forceId: stage.forceId,
              runs: o.quick ? 2 : 5,
              limitSeconds: o.quick ? 120 : 600,
              env: prepared.env,
              referenceMs: queries.reference.ms,
              referenceName: queries.reference.name,
              log,
            }),
          );
        });
      }
    } finally {
      await prepared.release();
    }
  }

  const report: BenchReport & { seeds: Record<string, unknown>[] } = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    options: {
      engine: o.engine,
      scale: o.scale,
      quick: o.quick,
      keep: o.keep,
      seed: o.seed,
      durationSeconds: duration,
      queryRuns: runs,
      only: [...parts],
    },
    measurements,
    skipped,
    seeds,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  const name = o.quick ? 'quick' : `${o.engine}-${o.scale}`;
  // latest.json is always the last run; the named copy keeps each kind of run (quick, pglite-force, pg-national …).
  const files = [path.join(resultsDir, 'latest.json'), path.join(resultsDir, `${name}.json`)];
  for (const file of files) fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log('');
  log(
    `Summary (${measurements.length} figures, ${skipped.length} skipped; load average ${report.machine.loadAverage.join(' ')}):`,
  );
  for (const m of measurements) log(formatLine(m));
  for (const s of skipped) log(`SKIPPED ${s.engine} ${s.scale} ${s.name}: ${s.reason}`);
  log(`Written: ${files.map((f) => path.relative(root, f)).join(', ')}`);
  return { report, files };
}

export { DEFAULT_SEED };
