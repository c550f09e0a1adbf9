import { median } from './measure.ts';

/** Load against a route with autocannon, and single requests one at a time. */

export type Load = {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
  timeouts: number;
  statuses: Record<string, { count: number }>;
};

export async function load(
  port: number,
  scenario: { paths: string[]; token: string | null; cookie?: string | null },
  connections: number,
  durationSeconds: number,
): Promise<Load> {
  const { default: autocannon } = await import('autocannon');
  const headers: Record<string, string> = scenario.token ? { authorization: `Bearer ${scenario.token}` } : {};
  if (scenario.cookie) headers['cookie'] = `probity_session=${scenario.cookie}`;
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
    timeouts: result.timeouts,
    statuses: { ...(result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats },
  };
}

/** One request at a time, `runs` times: the median latency of a route with nothing else running. */
export async function singleRequests(
  port: number,
  pathNames: string | string[],
  token: string | null,
  runs: number,
): Promise<{ median: number; max: number; status: number }> {
  const times: number[] = [];
  const paths = [pathNames].flat();
  let status = 0;
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${paths[i % paths.length] ?? ''}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    await res.arrayBuffer();
    status = res.status;
    if (i > 0) times.push(performance.now() - start);
  }
  return { median: median(times), max: Math.max(...times), status };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
