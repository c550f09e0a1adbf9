import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUrlFor, testEngine, testPgAdminUrl, testPgTemplate } from '../support/engine.ts';

/** `probity vetting random-reviews` and the vetting line of `probity clocks sweep`, run as the real command. */
const run = promisify(execFile);
const bin = path.resolve('bin/probity.js');
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

async function probity(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  const base = { ...process.env, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://probity.test' };
  if (testEngine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-random-cli-'));
    env = { ...base, PROBITY_DATA_DIR: dir };
    delete env['DATABASE_URL'];
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `probity_random_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: testPgAdminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name} template ${testPgTemplate}`);
    await admin.end();
    env = { ...base, DATABASE_URL: pgUrlFor(name) };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: testPgAdminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
});

afterAll(async () => {
  await cleanup?.();
});

describe('probity vetting random-reviews', () => {
  it('opens reviews for a deterministic sample, nothing new when run again, and the sweep reports vetting counts', async () => {
    expect((await probity('migrate')).code).toBe(0);
    expect((await probity('sql', "insert into forces (id, name) values ('west', 'West Police')")).code).toBe(0);
    const people = Array.from({ length: 20 }, (_, i) => `('west', 'Given${i}', 'Family${i}', 'officer', 'current', 'given${i} family${i}')`).join(', ');
    expect((await probity('sql', `insert into people (force_id, given_name, family_name, person_type, status, search_name) values ${people}`)).code).toBe(0);

    const first = await probity('vetting', 'random-reviews', '--force', 'west', '--percent', '10', '--today', '2026-03-20');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Random reviews for west on 2026-03-20: 2 of 20 current people sampled (10%, seed 20260320); 2 reviews opened, 0 already open for this day.');
    const again = await probity('vetting', 'random-reviews', '--force', 'west', '--percent', '10', '--today', '2026-03-20');
    expect(again.stdout).toContain('0 reviews opened, 2 already open for this day.');

    const sweep = await probity('clocks', 'sweep', '--today', '2026-04-18');
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toContain('Vetting: 0 renewal reviews opened, 0 clearances expired, 2 fell due, 2 went overdue, 0 appeal windows elapsed.');
  }, 300_000);

  it('refuses bad options with a clear message', async () => {
    const percent = await probity('vetting', 'random-reviews', '--force', 'west', '--percent', '0');
    expect(percent.code).toBe(2);
    expect(percent.stderr).toContain('The percentage must be more than 0');
    const force = await probity('vetting', 'random-reviews', '--force', 'nowhere', '--percent', '5');
    expect(force.code).toBe(2);
    expect(force.stderr).toContain('No force with the id "nowhere"');
    const missing = await probity('vetting', 'random-reviews', '--percent', '5');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("required option '--force <force>' not specified");
  }, 180_000);
});
