import { spawn } from 'node:child_process';
import path from 'node:path';
import { accountEmail } from '../src/features/scale/synthetic-organisation.ts';
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
 * The oversight dashboard's queries, timed in a child process (dashboard-probe.ts) with a time limit: a
 * query that does not finish is reported as such and the probe killed, and the benchmark carries on.
 * Two figures per account: the whole dashboard (all its queries, one transaction) and its slowest single
 * query (the issue's target is per query; every query's median is kept in the details).
 * The reference is the one the single queries use (queries.ts), measured in the same run:
 * `select count(*) from clocks`, a full read of the largest table they work on.
 */

const root = projectRoot;

export type DashboardOptions = {
  engine: Engine;
  scale: BenchScale;
  forceId: string;
  runs: number;
  limitSeconds: number;
  env: Record<string, string>;
  referenceMs: number;
  referenceName: string;
  log: (line: string) => void;
};

type ProbeLine = { ms?: number; sections?: number; queries?: Record<string, number>; error?: string };

function probe(o: DashboardOptions, email: string): Promise<{ lines: ProbeLine[]; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'bench/dashboard-probe.ts'), email, String(o.runs)],
      { cwd: root, env: childEnv(o.env), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.limitSeconds * 1000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({
        lines: out
          .split('\n')
          .filter((l) => l.trim().startsWith('{'))
          .map((l) => JSON.parse(l) as ProbeLine),
        timedOut,
      });
    });
  });
}

export async function runDashboardScenarios(
  o: DashboardOptions,
): Promise<{ measurements: Measurement[]; skipped: Skipped[] }> {
  const measurements: Measurement[] = [];
  const skipped: Skipped[] = [];
  for (const [who, local] of [
    ['appropriate authority', 'aa'],
    ['PCC office, small cells suppressed', 'pcc'],
  ] as const) {
    const name = `oversight dashboard, all its queries (${who})`;
    const { lines, timedOut } = await probe(o, accountEmail(o.forceId, local));
    const error = lines.find((l) => l.error)?.error;
    const times = lines.flatMap((l) => (typeof l.ms === 'number' ? [l.ms] : []));
    if (timedOut || error || times.length === 0) {
      const reason = timedOut
        ? `did not finish within ${o.limitSeconds} s (killed); see docs/performance.md`
        : `failed: ${error ?? 'no result'}`;
      skipped.push({ name, engine: o.engine, scale: o.scale, reason });
      o.log(`  ${name}: ${reason}`);
      continue;
    }
    const m = measurement({
      name,
      engine: o.engine,
      scale: o.scale,
      figure: median(times),
      unit: 'ms',
      referenceName: o.referenceName,
      reference: o.referenceMs,
      details: { runs: times.length, sections: lines[0]?.sections ?? 0 },
      target: targets.figureBelow(300, 'ms', 'all the queries together'),
    });
    measurements.push(m);
    o.log(`  ${name}: ${m.figure} ms`);
    // Each query on its own (median over the runs): the issue's target is per query.
    const names = [...new Set(lines.flatMap((l) => Object.keys(l.queries ?? {})))];
    if (names.length === 0) continue;
    const perQuery = Object.fromEntries(
      names.map((q) => [
        q,
        Math.round(median(lines.flatMap((l) => (l.queries?.[q] !== undefined ? [l.queries[q]] : []))) * 10) / 10,
      ]),
    );
    const [slowest, slowestMs] = Object.entries(perQuery).reduce((a, b) => (b[1] > a[1] ? b : a));
    const q = measurement({
      name: `oversight dashboard, slowest single query (${who})`,
      engine: o.engine,
      scale: o.scale,
      figure: slowestMs,
      unit: 'ms',
      referenceName: o.referenceName,
      reference: o.referenceMs,
      details: { slowest, ...perQuery },
      target: targets.figureBelow(300, 'ms', 'every dashboard query'),
    });
    measurements.push(q);
    o.log(
      `  ${q.name}: ${slowest} ${q.figure} ms (${Object.entries(perQuery)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    );
  }
  return { measurements, skipped };
}
