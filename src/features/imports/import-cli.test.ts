import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { cliDatabase, type CliDatabase, type CliResult } from '../../../test/support/cli.ts';
import { testEngine } from '../../../test/support/engine.ts';

/**
 * The real `probity import` and `probity export` commands as child processes, on this file's own databases
 * (temporary PGlite directories, or PostgreSQL databases cloned from the migrated template). The resume test
 * kills an import with SIGKILL once its first batch has committed, runs it again, and compares everything
 * with a clean single run of the same import.
 */

const bin = path.resolve('bin/probity.js');
const fixtures = 'test/fixtures/import/nyc-ccrb';
const files = ['active_officers.csv', 'inactive_officers.csv', 'active_complaints.csv', 'inactive_complaints.csv'].map(
  (f) => path.join(fixtures, f),
);
let tmp = '';
const targets: CliDatabase[] = [];

/** A database of the suite's engine for the real command, which this file also opens to count what was written. */
async function target(name: string) {
  const cli = await cliDatabase(`import-cli-${name}`, { timeoutMs: 400_000 });
  targets.push(cli);
  const url = cli.env['DATABASE_URL'];
  const dataDir = cli.env['PROBITY_DATA_DIR'];
  const open = (): Promise<Database> =>
    url ? openDatabase({ engine: 'pg', url, poolSize: 1 }) : openDatabase({ engine: 'pglite', dataDir: dataDir! });
  return { ...cli, name, open };
}

type Target = Awaited<ReturnType<typeof target>>;

const probity = (t: Target, ...args: string[]): Promise<CliResult> => t.probity(...args);

const importArgs = (rejects: string) => [
  'import',
  '--mapping',
  'mappings/nyc-ccrb.yaml',
  '--force',
  'nypd',
  '--batch-size',
  '2',
  '--rejects',
  rejects,
  ...files,
];

/** Counts from the summary the command prints. */
function summaryOf(stdout: string) {
  const n = (label: string) => Number(new RegExp(`${label}:\\s+([\\d,]+)`).exec(stdout)?.[1]?.replaceAll(',', ''));
  return {
    rowsRead: n('rows read'),
    imported: n('imported'),
    duplicates: n('skipped as duplicates'),
    rejected: n('rejected'),
  };
}

/** Everything the import wrote, and proof that no source key is there twice. */
async function snapshot(t: Target) {
  const db = await t.open();
  try {
    const [row] = await db.query<Record<string, unknown>>(`select
      (select count(*)::int from people) as people, (select count(distinct source_key)::int from people) as people_keys,
      (select count(*)::int from person_identifiers) as identifiers, (select count(*)::int from person_postings) as postings,
      (select count(*)::int from units) as units, (select count(*)::int from import_units) as unit_keys,
      (select count(*)::int from cases) as cases, (select count(distinct source_key)::int from cases) as case_keys,
      (select count(*)::int from case_subjects) as subjects, (select count(*)::int from allegations) as allegations,
      (select count(distinct source_key)::int from allegations) as allegation_keys, (select count(*)::int from allegation_figures) as figures,
      (select count(*)::int from cases where status = 'open') as open_cases,
      (select count(*)::int from import_rejects) as rejects,
      (select count(*)::int from audit_events where event_type = 'import.batch') as batch_events,
      (select sum((payload->>'rows')::int)::int from audit_events where event_type = 'import.batch') as audited_rows,
      (select string_agg(status || ' ' || rows_read || ' ' || rows_imported || ' ' || rows_duplicate || ' ' || rows_rejected || ' ' || batches, '; ') from import_runs) as runs`);
    return row!;
  } finally {
    await db.close();
  }
}

let clean: Target;
let killed: Target;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-import-cli-'));
  clean = await target('clean');
  killed = await target('killed');
  for (const t of [clean, killed]) {
    if (testEngine === 'pglite') expect((await probity(t, 'migrate')).code).toBe(0);
    const force = await probity(t, 'force', 'create', 'nypd', 'New York City Police Department');
    expect(force.code).toBe(0);
    expect(force.stdout).toContain('Created force nypd');
  }
}, 900_000);

