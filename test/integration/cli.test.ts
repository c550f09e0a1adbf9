import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabase, type CliDatabase } from '../support/cli.ts';

let cli: CliDatabase;
const probity = (...args: string[]) => cli.probity(...args);

beforeAll(async () => {
  cli = await cliDatabase('cli');
});

afterAll(async () => {
  await cli?.drop();
});

describe('the probity command', () => {
  it('lists its commands', async () => {
    const res = await probity('--help');
    for (const command of ['serve', 'migrate', 'seed', 'user', 'token', 'audit', 'sql', 'demo-code'])
      expect(res.stdout).toContain(command);
  });

  it('migrates, creates an account with a set-up link and a token, and verifies then catches a tampered audit log', async () => {
    expect((await probity('migrate')).code).toBe(0);
    expect((await probity('sql', "insert into forces (id, name) values ('west', 'West Police')")).code).toBe(0);

    const user = await probity(
      'user',
      'create',
      '--email',
      'Auditor@West.example',
      '--role',
      'auditor',
      '--force',
      'west',
    );
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
    const force = await probity(
      'user',
      'create',
      '--email',
      'x@west.example',
      '--role',
      'auditor',
      '--force',
      'nowhere',
    );
    expect(force.code).toBe(2);
    expect(force.stderr).toContain('No force with id "nowhere"');
    const code = await probity('demo-code', 'someone@else.example');
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('not a demo account');
  }, 60_000);
});
