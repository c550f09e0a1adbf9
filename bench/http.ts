import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../src/features/audit/audit-events.ts';
import { createApiToken } from '../src/features/auth/api-tokens.ts';
import { findUserByEmail } from '../src/features/auth/accounts.repository.ts';
import { principalOf } from '../src/features/auth/sessions.ts';
import { listCasesFor } from '../src/features/misconduct/list-cases.ts';
import { familyNames } from '../src/features/organisation/demo-names.ts';
import { accountEmail } from '../src/features/scale/synthetic-organisation.ts';
import type { Deps } from '../src/app/deps.ts';
import {
  measurement,
  median,
  targets,
  type BenchScale,
  type Engine,
  type Measurement,
  type Skipped,
  type TargetRule,
} from './measure.ts';

/*
 * HTTP under load: autocannon in this (the harness) process against the application in a child process
 * (target-server.ts), on loopback. Each route's throughput and latency are put beside the reference route
 * GET /bench/hello, served by the same server build in the same run.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type HttpOptions = {
  engine: Engine;
  scale: BenchScale;
  forceId: string;
  connections: number;
  durationSeconds: number;
  env: Record<string, string>;
  log: (line: string) => void;
};
type Scenario = { name: string; token: 'aa' | 'investigator' | null; paths: string[] };
type Fixtures = { aaToken: string; investigatorToken: string; caseIds: string[] };

/** Tokens and case ids, made with the use cases before the server starts (PGlite allows one process at a time). */
export async function prepareHttpFixtures(deps: Deps, forceId: string): Promise<Fixtures> {
  const aaUser = await findUserByEmail(deps.db, accountEmail(forceId, 'aa'));
  const invUser = await findUserByEmail(deps.db, accountEmail(forceId, 'investigator1'));
  if (!aaUser || !invUser)
    throw new Error(`the bench force ${forceId} has no synthetic accounts: was it seeded with probity seed --scale?`);
  const actor = systemActor('probity bench', forceId);
  const aaToken = (await createApiToken(deps, actor, aaUser.id, 'bench')).token;
  const investigatorToken = (await createApiToken(deps, actor, invUser.id, 'bench')).token;
  const caseIds: string[] = [];
  for (let page = 1; caseIds.length < 50 && page <= 4; page++) {
    const listed = await listCasesFor(deps, principalOf(aaUser), { view: 'all', status: 'open', page }, null);
    caseIds.push(...listed.rows.map((r) => r.id));
    if (listed.rows.length === 0) break;
  }
  return { aaToken, investigatorToken, caseIds };
}

/** The harness's environment with the given overrides; an empty value removes the variable. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === '') delete env[k];
    else env[k] = v;
  }
  return env;
}

export async function startTarget(
  env: Record<string, string>,
): Promise<{ port: number; routes: { oversightSummary: boolean }; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/target-server.ts')], {
    cwd: root,
    env: childEnv({ ...env, LOG_LEVEL: 'silent' }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // A server stuck in a query (PGlite runs it on the event loop) never sees SIGTERM: then it is killed.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before listening`)));
  });
  const parsed = JSON.parse(first) as { port: number; routes: { oversightSummary: boolean } };
  return { ...parsed, stop };
}

type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number; requests: number };

async function load(
  port: number,
  scenario: { paths: string[]; token: string | null },
  connections: number,
  durationSeconds: number,
): Promise<Load> {
  const { default: autocannon } = await import('autocannon');
  const headers: Record<string, string> = scenario.token ? { authorization: `Bearer ${scenario.token}` } : {};
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: durationSeconds,
    headers,
    requests: scenario.paths.map((p) => ({ method: 'GET' as const, path: p })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

/** One request at a time, `runs` times: the median latency of a route with nothing else running. */
async function singleRequests(
  port: number,
  pathName: string,
  token: string | null,
  runs: number,
): Promise<{ median: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${pathName}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    await res.arrayBuffer();
    status = res.status;
    if (i > 0) times.push(performance.now() - start);
  }
  return { median: median(times), status };
}