afterAll(async () => {
  for (const t of targets) await t.drop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('probity import and export as commands', () => {
  it('imports the extract in one run, printing the run id, the summary and the rejects file', async () => {
    const res = await probity(clean, ...importArgs(path.join(tmp, 'clean-rejects.csv')));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Import run [0-9a-f-]{36} completed in \d+s \(56 rows this run, [\d,]+ rows\/s\)\./);
    expect(summaryOf(res.stdout)).toEqual({ rowsRead: 56, imported: 50, duplicates: 4, rejected: 2 });
    expect(res.stdout).toContain(`rejected:              2 (reasons in ${path.join(tmp, 'clean-rejects.csv')})`);
    expect(res.stdout).toContain(
      'created: 18 people, 16 numbers, 18 postings, 17 units, 9 cases, 14 subjects, 32 allegations',
    );
    expect(res.stdout).toContain(
      'unmapped outcome: 1 values in 2 rows: "Miscellaneous | Charge Dismissed - DCT | " (2)',
    );
    expect(res.stderr.match(/^batch \d+ committed: /gm)).toHaveLength(29);
  }, 900_000);

  it('finishes an import killed with SIGKILL after its first batch with exactly the counts of a clean run, and no duplicates', async () => {
    const child = spawn(process.execPath, [bin, ...importArgs(path.join(tmp, 'killed-rejects.csv'))], {
      env: killed.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/^batch 1 committed: /m.test(stderr)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the import ended before it could be killed:\n${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    const runId = /Import run ([0-9a-f-]{36})/.exec(stderr)?.[1];
    expect(runId).toBeDefined();

    const cut = await snapshot(killed);
    const [status, , , , , batches] = String(cut['runs']).split(' ');
    expect(status).toBe('running');
    expect(Number(batches)).toBeGreaterThanOrEqual(1);
    expect(Number(batches)).toBeLessThan(29);
    expect(cut['batch_events']).toBe(Number(batches));

    const resumed = await probity(killed, ...importArgs(path.join(tmp, 'killed-rejects.csv')));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`Resuming import run ${runId} after batch ${batches}`);
    expect(resumed.stdout).toContain(`Import run ${runId} completed`);
    expect(summaryOf(resumed.stdout)).toEqual({ rowsRead: 56, imported: 50, duplicates: 4, rejected: 2 });

    const once = await snapshot(clean);
    const twice = await snapshot(killed);
    expect(twice).toEqual(once);
    expect(twice).toMatchObject({
      people: 18,
      people_keys: 18,
      cases: 9,
      case_keys: 9,
      allegations: 32,
      allegation_keys: 32,
      figures: 32,
      rejects: 2,
      batch_events: 29,
      audited_rows: 56,
      runs: 'completed 56 50 4 2 29',
    });
    expect(fs.readFileSync(path.join(tmp, 'killed-rejects.csv'), 'utf8')).toBe(
      fs.readFileSync(path.join(tmp, 'clean-rejects.csv'), 'utf8'),
    );
  }, 900_000);

  it('imports nothing when run again, and refuses bad input with a clear message and exit code', async () => {
    const again = await probity(clean, ...importArgs(path.join(tmp, 'again-rejects.csv')));
    expect(again.code).toBe(0);
    expect(summaryOf(again.stdout)).toEqual({ rowsRead: 56, imported: 0, duplicates: 54, rejected: 2 });
    const before = await snapshot(clean);

    const missing = await probity(clean, 'import', '--force', 'nypd', ...files);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("required option '--mapping <file>' not specified");
    const badSize = await probity(
      clean,
      'import',
      '--mapping',
      'mappings/nyc-ccrb.yaml',
      '--force',
      'nypd',
      '--batch-size',
      'lots',
      ...files,
    );
    expect(badSize.stderr).toContain('give a whole number from 1 to 100000');
    fs.writeFileSync(
      path.join(tmp, 'broken.yaml'),
      'name: broken\nfiles:\n  - match: "*.csv"\n    person: { key: "{id}", givenName: "{first}" }\n',
    );
    const broken = await probity(
      clean,
      'import',
      '--mapping',
      path.join(tmp, 'broken.yaml'),
      '--force',
      'nypd',
      ...files,
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('Error: The mapping file broken.yaml is not valid');
    expect(broken.stderr).toContain('files[0].person.familyName:');
    expect(await snapshot(clean)).toEqual(before);
  }, 900_000);

  it('exports as a user, through their need-to-know, to a file', async () => {
    const user = await probity(
      clean,
      'user',
      'create',
      '--email',
      'inv@nypd.example',
      '--role',
      'psd_investigator',
      '--force',
      'nypd',
    );
    expect(user.code).toBe(0);
    const pending = await probity(clean, 'export', '--force', 'nypd', '--as', 'inv@nypd.example', '--what', 'cases');
    expect(pending.code).toBe(2);
    expect(pending.stderr).toContain('as: The account inv@nypd.example is not active');
    const activate =
      "with u as (update users set status = 'active' where email = 'inv@nypd.example' returning id) update cases set lead_investigator_id = (select id from u) where reference = 'CCRB-201507115'";
    expect((await probity(clean, 'sql', activate)).code).toBe(0);
    const out = path.join(tmp, 'cases.csv');
    const res = await probity(
      clean,
      'export',
      '--force',
      'nypd',
      '--as',
      'inv@nypd.example',
      '--what',
      'cases',
      '--out',
      out,
    );
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`Exported 1 cases to ${out} as inv@nypd.example.`);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^[0-9a-f-]{36},CCRB-201507115,nyc-ccrb:201507115,public_complaint,complaint_special_procedures,2015-07-14,2012,open,,normal,/,
    );
    const toStdout = await probity(
      clean,
      'export',
      '--force',
      'nypd',
      '--as',
      'inv@nypd.example',
      '--what',
      'allegations',
    );
    expect(toStdout.stdout.trim().split('\n')).toHaveLength(3);
    const unknown = await probity(clean, 'export', '--force', 'nypd', '--as', 'inv@nypd.example', '--what', 'vehicles');
    expect(unknown.stderr).toMatch(/Allowed choices are people, cases, allegations/);
  }, 900_000);
});
