import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { caseInput } from '../../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from '../../misconduct/open-case.ts';
import {
  auditRows,
  BARRED_CSV,
  browser,
  buildVettingWorld,
  callApi,
  clockAt,
  NO_VETTING,
  uploadForm,
  vettingSnapshot,
  type VettingWorld,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';

/** The barred and advisory lists: the national CSV import (page and API), browsing, and the force's own returns. */

let t: TestApp;
let w: VettingWorld;

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 4096 }, clockAt);
  w = await buildVettingWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const page = (who: Parameters<typeof browser>[2]) => browser(t, w, who);
const upload = (who: keyof VettingWorld['cookies'] | null, list: string, content: string | null, name = 'barred.csv') =>
  uploadForm(
    t,
    who ? w.cookies[who] : null,
    '/vetting/lists/import',
    list ? { list } : {},
    content === null ? null : { name, type: 'text/csv', content },
    '/vetting/lists/import',
  );
const entries = () =>
  t.database.query<{
    source_key: string;
    family_name: string;
    date_of_birth: string | null;
    identifiers: string[];
    origin: string;
  }>(`select source_key, family_name, date_of_birth::text, identifiers, origin from list_entries order by source_key`);

let imported: Promise<unknown> | undefined;
/** The national barred list file imported once: by the first test, or here when a later test runs alone. */
const barredListImported = () => (imported ??= upload('vetting', 'barred', BARRED_CSV));

