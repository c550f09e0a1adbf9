/**
 * The benchmark's figures: every figure is stored beside a reference measured in the same run on the same
 * machine, and their ratio (figure / reference). A target, where the issue sets one, is judged here too.
 * Pure, so the harness test can check the arithmetic and the JSON shape without timing anything.
 */

export type Engine = 'pglite' | 'pg';
export type BenchScale = 'force' | 'national' | 'quick';

export type Target = { description: string; pass: boolean };

export type Measurement = {
  name: string;
  engine: Engine;
  scale: BenchScale;
  figure: number;
  unit: string;
  /** What the reference is, in words (e.g. "bare route GET /bench/hello, same server, no auth"). */
  referenceName: string;
  reference: number;
  /** figure / reference, rounded to 4 decimal places. */
  ratio: number;
  target: Target | null;
  /** Anything else worth keeping (latency percentiles, errors, rows). */
  details: Record<string, number | string>;
};

export type Skipped = { name: string; engine: Engine | 'any'; scale: BenchScale; reason: string };

export type TargetRule = {
  description: string;
  test: (m: Pick<Measurement, 'figure' | 'reference' | 'ratio'>) => boolean;
};

export function ratioOf(figure: number, reference: number): number {
  if (!Number.isFinite(figure) || !Number.isFinite(reference) || reference === 0) return Number.NaN;
  return Math.round((figure / reference) * 10_000) / 10_000;
}

export function measurement(
  fields: Omit<Measurement, 'ratio' | 'target' | 'details'> & {
    details?: Measurement['details'];
    target?: TargetRule | null;
  },
): Measurement {
  const ratio = ratioOf(fields.figure, fields.reference);
  const target = fields.target
    ? {
        description: fields.target.description,
        pass: fields.target.test({ figure: fields.figure, reference: fields.reference, ratio }),
      }
    : null;
  return {
    name: fields.name,
    engine: fields.engine,
    scale: fields.scale,
    figure: round(fields.figure),
    unit: fields.unit,
    referenceName: fields.referenceName,
    reference: round(fields.reference),
    ratio,
    target,
    details: fields.details ?? {},
  };
}

export function round(n: number, places = 3): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs; the median wall time in milliseconds. */
export async function medianMs(
  fn: () => Promise<unknown>,
  runs: number,
  warmup = 1,
): Promise<{ median: number; runs: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { median: median(times), runs: times };
}

export const targets = {
  ratioAtMost: (n: number, what: string): TargetRule => ({
    description: `${what} within ${n}× of the reference`,
    test: (m) => m.ratio <= n,
  }),
  ratioAtLeast: (n: number, what: string): TargetRule => ({
    description: `${what} at least ${Math.round(n * 100)}% of the reference`,
    test: (m) => m.ratio >= n,
  }),
  figureBelow: (n: number, unit: string, what: string): TargetRule => ({
    description: `${what} under ${n} ${unit}`,
    test: (m) => m.figure < n,
  }),
};

export type BenchReport = {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; loadAverage: number[] };
  options: Record<string, unknown>;
  measurements: Measurement[];
  skipped: Skipped[];
};

/** A measurement as one printed line: the figure beside its reference, the ratio and the target's verdict. */
export function formatLine(m: Measurement): string {
  const verdict = m.target ? `  ${m.target.pass ? 'PASS' : 'MISS'} (${m.target.description})` : '';
  return `${m.engine.padEnd(6)} ${m.scale.padEnd(8)} ${m.name.padEnd(44)} ${fmt(m.figure)} ${m.unit.padEnd(6)} vs ${fmt(m.reference)} (${m.referenceName})  ratio ${fmt(m.ratio)}${verdict}`;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(4);
}
