import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUrlFor, testEngine, testPgAdminUrl } from '../support/engine.ts';

/**
 * `probity backup` and `probity restore` as an operator runs them. The source is the suite's engine; the
 * target is an embedded data directory, so on PostgreSQL (npm run test:pg) the backup crosses engines,
 * and then goes back into a blank PostgreSQL database.
 */

const run = promisify(execFile);
const bin = path.resolve('bin/probity.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-backup-cli-'));
const base = { ...process.env, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://probity.test' };
const pgDatabases: string[] = [];
let sourceEnv: NodeJS.ProcessEnv;
const targetEnv = (name: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...base, PROBITY_DATA_DIR: path.join(dir, name) };
  delete env['DATABASE_URL'];
  return env;
};

async function probity(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 240_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPgAdminUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

async function blankPgEnv(): Promise<NodeJS.ProcessEnv> {
  const name = `probity_backup_cli_${process.pid}_${pgDatabases.length}`;
  await admin(`drop database if exists ${name}`);
  await admin(`create database ${name} template template0`);
  pgDatabases.push(name);
  return { ...base, DATABASE_URL: pgUrlFor(name) };
}

beforeAll(async () => {
  sourceEnv = testEngine === 'pg' ? await blankPgEnv() : targetEnv('source');
});

afterAll(async () => {
  for (const name of pgDatabases) await admin(`drop database if exists ${name} with (force)`);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('probity backup / restore', () => {
  const file = path.join(dir, 'probity.backup.gz');

  it('are listed by --help', async () => {
    const help = await probity(sourceEnv, '--help');
    expect(help.stdout).toMatch(/backup \[options\]\s+write the whole database/);
    expect(help.stdout).toMatch(/restore \[options\] <file>\s+restore a backup/);
  });

  it('back up a database to a new file, and never overwrite it', async () => {
    expect((await probity(sourceEnv, 'migrate')).code).toBe(0);
    expect((await probity(sourceEnv, 'sql', "insert into forces (id, name) values ('west', 'West Police')")).code).toBe(
      0,
    );
    expect(
      (
        await probity(
          sourceEnv,
          'user',
          'create',
          '--email',
          'auditor@west.example',
          '--role',
          'auditor',
          '--force',
          'west',
        )
      ).code,
    ).toBe(0);

    const backup = await probity(sourceEnv, 'backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      new RegExp(
        `^Backup written to ${file}: \\d+ tables, \\d+ rows, [\\d.]+ KB in [\\d.]+ s \\(schema \\d{4}_[\\w-]+\\)\\.`,
      ),
    );
    expect(backup.stderr).toContain('  forces: 1 row\n');
    expect(backup.stderr).toContain('  users: 1 row\n');

    const again = await probity(sourceEnv, 'backup', '--out', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists: choose another file name');
  }, 600_000);

  it('restore into an empty database (another engine on test:pg), and the audit log verifies there', async () => {
    const target = targetEnv('target');
    const restore = await probity(target, 'restore', file);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`on ${testEngine === 'pg' ? 'PostgreSQL' : 'the embedded database'} (schema`);
    expect(restore.stdout).toContain('Audit log intact: 2 rows in 1 chains verified.');
    expect(restore.stderr).toContain('  users: 1 row\n');
    expect(restore.stderr).toContain('Checking every table against the backup');

    const verify = await probity(target, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Audit log intact: 2 rows in 1 chains/);
    expect((await probity(target, 'sql', 'select email, role from users')).stdout).toContain('auditor@west.example');
  }, 600_000);

  it('refuse a target that holds data unless --force-replace, and a truncated file changes nothing', async () => {
    const target = targetEnv('target');
    const refused = await probity(target, 'restore', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('The target database already holds data');
    expect(refused.stderr).toContain('--force-replace');

    const cut = path.join(dir, 'cut.backup.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const truncated = await probity(target, 'restore', '--force-replace', cut);
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/The backup file is (truncated|damaged)/);
    expect((await probity(target, 'sql', 'select count(*)::int as n from users')).stdout).toMatch(/\b1\b/);
  }, 600_000);

  it('replace a target that holds data with --force-replace, and need a file', async () => {
    const target = targetEnv('target');
    const replaced = await probity(target, 'restore', '--force-replace', file);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('Replaced what the target held');
    expect(replaced.stdout).toContain('Audit log intact: 2 rows in 1 chains verified.');

    const missing = await probity(target, 'restore');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("missing required argument 'file'");
  }, 600_000);

  if (testEngine === 'pg') {
    it('take the embedded copy back into a blank PostgreSQL database', async () => {
      const roundTrip = path.join(dir, 'round-trip.backup.gz');
      expect((await probity(targetEnv('target'), 'backup', '--out', roundTrip)).code).toBe(0);
      const blank = await blankPgEnv();
      const restore = await probity(blank, 'restore', roundTrip);
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain('on the embedded database (schema');
      expect((await probity(blank, 'audit', 'verify')).stdout).toMatch(/Audit log intact: 2 rows in 1 chains/);
    }, 600_000);
  }
});
