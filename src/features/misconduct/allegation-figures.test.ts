import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOversightWorld, type OversightWorld } from '../../../test/fixtures/oversight/world.ts';
import type { TestApp } from '../../../test/support/test-app.ts';
import { migrationsFolder } from '../../db/client.ts';
import { figuresOutOfStep, refreshAllegationFigures } from './allegation-figures.repository.ts';

/**
 * `allegation_figures`, the narrow row per allegation the oversight figures read: what a row holds, that the
 * checker notices a row out of step (so the writers' tests that call it can fail), that a refresh repairs it,
 * and that migration 0015's backfill writes exactly what the application writes.
 */

let t: TestApp;
let w: OversightWorld;

beforeAll(async () => {
  ({ t, w } = await openOversightWorld());
}, 60_000);

afterAll(async () => {
  await t?.close();
});

type FigureRow = {
  case_type: string;
  received_on: string;
  finalised_on: string | null;
  category_code: string;
  state: string;
  severity: string | null;
  sanction: string | null;
  rprp: boolean;
  person_id: string;
};
const rowOf = async (subject: string) =>
  (
    await t.database.query<FigureRow>(
      `select case_type, received_on::text, finalised_on::text, category_code, state, severity, sanction, rprp, person_id from allegation_figures where allegation_id = $1`,
      [w.allegationIds[subject]],
    )
  )[0];

describe('the oversight figures of an allegation', () => {
  it('hold its case type, the day the case was received and the day the allegation was finalised, and its track', async () => {
    expect(await rowOf('B1')).toEqual({
      case_type: 'recordable_conduct_matter',
      received_on: '2025-03-01',
      finalised_on: '2025-09-01',
      category_code: 'discrimination',
      state: 'closed',
      severity: 'gross_misconduct',
      sanction: 'dismissal_without_notice',
      rprp: false,
      person_id: w.personIds['B1'],
    });
    expect(await rowOf('B2')).toMatchObject({ finalised_on: '2025-11-01', severity: 'pri', rprp: true });
    // Open: not finalised, whatever its case's dates.
    expect(await rowOf('W3')).toMatchObject({
      received_on: '2024-06-01',
      finalised_on: null,
      state: 'under_investigation',
      severity: 'gross_misconduct',
    });
  });

  it('are in step for both forces after the writers ran', async () => {
    expect(await figuresOutOfStep(t.deps.db, 'west')).toBe(0);
    expect(await figuresOutOfStep(t.deps.db, 'east')).toBe(0);
  });

  it('are found out of step when a row is changed or missing, and a refresh puts them right', async () => {
    await t.database.query(`update allegation_figures set severity = 'none' where allegation_id = $1`, [
      w.allegationIds['B1'],
    ]);
    await t.database.query(`delete from allegation_figures where allegation_id = $1`, [w.allegationIds['W3']]);
    // The changed row counts twice (the wanted row is missing, an unwanted one is there); the missing row once.
    expect(await figuresOutOfStep(t.deps.db, 'west')).toBe(3);
    expect(await figuresOutOfStep(t.deps.db, 'east')).toBe(0);
    await refreshAllegationFigures(t.deps.db, 'west', {
      allegationIds: [w.allegationIds['B1'] ?? '', w.allegationIds['W3'] ?? ''],
    });
    expect(await figuresOutOfStep(t.deps.db, 'west')).toBe(0);
  });

  it('follow a change to the allegation once it is refreshed by its case', async () => {
    const id = w.allegationIds['W4'] ?? '';
    await t.database.query(
      `update allegations set state = 'withdrawn', facts = jsonb_set(facts, '{track,status}', '"withdrawn"') where id = $1`,
      [id],
    );
    expect(await figuresOutOfStep(t.deps.db, 'west')).toBe(2);
    await refreshAllegationFigures(t.deps.db, 'west', { caseIds: [w.caseIds['C6'] ?? ''] });
    expect(await rowOf('W4')).toMatchObject({ state: 'withdrawn', finalised_on: null });
    expect(await figuresOutOfStep(t.deps.db, 'west')).toBe(0);
  });

  it('are written by migration 0015 exactly as the application writes them', async () => {
    const file = fs.readFileSync(path.join(migrationsFolder, '0015_allegation-figures.sql'), 'utf8');
    const backfill = file.split('--> statement-breakpoint').find((s) => s.includes('INSERT INTO "allegation_figures"'));
    expect(backfill).toBeDefined();
    const before = await t.database.query(`select * from allegation_figures order by allegation_id`);
    await t.database.query(`delete from allegation_figures`);
    await t.deps.db.execute(sql.raw(backfill ?? ''));
    expect(await t.database.query(`select * from allegation_figures order by allegation_id`)).toEqual(before);
    expect(before.length).toBe(Object.keys(w.allegationIds).length);
  });
});
