import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabase, type CliDatabase } from '../support/cli.ts';

/** `probity ei import` (a signal kind from a mapping file) and `probity ei run`, run as the real command. */
let cli: CliDatabase;
const probity = (...args: string[]) => cli.probity(...args);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ei-cli-'));

beforeAll(async () => {
  cli = await cliDatabase('ei-cli');
});

afterAll(async () => {
  await cli?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';

describe('probity ei', () => {
  it('loads use of force by the shipped mapping file, and a run alerts once however often it runs', async () => {
    expect((await probity('migrate')).code).toBe(0);
    expect((await probity('sql', "insert into forces (id, name) values ('west', 'West Police')")).code).toBe(0);
    const sql = [
      `insert into people (force_id, id, given_name, family_name, person_type, status, search_name) values
        ('west', '${P1}', 'Ann', 'Able', 'officer', 'current', 'ann able'), ('west', '${P2}', 'Ben', 'Bell', 'officer', 'current', 'ben bell')`,
      `insert into person_identifiers (force_id, person_id, kind, value, valid_from) values
        ('west', '${P1}', 'collar', '101', '2015-01-01'), ('west', '${P2}', 'collar', '202', '2015-01-01')`,
      `insert into ei_rules (force_id, rule_key, version, name, signal_kinds, window_days, warning_level, critical_level, active)
        values ('west', gen_random_uuid(), 1, 'Use of force', '{use_of_force}', 90, 2, 3, true)`,
    ];
    for (const s of sql) expect((await probity('sql', s)).code).toBe(0);
    const csv = path.join(dir, 'uof.csv');
    fs.writeFileSync(
      csv,
      'form_id,collar_number,incident_date,tactic,location\nF1,101,05/01/2026,restraint,High St\nF2,101,20/02/2026,taser drawn,Station\nF3,202,21/02/2026,restraint,Park\n',
    );
    const imported = await probity(
      'ei',
      'import',
      '--mapping',
      'mappings/ei-use-of-force.yaml',
      '--force',
      'west',
      csv,
    );
    expect(imported.stdout).toContain('use_of_force: 3 rows read, 3 signals loaded, 0 already loaded, 0 rejected.');
    const first = await probity('ei', 'run', '--force', 'west', '--today', '2026-03-02');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('west on 2026-03-02: 1 rules over 3 signals; 1 alerts raised, 0 changed');
    const again = await probity('ei', 'run', '--today', '2026-03-02');
    expect(again.stdout).toContain('west on 2026-03-02: 1 rules over 3 signals; 0 alerts raised, 0 changed');
    const alerts = await probity('sql', 'select person_id, level from ei_alerts');
    expect(alerts.stdout).toContain(P1);
    expect(alerts.stdout).not.toContain(P2);
  }, 300_000);
});
