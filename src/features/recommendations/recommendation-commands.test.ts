import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildWorld, snapshot, TODAY, type World } from '../../../test/fixtures/recommendations/world.ts';
import { importItemsFromFile, registerRecommendationCommands } from '../../cli/recommendation-commands.ts';

/** `probity recommendations import`: the CSV import from the command line, as a named account. */

let t: TestApp;
let w: World;
const file = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/recommendations/${name}`, import.meta.url));

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
  w = await buildWorld(t);
});

afterAll(async () => {
  await t?.close();
});

describe('probity recommendations import', () => {
  it('imports a file as the commissioner’s office, then changes nothing the second time', async () => {
    const options = { report: w.report.id, file: file('items.csv'), as: 'pcc@west.example' };
    expect(await importItemsFromFile(t.deps, options)).toEqual({ lines: 4, added: 0, updated: 4, unchanged: 0 });
    expect(await importItemsFromFile(t.deps, options)).toEqual({ lines: 4, added: 0, updated: 0, unchanged: 4 });
    const [audit] = await t.database.query<{ actor_label: string; request_id: string }>(
      `select actor_label, request_id from audit_events where event_type = 'recommendation.items_imported' order by seq limit 1`,
    );
    expect(audit).toEqual({ actor_label: 'pcc@west.example', request_id: 'cli' });
  });

  it('refuses a bad file, an unreadable file, an unknown account and an account of the force, importing nothing', async () => {
    const before = await snapshot(t);
    await expect(
      importItemsFromFile(t.deps, { report: w.report.id, file: file('items-bad.csv'), as: 'pcc@west.example' }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: { file: expect.stringContaining('Line 3:') as unknown },
    });
    await expect(
      importItemsFromFile(t.deps, { report: w.report.id, file: file('missing.csv'), as: 'pcc@west.example' }),
    ).rejects.toThrow(/Cannot read the file/);
    await expect(
      importItemsFromFile(t.deps, { report: w.report.id, file: file('items.csv'), as: 'nobody@west.example' }),
    ).rejects.toThrow('No active account nobody@west.example');
    await expect(
      importItemsFromFile(t.deps, { report: w.report.id, file: file('items.csv'), as: 'aa@west.example' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await snapshot(t)).toBe(before);
  });

  it('declares its required options', () => {
    const program = new Command('probity').exitOverride();
    registerRecommendationCommands(program);
    const command = program.commands
      .find((c) => c.name() === 'recommendations')
      ?.commands.find((c) => c.name() === 'import');
    expect(command?.options.filter((o) => o.mandatory).map((o) => o.long)).toEqual(['--report', '--file', '--as']);
  });
});