describe('importing a national list through the page', () => {
  it('shows the columns and imports every row of a good file', async () => {
    const form = await page('vetting').get('/vetting/lists/import');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('<code>source_id</code>');
    const res = await upload('vetting', 'barred', BARRED_CSV);
    expect(res.statusCode).toBe(303);
    imported = Promise.resolve(res);
    expect(res.headers.location).toBe('/vetting/lists?imported=3-3-0-0-0-0');
    expect(await entries()).toEqual([
      {
        source_key: 'national:barred:PBL-0001',
        family_name: 'Quarrington',
        date_of_birth: '1988-04-07',
        identifiers: ['4521', 'W77'],
        origin: 'national_import',
      },
      {
        source_key: 'national:barred:PBL-0002',
        family_name: 'Thistlewood',
        date_of_birth: '1979-11-30',
        identifiers: [],
        origin: 'national_import',
      },
      {
        source_key: 'national:barred:PBL-0003',
        family_name: 'Oakenshaw',
        date_of_birth: null,
        identifiers: ['S1234'],
        origin: 'national_import',
      },
    ]);
    const list = await page('vetting').get('/vetting/lists?imported=3-3-0-0');
    expect(list.body).toContain('Imported 3 rows: 3 new, 0 changed, 0 unchanged.');
    expect(list.body).toContain('Jessamy Quarrington');
    expect((await auditRows(t, 'vetting.list_imported'))[0]?.payload).toEqual({
      type: 'vetting.list_imported',
      list: 'barred',
      rows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      removed: 0,
      restored: 0,
    });
  });

  it('changes nothing when the same file is imported again, and updates a changed row', async () => {
    await barredListImported();
    const again = await upload('vetting', 'barred', BARRED_CSV);
    expect(again.headers.location).toBe('/vetting/lists?imported=3-0-0-3-0-0');
    const changed = await upload(
      'vetting',
      'barred',
      BARRED_CSV.replace('Dismissed: discreditable conduct', 'Dismissed: discreditable conduct (appeal dismissed)'),
    );
    expect(changed.headers.location).toBe('/vetting/lists?imported=3-0-1-2-0-0');
    expect(await t.database.query(`select count(*)::int as n from list_entries`)).toEqual([{ n: 3 }]);
  });

  it('reports every bad row with its line number and imports nothing', async () => {
    const before = await vettingSnapshot(t);
    const bad = [
      BARRED_CSV.split('\n')[0],
      'PBL-0100,Nettlefold,Ada,31/02/1990,,,,,',
      'PBL-0101,,Bo,,,,,,',
      'PBL-0102,Pennyworth,Cy,1985-01-01,,,,,',
    ].join('\n');
    const res = await upload('vetting', 'advisory', bad);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The file has 2 problems: nothing was imported');
    expect(res.body).toContain('Line 2: date_of_birth &quot;31/02/1990&quot; is not a real date');
    expect(res.body).toContain('Line 3: family_name is blank');
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('asks for the list and a file, and refuses an oversized or binary file', async () => {
    const before = await vettingSnapshot(t);
    const none = await upload('vetting', '', null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose which list the file is');
    expect(none.body).toContain('Choose a CSV file to import');
    expect((await upload('vetting', 'barred', 'x'.repeat(5000))).body).toContain('The file is too large');
    expect((await upload('vetting', 'barred', 'a\u0000b')).body).toContain('The file must be a CSV file (text)');
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('refuses everyone without the lists ability, and visitors, importing nothing', async () => {
    const before = await vettingSnapshot(t, true);
    for (const who of NO_VETTING) {
      expect((await page(who).get('/vetting/lists/import')).statusCode).toBe(404);
      expect((await page(who).get('/vetting/lists')).statusCode).toBe(404);
      expect((await upload(who, 'barred', BARRED_CSV)).statusCode).toBe(404);
      expect(
        (await callApi(t, w, who, 'POST', '/api/v1/vetting/lists/import', { list: 'barred', csv: BARRED_CSV }))
          .statusCode,
      ).toBe(404);
      expect((await callApi(t, w, who, 'GET', '/api/v1/vetting/lists')).statusCode).toBe(404);
    }
    expect((await page(null).get('/vetting/lists')).statusCode).toBe(303);
    expect(
      (await callApi(t, w, null, 'POST', '/api/v1/vetting/lists/import', { list: 'barred', csv: BARRED_CSV }))
        .statusCode,
    ).toBe(401);
    expect(await vettingSnapshot(t, true)).toBe(before);
  });
});

describe('the list API and browsing', () => {
  it('imports CSV text into the caller’s force only', async () => {
    const csv = 'source_id,family_name,given_name,date_of_birth\nPAL-9,Fernsby,Hollis,1991-05-05\n';
    const res = await callApi(t, w, 'east', 'POST', '/api/v1/vetting/lists/import', { list: 'advisory', csv });
    expect(res.json()).toEqual({ rows: 1, inserted: 1, updated: 0, unchanged: 0, removed: 0, restored: 0 });
    expect(await t.database.query(`select force_id, list from list_entries where family_name = 'Fernsby'`)).toEqual([
      { force_id: 'east', list: 'advisory' },
    ]);
    expect((await page('vetting').get('/vetting/lists')).body).not.toContain('Fernsby');
    const bad = await callApi(t, w, 'vetting', 'POST', '/api/v1/vetting/lists/import', {
      list: 'advisory',
      csv: 'family_name\nX\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: {
        fields: { 'line 1': 'Line 1: the header row must name the columns source_id, given_name (found: family_name)' },
      },
    });
  });

  it('filters entries and audits the read', async () => {
    await barredListImported();
    const json = (await callApi(t, w, 'vetting', 'GET', '/api/v1/vetting/lists?q=4521')).json<{
      total: number;
      items: { familyName: string }[];
      counts: { barred: number };
    }>();
    // Listed on 1 February 2024 for gross misconduct: a review may be asked for 5 years on [S].
    expect(json).toMatchObject({
      total: 1,
      items: [{ familyName: 'Quarrington', removedOn: null, review: { from: '2029-02-01', due: false } }],
      counts: { barred: 3 },
    });
    expect((await auditRows(t, 'vetting.list_viewed'))[0]?.payload).toMatchObject({
      list: 'barred_and_advisory_lists',
      filters: { q: '4521' },
      resultCount: 1,
    });
    const listed = await page('vetting').get('/vetting/lists?q=Quarrington');
    expect(listed.body).toContain('Review can be asked for from 1 February 2029');
    const bad = await page('vetting').get('/vetting/lists?list=grey');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose barred or advisory');
  });

  it('brings in the force’s own barred-list returns, once', async () => {
    const opened = await openCase(t.deps, w.accounts.aa.principal, caseInput([w.people.dave.id]), null);
    const [subject] = await t.database.query<{ id: string }>(`select id from case_subjects where case_id = $1`, [
      opened.id,
    ]);
    await t.database.query(
      `insert into list_returns (force_id, case_id, subject_id, list, document, triggered_on) values ('west', $1, $2, 'barred', $3::jsonb, '2026-02-20')`,
      [
        opened.id,
        subject?.id,
        JSON.stringify({ force: 'west Police', rank: 'Constable', conduct: 'Dishonesty in a duty statement' }),
      ],
    );
    const res = await page('vetting').get('/vetting/lists?origin=own_return');
    expect(res.body).toContain('Dave Dunmore');
    expect(res.body).toContain('Own return');
    expect(res.body).toContain('Dishonesty in a duty statement');
    expect((await auditRows(t, 'vetting.own_returns_synced'))[0]?.payload).toEqual({
      type: 'vetting.own_returns_synced',
      added: 1,
    });
    await page('vetting').get('/vetting/lists');
    expect(
      await t.database.query(
        `select count(*)::int as n, min(identifiers[1]) as number from list_entries where origin = 'own_return'`,
      ),
    ).toEqual([{ n: 1, number: '4701' }]);
  });
});
