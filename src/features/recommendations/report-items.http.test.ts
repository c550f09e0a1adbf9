import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  buildWorld,
  client,
  dateFields,
  snapshot,
  TODAY,
  upload,
  type Who,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';

/** A report's items on the tracker's pages: added one by one through the form, and loaded from CSV. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
  w = await buildWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) => client(t, w, who);
const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../../test/fixtures/recommendations/${name}`, import.meta.url));
const reportForm = (extra: Record<string, string> = {}) => ({
  publisher: 'HMICFRS',
  title: 'PEEL 2025 (test)',
  ...dateFields('publishedOn', '2026-01-15'),
  url: 'https://example.org/peel',
  reportType: 'peel',
  ...extra,
});

describe('adding items', () => {
  const itemForm = (extra: Record<string, string> = {}) => ({
    kind: 'recommendation',
    number: '9',
    text: 'Forces should do nine things (test).',
    ownerBody: 'NPCC',
    themes: 'vetting, Misogyny',
    ...dateFields('deadline', '2026-09-30'),
    ...extra,
  });

  it('adds an item through the form, suggesting the next number', async () => {
    const form = await as('pcc').get(`/recommendations/reports/${w.report.id}/items/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="number"[^>]*value="4"/);
    const res = await as('pcc').post(
      `/recommendations/reports/${w.report.id}/items`,
      itemForm({ textVerified: 'yes' }),
      { formPage: '/recommendations' },
    );
    expect(res.statusCode).toBe(303);
    const [row] = await t.database.query<{
      owner_body: string;
      themes: string[];
      text_verified: boolean;
      deadline: string;
    }>(`select owner_body, themes, text_verified, deadline::text from report_items where number = 9`);
    expect(row).toEqual({
      owner_body: 'NPCC',
      themes: ['vetting', 'misogyny'],
      text_verified: true,
      deadline: '2026-09-30',
    });
  });

  it('refuses a number already used and bad input, adding nothing', async () => {
    const before = await snapshot(t);
    const used = await as('pcc').post(`/recommendations/reports/${w.report.id}/items`, itemForm({ number: '1' }), {
      formPage: '/recommendations',
    });
    expect(used.statusCode).toBe(400);
    expect(used.body).toContain('Recommendation 1 is already in this report');
    const bad = await as('pcc').post(
      `/recommendations/reports/${w.report.id}/items`,
      itemForm({ number: 'x', text: '', ownerBody: 'Nobody', ...dateFields('deadline', '2026-13-01') }),
      { formPage: '/recommendations' },
    );
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'The number must be a whole number',
      'Enter the text of the item',
      'Choose who the item is addressed to',
      'The deadline must be a real date',
    ])
      expect(bad.body).toContain(message);
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses the force and users without the ability (404) and visitors, adding nothing', async () => {
    const before = await snapshot(t);
    for (const who of ['aa', 'chief', 'vetting'] as Who[])
      expect(
        (
          await as(who).post(`/recommendations/reports/${w.report.id}/items`, itemForm({ number: '20' }), {
            formPage: '/',
          })
        ).statusCode,
      ).toBe(404);
    expect(
      (await as(null).post(`/recommendations/reports/${w.report.id}/items`, itemForm({ number: '20' }))).statusCode,
    ).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('loading items from CSV', () => {
  it('loads a file all at once, and loading it again changes nothing', async () => {
    const created = await as('pcc').post('/recommendations/reports', reportForm({ title: 'CSV report (test)' }), {
      formPage: '/recommendations/reports/new',
    });
    const url = `${created.headers.location as string}/import`;
    const first = await upload(
      t,
      w,
      'pcc',
      url,
      {},
      { name: 'items.csv', type: 'text/csv', content: fixture('items.csv') },
    );
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toMatch(/\?added=4&updated=0&unchanged=0$/);
    const again = await upload(
      t,
      w,
      'pcc',
      url,
      {},
      { name: 'items.csv', type: 'text/csv', content: fixture('items.csv') },
    );
    expect(again.headers.location).toMatch(/\?added=0&updated=0&unchanged=4$/);
    const page = await as('pcc').get(again.headers.location as string);
    expect(page.body).toContain('The file was imported: 0 added, 0 updated, 4 unchanged.');
    const corrected = fixture('items.csv')
      .toString('utf8')
      .replace('The College should update guidance.', 'The College should update its guidance.');
    const third = await upload(
      t,
      w,
      'pcc',
      url,
      {},
      { name: 'items.csv', type: 'text/csv', content: Buffer.from(corrected) },
    );
    expect(third.headers.location).toMatch(/\?added=0&updated=1&unchanged=3$/);
    expect(
      await t.database.query(
        `select payload->>'added' as added, payload->>'updated' as updated from audit_events where event_type = 'recommendation.items_imported' order by seq`,
      ),
    ).toEqual([
      { added: '4', updated: '0' },
      { added: '0', updated: '0' },
      { added: '0', updated: '1' },
    ]);
  });

  it('refuses a file with bad lines, naming each by number, and loads none of it', async () => {
    const before = await snapshot(t);
    const res = await upload(
      t,
      w,
      'pcc',
      `/recommendations/reports/${w.report.id}/import`,
      {},
      { name: 'bad.csv', type: 'text/csv', content: fixture('items-bad.csv') },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Line 3: kind must be recommendation or area_for_improvement');
    expect(res.body).toContain('Line 5: recommendation 1 is also on line 2');
    const empty = await upload(t, w, 'pcc', `/recommendations/reports/${w.report.id}/import`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose a CSV file of the report’s items');
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses the force (404) and visitors, loading nothing', async () => {
    const before = await snapshot(t);
    for (const who of ['aa', 'investigator'] as Who[]) {
      expect(
        (
          await upload(
            t,
            w,
            who,
            `/recommendations/reports/${w.report.id}/import`,
            {},
            { name: 'items.csv', type: 'text/csv', content: fixture('items.csv') },
          )
        ).statusCode,
      ).toBe(404);
    }
    expect(
      (
        await upload(
          t,
          w,
          null,
          `/recommendations/reports/${w.report.id}/import`,
          {},
          { name: 'items.csv', type: 'text/csv', content: fixture('items.csv') },
        )
      ).statusCode,
    ).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });
});
