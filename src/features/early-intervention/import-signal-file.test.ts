import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { buildCaseWorld } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { importSignalFile } from './import-signal-file.ts';
import { runEarlyIntervention } from './run-early-intervention.ts';
import { saveRule, switchRule } from './save-rule.ts';
import { knownKinds } from './signals.repository.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildCaseWorld>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ei-import-'));
const actor = systemActor('test', 'west');

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  w = await buildCaseWorld(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a new signal kind, loaded by a mapping file only', () => {
  it('loads sickness episodes by collar number, idempotently, and a rule counts them', async () => {
    // A kind the code has never heard of: only this file names it.
    const mapping = path.join(dir, 'ei-sickness.yaml');
    fs.writeFileSync(
      mapping,
      [
        'kind: sickness_episode',
        'source: hr-absence',
        "person: { identifier: '{collar}' }",
        'occurredOn: { column: started, format: DD/MM/YYYY }',
        "category: '{reason}'",
        "key: '{episode}'",
        'keep: [reason]',
      ].join('\n'),
    );
    const csv = path.join(dir, 'absence.csv');
    fs.writeFileSync(
      csv,
      [
        'episode,collar,started,reason',
        'A1,812,05/01/2026,stress',
        'A2,812,10/02/2026,stress',
        'A3,5550,11/02/2026,injury',
        'A4,99999,11/02/2026,injury',
        'A5,812,31/02/2026,stress',
      ].join('\n'),
    );
    const first = await importSignalFile(t.deps, actor, { forceId: 'west', mappingFile: mapping, csvFile: csv });
    expect(first).toMatchObject({ kind: 'sickness_episode', read: 5, inserted: 3, duplicates: 0 });
    expect(first.rejected.map((r) => r.line)).toEqual([5, 6]);
    const again = await importSignalFile(t.deps, actor, { forceId: 'west', mappingFile: mapping, csvFile: csv });
    expect(again).toMatchObject({ inserted: 0, duplicates: 3 });

    expect((await knownKinds(t.deps.db, 'west')).map((k) => k.kind)).toContain('sickness_episode');
    const rule = await saveRule(
      t.deps,
      w.aa,
      { name: 'Absence', signalKinds: ['sickness_episode'], windowDays: 90, warningLevel: 2, criticalLevel: 3 },
      null,
    );
    await switchRule(t.deps, w.aa, rule.id, { active: true, version: 1 }, null);
    const run = await runEarlyIntervention(t.deps, actor, { forceId: 'west', today: '2026-03-02', trigger: 'test' });
    expect(run.opened).toBe(1);
    const [alert] = await t.database.query<{ person_id: string; events: { kind: string; category: string }[] }>(
      `select person_id, events from ei_alerts`,
    );
    expect(alert?.person_id).toBe(w.people.alice.id);
    expect(alert?.events.map((e) => [e.kind, e.category])).toEqual([
      ['sickness_episode', 'stress'],
      ['sickness_episode', 'stress'],
    ]);
  });

  it('refuses a mapping naming a column the file lacks, writing nothing', async () => {
    const mapping = path.join(dir, 'ei-pursuits.yaml');
    fs.writeFileSync(
      mapping,
      "kind: pursuit\nsource: pursuits\nperson: { identifier: '{driver}' }\noccurredOn: { column: date }\nkey: '{id}'\n",
    );
    const csv = path.join(dir, 'pursuits.csv');
    fs.writeFileSync(csv, 'id,collar,date\nP1,812,2026-02-01\n');
    await expect(
      importSignalFile(t.deps, actor, { forceId: 'west', mappingFile: mapping, csvFile: csv }),
    ).rejects.toThrow(/no column driver/);
    const rows = await t.database.query<{ n: number }>(
      `select count(*)::int as n from ei_events where kind = 'pursuit'`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses a mapping that reuses a kind Probity derives itself', async () => {
    const mapping = path.join(dir, 'ei-bad.yaml');
    fs.writeFileSync(
      mapping,
      "kind: finding\nsource: x\nperson: { identifier: '{c}' }\noccurredOn: { column: d }\nkey: '{c}'\n",
    );
    await expect(
      importSignalFile(t.deps, actor, {
        forceId: 'west',
        mappingFile: mapping,
        csvFile: path.join(dir, 'absence.csv'),
      }),
    ).rejects.toThrow(/derived from Probity/);
  });
});
