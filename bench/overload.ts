import { measurement, median, round, targets, type Measurement, type Skipped } from './measure.ts';
import { startTarget } from './http-target.ts';
import { load, sleep } from './http-load.ts';
import type { Fixtures, HttpOptions } from './http-setup.ts';

/**
 * Overload (issue 13): 200 connections on the case list against the embedded server. Excess load must be
 * refused quickly (503 with Retry-After) rather than time out, /health must answer throughout, and the server
 * must be idle (nothing at work, nothing queued) within a second of the run's end.
 */
export async function runOverload(
  o: HttpOptions,
  fixtures: Fixtures,
  connections = 200,
): Promise<{ measurements: Measurement[]; skipped: Skipped[] }> {
  const target = await startTarget(o.env);
  const measurements: Measurement[] = [];
  try {
    const base = `http://127.0.0.1:${target.port}`;
    const healthOnce = async () => {
      const start = performance.now();
      try {
        const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        return { ms: performance.now() - start, ok: res.status === 200 };
      } catch {
        return { ms: performance.now() - start, ok: false };
      }
    };
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) quiet.push((await healthOnce()).ms);
    const during: { ms: number; ok: boolean }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        during.push(await healthOnce());
        await sleep(100);
      }
    })();
    const paths = Array.from({ length: 10 }, (_, i) => `/api/v1/cases?view=all&status=open&page=${i + 1}`);
    const r = await load(target.port, { paths, token: fixtures.aaToken }, connections, o.durationSeconds);
    const ended = performance.now();
    let idleMs = Number.NaN;
    while (performance.now() - ended < 30_000) {
      const state = (await (await fetch(`${base}/bench/admission`)).json()) as { active: number; queued: number };
      if (state.active === 0 && state.queued === 0) {
        idleMs = performance.now() - ended;
        break;
      }
      await sleep(10);
    }
    await sleep(1000);
    polling = false;
    await poller;
    const healthMs = during.map((d) => d.ms).sort((a, b) => a - b);
    const healthMax = healthMs.at(-1) ?? Number.NaN;
    const healthP99 = healthMs[Math.min(healthMs.length - 1, Math.floor(healthMs.length * 0.99))] ?? Number.NaN;
    const refused = r.statuses['503']?.count ?? 0;
    const ok = r.statuses['200']?.count ?? 0;
    o.log(
      `  overload, ${connections} connections on the case list: ${r.requests} requests, ${ok} answered 200, ${refused} refused 503, ${r.timeouts} time-outs; /health max ${healthMax.toFixed(0)} ms over ${during.length} probes (${during.filter((d) => !d.ok).length} failed); idle ${idleMs.toFixed(0)} ms after the run`,
    );
    const details = {
      connections,
      requests: r.requests,
      ok,
      refused503: refused,
      timeouts: r.timeouts,
      errors: r.errors,
      p50: r.p50,
      p99: r.p99,
      healthProbes: during.length,
      healthFailed: during.filter((d) => !d.ok).length,
      healthP99: round(healthP99),
      healthMax: round(healthMax),
      idleMs: round(idleMs),
    };
    const name = `overload (${connections} connections, case list)`;
    const quietHealth = median(quiet);
    measurements.push(
      measurement({
        name: `${name}: time-outs`,
        engine: o.engine,
        scale: o.scale,
        figure: r.timeouts,
        unit: 'count',
        referenceName: 'requests sent',
        reference: r.requests,
        details,
        target: targets.figureBelow(1, 'time-outs', 'no time-outs:'),
      }),
      measurement({
        name: `${name}: /health, slowest answer`,
        engine: o.engine,
        scale: o.scale,
        figure: healthMax,
        unit: 'ms',
        referenceName: '/health on the idle server (median of 10)',
        reference: quietHealth,
        details,
        target: targets.figureBelow(100, 'ms', '/health throughout'),
      }),
      measurement({
        name: `${name}: idle after the run`,
        engine: o.engine,
        scale: o.scale,
        figure: idleMs,
        unit: 'ms',
        referenceName: '/health on the idle server (median of 10)',
        reference: quietHealth,
        details,
        target: targets.figureBelow(1000, 'ms', 'idle'),
      }),
    );
  } finally {
    await target.stop();
  }
  return { measurements, skipped: [] };
}
