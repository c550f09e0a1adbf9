import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabase, type CliDatabase } from '../support/cli.ts';

/** `probity vetting random-reviews` and the vetting line of `probity clocks sweep`, run as the real command. */
let cli: CliDatabase;
const probity = (...args: string[]) => cli.probity(...args);

beforeAll(async () => {
  cli = await cliDatabase('random-cli');
});

afterAll(async () => {
  await cli?.drop();
});

describe('probity vetting random-reviews', () => {
  it('opens reviews for a deterministic sample, nothing new when run again, and the sweep reports vetting counts', async () => {
    expect((await probity('migrate')).code).toBe(0);
    expect((await probity('sql', "insert into forces (id, name) values ('west', 'West Police')")).code).toBe(0);
    const people = Array.from(
      { length: 20 },
      (_, i) => `('west', 'Given${i}', 'Family${i}', 'officer', 'current', 'given${i} family${i}')`,
    ).join(', ');
    expect(
      (
        await probity(
          'sql',
          `insert into people (force_id, given_name, family_name, person_type, status, search_name) values ${people}`,
        )
      ).code,
    ).toBe(0);

    const first = await probity(
      'vetting',
      'random-reviews',
      '--force',
      'west',
      '--percent',
      '10',
      '--today',
      '2026-03-20',
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'Random reviews for west on 2026-03-20: 2 of 20 current people sampled (10%, seed 20260320); 2 reviews opened, 0 already open for this day.',
    );
    const again = await probity(
      'vetting',
      'random-reviews',
      '--force',
      'west',
      '--percent',
      '10',
      '--today',
      '2026-03-20',
    );
    expect(again.stdout).toContain('0 reviews opened, 2 already open for this day.');

    const sweep = await probity('clocks', 'sweep', '--today', '2026-04-18');
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toContain(
      'Vetting: 0 renewal reviews opened, 0 clearances expired, 2 fell due, 2 went overdue, 0 appeal windows elapsed.',
    );
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