export async function runHttpScenarios(
  o: HttpOptions,
  fixtures: Fixtures,
): Promise<{ measurements: Measurement[]; skipped: Skipped[] }> {
  const measurements: Measurement[] = [];
  const skipped: Skipped[] = [];
  const target = await startTarget(o.env);
  try {
    const surnames = [...new Set(familyNames.slice(0, 12).map((n) => n.toLowerCase().slice(0, 4)))];
    const scenarios: Scenario[] = [
      {
        name: 'case list (appropriate authority, open, pages 1-10)',
        token: 'aa',
        paths: Array.from({ length: 10 }, (_, i) => `/api/v1/cases?view=all&status=open&page=${i + 1}`),
      },
      {
        name: 'case list (investigator, open, pages 1-3)',
        token: 'investigator',
        paths: [1, 2, 3].map((p) => `/api/v1/cases?view=all&status=open&page=${p}`),
      },
      { name: 'case page (audited read)', token: 'aa', paths: fixtures.caseIds.map((id) => `/api/v1/cases/${id}`) },
      { name: 'person search (audited, by name)', token: 'aa', paths: surnames.map((q) => `/api/v1/people?q=${q}`) },
    ];
    const tokenOf = (t: Scenario['token']) =>
      t === 'aa' ? fixtures.aaToken : t === 'investigator' ? fixtures.investigatorToken : null;
    const warm = Math.max(1, Math.round(o.durationSeconds / 3));
    o.log(`  http: warming up (${warm} s), then ${o.durationSeconds} s per route at ${o.connections} connections`);
    await load(target.port, { paths: ['/bench/hello'], token: null }, o.connections, warm);
    const hello = await load(target.port, { paths: ['/bench/hello'], token: null }, o.connections, o.durationSeconds);
    o.log(`  reference GET /bench/hello: ${hello.rps.toFixed(0)} req/s, p50 ${hello.p50} ms, p99 ${hello.p99} ms`);
    const refName = `GET /bench/hello, same server build, no auth, ${o.connections} connections`;
    const latencyTarget: TargetRule | null =
      o.engine === 'pglite' ? targets.figureBelow(100, 'ms', `p99 at ${o.connections} connections`) : null;
    for (const s of scenarios) {
      if (s.paths.length === 0) {
        skipped.push({ name: s.name, engine: o.engine, scale: o.scale, reason: 'no open case to request' });
        continue;
      }
      const token = tokenOf(s.token);
      await load(target.port, { paths: s.paths, token }, o.connections, warm);
      const r = await load(target.port, { paths: s.paths, token }, o.connections, o.durationSeconds);
      o.log(
        `  ${s.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''}`,
      );
      const caseList = s.name.startsWith('case list');
      const pgNational = o.engine === 'pg' && o.scale === 'national';
      const details = {
        p50: r.p50,
        p99: r.p99,
        requests: r.requests,
        non2xx: r.non2xx,
        errors: r.errors,
        connections: o.connections,
        referenceP50: hello.p50,
        referenceP99: hello.p99,
      };
      measurements.push(
        measurement({
          name: `${s.name}: throughput`,
          engine: o.engine,
          scale: o.scale,
          figure: r.rps,
          unit: 'req/s',
          referenceName: refName,
          reference: hello.rps,
          details,
          target: caseList && pgNational ? targets.ratioAtLeast(0.25, 'throughput') : null,
        }),
        measurement({
          name: `${s.name}: p99 latency`,
          engine: o.engine,
          scale: o.scale,
          figure: r.p99,
          unit: 'ms',
          referenceName: refName,
          reference: hello.p99,
          details,
          target: caseList && pgNational ? targets.figureBelow(50, 'ms', 'p99') : latencyTarget,
        }),
      );
    }
    const dashboard = 'dashboard summary (GET /api/v1/oversight/summary)';
    if (!target.routes.oversightSummary) {
      skipped.push({
        name: dashboard,
        engine: o.engine,
        scale: o.scale,
        reason: 'the route /api/v1/oversight/summary does not exist yet (oversight dashboard not built)',
      });
      o.log(`  ${dashboard}: skipped, the route does not exist yet`);
    } else {
      // One request at a time first: after the load the server is still working through the requests the
      // load generator left in flight (seconds each at national scale), which would be timed too.
      const one = await singleRequests(target.port, '/api/v1/oversight/summary', fixtures.aaToken, 7);
      const ref = await singleRequests(target.port, '/bench/hello', null, 7);
      const r = await load(
        target.port,
        { paths: ['/api/v1/oversight/summary'], token: fixtures.aaToken },
        o.connections,
        o.durationSeconds,
      );
      const details = {
        p50: r.p50,
        p99: r.p99,
        requests: r.requests,
        non2xx: r.non2xx,
        errors: r.errors,
        connections: o.connections,
      };
      measurements.push(
        measurement({
          name: `${dashboard}: throughput`,
          engine: o.engine,
          scale: o.scale,
          figure: r.rps,
          unit: 'req/s',
          referenceName: refName,
          reference: hello.rps,
          details,
        }),
        measurement({
          name: `${dashboard}: p99 latency`,
          engine: o.engine,
          scale: o.scale,
          figure: r.p99,
          unit: 'ms',
          referenceName: refName,
          reference: hello.p99,
          details,
          target: latencyTarget,
        }),
      );
      measurements.push(
        measurement({
          name: `${dashboard}: one request (median of 7)`,
          engine: o.engine,
          scale: o.scale,
          figure: one.median,
          unit: 'ms',
          referenceName: 'GET /bench/hello, one request at a time',
          reference: ref.median,
          details: { status: one.status },
          target: targets.figureBelow(300, 'ms', 'dashboard query'),
        }),
      );
    }
  } finally {
    await target.stop();
  }
  return { measurements, skipped };
}
