import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  formatLine,
  measurement,
  median,
  medianMs,
  ratioOf,
  targets,
  type Measurement,
} from '../../../bench/measure.ts';
import { runQueryScenarios } from '../../../bench/queries.ts';
import { stagesOf } from '../../../bench/run.ts';
import { seedScale } from './seed-scale.ts';

// The benchmark harness's own arithmetic and output, on a tiny seeded force. Nothing here asserts a timing.

const MEASUREMENT_KEYS = [
  'name',
  'engine',
  'scale',
  'figure',
  'unit',
  'referenceName',
  'reference',
  'ratio',
  'target',
  'details',
].sort();

function expectShape(m: Measurement): void {
  expect(Object.keys(m).sort()).toEqual(MEASUREMENT_KEYS);
  expect(typeof m.name).toBe('string');
  expect(['pglite', 'pg']).toContain(m.engine);
  expect(typeof m.unit).toBe('string');
  expect(typeof m.referenceName).toBe('string');
  // figure and reference are stored rounded to 3 places and the ratio is taken before rounding, so they agree
  // to within the rounding, not to a fixed number of decimal places.
  const exact = m.figure / m.reference;
  expect(Math.abs(m.ratio - exact) / exact).toBeLessThan(0.01);
  expect(JSON.parse(JSON.stringify(m))).toEqual(m);
}

describe('bench measurements', () => {
  it('stores the figure beside its reference, with ratio = figure / reference', () => {
    const m = measurement({
      name: 'case list: throughput',
      engine: 'pg',
      scale: 'national',
      figure: 750,
      unit: 'req/s',
      referenceName: 'hello',
      reference: 3000,
      target: targets.ratioAtLeast(0.25, 'throughput'),
    });
    expectShape(m);
    expect(m.ratio).toBe(0.25);
    expect(m.target).toEqual({ description: 'throughput at least 25% of the reference', pass: true });
    expect(formatLine(m)).toContain('PASS');
    const slow = measurement({
      name: 'import',
      engine: 'pg',
      scale: 'force',
      figure: 40,
      unit: 's',
      referenceName: 'COPY',
      reference: 10,
      target: targets.ratioAtMost(3, 'import time'),
    });
    expect(slow.ratio).toBe(4);
    expect(slow.target?.pass).toBe(false);
    expect(formatLine(slow)).toContain('MISS');
    expect(
      measurement({
        name: 'p99',
        engine: 'pglite',
        scale: 'force',
        figure: 99.5,
        unit: 'ms',
        referenceName: 'hello',
        reference: 2,
        target: targets.figureBelow(100, 'ms', 'p99'),
      }).target?.pass,
    ).toBe(true);
    expect(ratioOf(1, 0)).toBeNaN();
  });

  it('takes medians of the runs it is given, after the warm-up', async () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    let calls = 0;
    const timed = await medianMs(
      async () => {
        calls++;
      },
      5,
      2,
    );
    expect(calls).toBe(7);
    expect(timed.runs).toHaveLength(5);
    expect(timed.median).toBe(median(timed.runs));
  });

  it('plans the stages an invocation asks for', () => {
    expect(
      stagesOf({ engine: 'both', scale: 'force', quick: true, keep: false, seed: 1 }).stages.map((s) => [
        s.engine,
        s.scale,
        s.connections,
      ]),
    ).toEqual([
      ['pglite', 'quick', 16],
      ['pg', 'quick', 32],
    ]);
    const national = stagesOf({ engine: 'both', scale: 'national', quick: false, keep: false, seed: 1 });
    expect(national.stages.map((s) => [s.engine, s.scale, s.forceId])).toEqual([['pg', 'national', 'metropolitan']]);
    expect(national.skipped[0]?.reason).toContain('force scale');
  });
});

describe('bench query scenarios on a tiny force', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedScale(t.deps, { scale: 'force', force: 'warwickshire', seed: 9, shrink: 0.08, vacuum: false });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('measures each query beside a full count of its table, in the JSON shape of bench/results', async () => {
    const lines: string[] = [];
    const result = await runQueryScenarios(t.database, t.deps, {
      engine: 'pglite',
      scale: 'quick',
      forceId: 'warwickshire',
      runs: 2,
      log: (l) => lines.push(l),
    });
    expect(result.measurements.length).toBeGreaterThanOrEqual(3);
    // Early-intervention scoring is measured against its own floor: a plain GROUP BY person over the same rows.
    const scoring = result.measurements.filter((m) => m.name.startsWith('early intervention'));
    expect(scoring).toHaveLength(1);
    expect(scoring[0]?.referenceName).toBe('select person_id, count(*) … group by person_id (same rows)');
    expect(scoring[0]?.target?.description).toBe('scoring within 3× of the reference');
    for (const m of result.measurements.filter((x) => !scoring.includes(x))) {
      expectShape(m);
      expect(m.unit).toBe('ms');
      expect(m.referenceName).toMatch(/^select count\(\*\) from clocks \(\d+ rows\)$/);
      expect(m.target?.description).toMatch(/under 300 ms/);
      expect(m.details['runs']).toBe(2);
    }
    expect(result.measurements.map((m) => m.name)).toContain('clock sweep: one batch (200, FOR UPDATE SKIP LOCKED)');
    expect(lines).toHaveLength(result.measurements.length);
    for (const s of result.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });
});
