import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabase, type CliDatabase } from '../../../../test/support/cli.ts';
import { testEngine } from '../../../../test/support/engine.ts';
import { BARRED_CSV } from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';

/** `probity vetting import-list`: the real command against this file's own database. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-vetting-cli-'));
let cli: CliDatabase;
const probity = (...args: string[]) => cli.probity(...args);

beforeAll(async () => {
  cli = await cliDatabase('vetting-cli', { timeoutMs: 600_000 });
  fs.writeFileSync(path.join(dir, 'barred.csv'), BARRED_CSV);
  fs.writeFileSync(
    path.join(dir, 'bad.csv'),
    `${BARRED_CSV.split('\n')[0]}\nX1,Fenwick,Ida,1990-02-30,,,,,\nX2,,Jo,,,,,,\n`,
  );
  // `probity sql` does not migrate; the PostgreSQL template is migrated already.
  if (testEngine === 'pglite') expect((await probity('migrate')).code).toBe(0);
  expect((await probity('sql', "insert into forces (id, name) values ('westshire', 'Westshire Police')")).code).toBe(0);
}, 900_000);

afterAll(async () => {
  await cli?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each run starts a process (and opens the database): slow on a busy machine. */
const SLOW = { timeout: 900_000 };

describe('probity vetting import-list', () => {
  it('imports a file once; a second run changes nothing', SLOW, async () => {
    const first = await probity(
      'vetting',
      'import-list',
      '--force',
      'westshire',
      '--list',
      'barred',
      path.join(dir, 'barred.csv'),
    );
    expect(first).toMatchObject({
      code: 0,
      stdout:
        'Imported the barred list into westshire: 3 rows, 3 new, 0 changed, 0 unchanged, 0 taken off the list, 0 back on it.\n',
    });
    const second = await probity(
      'vetting',
      'import-list',
      '--force',
      'westshire',
      '--list',
      'barred',
      path.join(dir, 'barred.csv'),
    );
    expect(second.stdout).toBe(
      'Imported the barred list into westshire: 3 rows, 0 new, 0 changed, 3 unchanged, 0 taken off the list, 0 back on it.\n',
    );
  });

  it('prints every bad row by line number, imports nothing and exits 2', SLOW, async () => {
    const res = await probity(
      'vetting',
      'import-list',
      '--force',
      'westshire',
      '--list',
      'advisory',
      path.join(dir, 'bad.csv'),
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('The file has 2 problems: nothing was imported');
    expect(res.stderr).toContain('  Line 2: date_of_birth "1990-02-30" is not a real date');
    expect(res.stderr).toContain('  Line 3: family_name is blank');
    const count = await probity('sql', 'select list, count(*)::int as n from list_entries group by list');
    expect(count.stdout).toContain('barred');
    expect(count.stdout).not.toContain('advisory');
  });

  it('refuses an unknown force, a missing file and a list that is not barred or advisory', SLOW, async () => {
    expect(
      (await probity('vetting', 'import-list', '--force', 'nowhere', '--list', 'barred', path.join(dir, 'barred.csv')))
        .stderr,
    ).toContain('No force with the id "nowhere"');
    expect(
      (
        await probity(
          'vetting',
          'import-list',
          '--force',
          'westshire',
          '--list',
          'barred',
          path.join(dir, 'missing.csv'),
        )
      ).stderr,
    ).toContain('Cannot read the file');
    const wrongList = await probity(
      'vetting',
      'import-list',
      '--force',
      'westshire',
      '--list',
      'grey',
      path.join(dir, 'barred.csv'),
    );
    expect(wrongList.code).not.toBe(0);
    expect(wrongList.stderr).toContain('Allowed choices are barred, advisory');
  });
});
