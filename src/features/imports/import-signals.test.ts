import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { AppError } from '../../kernel/errors.ts';
import type { Database } from '../../db/client.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { createForce } from '../../../test/support/factories.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { runEarlyIntervention, saveRule, switchRule } from '../early-intervention/index.ts';
import { listRules } from '../early-intervention/list-rules.ts';
import { runImport } from './run-import.ts';

/**
 * "A new kind is a new mapping, not new code": test/fixtures/import/use-of-force/ holds a mapping whose
 * `signal` entry makes each use-of-force form an early-intervention signal, an HR extract and the forms. The
 * import alone brings the kind in; a rule then counts it.
 */
const dir = path.resolve('test/fixtures/import/use-of-force');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-import-uof-'));
const TODAY = '2026-03-02';
let database: Database;
let deps: Deps;

const aa: Principal = {
  userId: randomUUID(),
  forceId: 'uof',
  role: 'appropriate_authority',
  email: 'aa@uof.example',
  displayName: 'AA',
  personId: null,
};

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date(`${TODAY}T12:00:00Z`) };
  await createForce(database.db, 'uof', 'Use of Force Constabulary');
});
afterAll(async () => {
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const run = () =>
  runImport(deps, {
    forceId: 'uof',
    mappingFile: path.join(dir, 'uof-mapping.yaml'),
    files: [path.join(dir, 'officers.csv'), path.join(dir, 'use_of_force.csv')],
    rejectsFile: path.join(tmp, 'rejects.csv'),
  });

describe('a signal entry of an import mapping', () => {
  it('imports the signals of its kind, rejecting an unknown person, an impossible date and a future one, idempotently', async () => {
    const first = await run();
    // 3 officers + 4 forms imported; F-005 (no such person), F-006 (31 February), F-007 (2027) rejected; the
    // repeated F-001 a duplicate.
    expect(first).toMatchObject({ rowsRead: 11, imported: 7, duplicates: 1, rejected: 3 });
    expect(first.created).toMatchObject({ people: 3, signals: 4 });
    const rejects = fs.readFileSync(path.join(tmp, 'rejects.csv'), 'utf8');
    const lines = rejects.trim().split('\n').slice(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^use_of_force\.csv,6,.*no person with the key ""westshire-uof:S9""/);
    expect(lines[1]).toMatch(/^use_of_force\.csv,7,.*31\/02\/2026"" in incident_date is not a date/);
    expect(lines[2]).toMatch(/^use_of_force\.csv,8,the date 2027-03-01 is in the future/);
    const events = await database.query<{ kind: string; occurred_on: string; category: string; details: unknown }>(
      `select kind, occurred_on::text, category, details from ei_events where force_id = 'uof' order by occurred_on`,
    );
    expect(events).toEqual([
      {
        kind: 'use_of_force',
        occurred_on: '2025-05-12',
        category: 'taser.drawn',
        details: { tactic: 'taser.drawn', location: 'Market Street' },
      },
      {
        kind: 'use_of_force',
        occurred_on: '2025-09-03',
        category: 'restraint',
        details: { tactic: 'restraint', location: 'Station Road' },
      },
      {
        kind: 'use_of_force',
        occurred_on: '2026-01-14',
        category: 'taser.fired',
        details: { tactic: 'taser.fired', location: 'High Street' },
      },
      {
        kind: 'use_of_force',
        occurred_on: '2026-02-20',
        category: 'restraint',
        details: { tactic: 'restraint', location: 'Mill Lane' },
      },
    ]);

    const again = await run();
    expect(again.imported).toBe(0);
    expect(again.created).toMatchObject({ signals: 0 });
    expect(await database.query(`select count(*)::int as n from ei_events where force_id = 'uof'`)).toEqual([{ n: 4 }]);
  });

  it('brings a kind the rules count, with no code for it: the rule form offers it and a run alerts on it', async () => {
    await run();
    expect((await listRules(deps, aa)).kinds).toContainEqual(
      expect.objectContaining({ kind: 'use_of_force', imported: true }),
    );
    const rule = await saveRule(
      deps,
      aa,
      {
        name: 'Taser use',
        signalKinds: ['use_of_force'],
        categoryPrefix: 'taser',
        windowDays: 365,
        warningLevel: 2,
        criticalLevel: 3,
      },
      null,
    );
    await switchRule(deps, aa, rule.id, { active: true, version: 1 }, null);
    await runEarlyIntervention(deps, systemActor('test', 'uof'), { forceId: 'uof', today: TODAY, trigger: 'test' });
    const alerts = await database.query<{ family_name: string; level: string; n: number }>(
      `select p.family_name, a.level, jsonb_array_length(a.events)::int as n
         from ei_alerts a join people p on p.force_id = a.force_id and p.id = a.person_id where a.rule_key = $1`,
      [rule.ruleKey],
    );
    // Una: taser drawn (2025-05-12) and fired (2026-01-14), both within 365 days of 2026-03-02.
    expect(alerts).toEqual([{ family_name: 'Ulverston', level: 'warning', n: 2 }]);
  });

  it('refuses a kind Probity derives from its own records, naming the place, before writing anything', async () => {
    const bad = path.join(tmp, 'bad.yaml');
    fs.writeFileSync(
      bad,
      fs.readFileSync(path.join(dir, 'uof-mapping.yaml'), 'utf8').replace('kind: use_of_force', 'kind: finding'),
    );
    const before = await database.query(`select count(*)::int as n from import_runs`);
    const refused = await runImport(deps, {
      forceId: 'uof',
      mappingFile: bad,
      files: [path.join(dir, 'use_of_force.csv')],
      rejectsFile: path.join(tmp, 'r2.csv'),
    }).then(
      () => null,
      (err: unknown) => err as AppError,
    );
    expect(refused?.code).toBe('validation');
    expect(refused?.fields?.['files[1].signal.kind']).toMatch(/derived from Probity/);
    expect(await database.query(`select count(*)::int as n from import_runs`)).toEqual(before);
  });
});
