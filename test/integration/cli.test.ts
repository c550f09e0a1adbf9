import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUrlFor, testEngine, testPgAdminUrl, testPgTemplate } from '../support/engine.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/probity.js');
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

/** Runs the real `probity` command against this file's own database (a temp PGlite directory, or a PostgreSQL database). */
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-cli-'));
    env = { ...base, PROBITY_DATA_DIR: dir };
    delete env['DATABASE_URL'];
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `probity_cli_${process.pid}`;
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

describe('the probity command', () => {
  it('lists its commands', async () => {
    const res = await probity('--help');
    for (const command of ['serve', 'migrate', 'seed', 'user', 'token', 'audit', 'sql', 'demo-code']) expect(res.stdout).toContain(command);
  });

  it('migrates, creates an account with a set-up link and a token, and verifies then catches a tampered audit log', async () => {
    expect((await probity('migrate')).code).toBe(0);
    expect((await probity('sql', "insert into forces (id, name) values ('west', 'West Police')")).code).toBe(0);

    const user = await probity('user', 'create', '--email', 'Auditor@West.example', '--role', 'auditor', '--force', 'west');
    expect(user.code).toBe(0);
    expect(user.stdout).toContain('Created auditor@west.example (auditor, west)');
    expect(user.stdout).toMatch(/https:\/\/probity\.test\/account\/setup\/[\w-]{40,}/);

    const token = await probity('token', 'create', '--user', 'auditor@west.example');
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^prb_[\w-]{40,}$/);

    const intact = await probity('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Audit log intact: 3 rows in 1 chains/);

    // Behind the application's back: switch the append-only trigger off and edit row 2.
    expect((await probity('sql', 'alter table audit_events disable trigger user')).code).toBe(0);
    expect((await probity('sql', "update audit_events set actor_label = 'nobody' where seq = 2")).code).toBe(0);
    const tampered = await probity('audit', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('row 2 was altered after it was written');
    expect(tampered.stderr).toContain('row seq 2');
  }, 180_000);

  it('refuses bad input with a clear message and exit code', async () => {
    const role = await probity('user', 'create', '--email', 'x@west.example', '--role', 'wizard');
    expect(role.code).not.toBe(0);
    expect(role.stderr).toMatch(/Allowed choices are .*auditor/);
    const force = await probity('user', 'create', '--email', 'x@west.example', '--role', 'auditor', '--force', 'nowhere');
    expect(force.code).toBe(2);
    expect(force.stderr).toContain('No force with id "nowhere"');
    const code = await probity('demo-code', 'someone@else.example');
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('not a demo account');
  }, 60_000);
});
