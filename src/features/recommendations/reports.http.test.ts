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

/** The tracker's report pages: the index, the lists, adding a report, a report's items (one by one and from CSV). */

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
const auditCount = async (type: string) =>
  (
    await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where event_type = $1`, [type])
  )[0]?.n ?? 0;
const reportForm = (extra: Record<string, string> = {}) => ({
  publisher: 'HMICFRS',
  title: 'PEEL 2025 (test)',
  ...dateFields('publishedOn', '2026-01-15'),
  url: 'https://example.org/peel',
  reportType: 'peel',
  ...extra,
});

describe('reading the tracker', () => {
  it('shows the reports and the force’s counts to every role with the read ability', async () => {
    for (const who of ['aa', 'chief', 'pcc'] as Who[]) {
      const res = await as(who).get('/recommendations');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('An inspection of vetting (test)');
      expect(res.body.includes('href="/recommendations/reports/new"')).toBe(who === 'pcc');
    }
    const index = await as('aa').get('/recommendations');
    expect(index.body).toMatch(/<strong>1<\/strong> overdue/);
  });

  it('lists overdue items (deadline passed, not addressed) and refuses a list it does not know', async () => {
    const overdue = await as('aa').get('/recommendations/list?show=overdue');
    expect(overdue.statusCode).toBe(200);
    expect(overdue.body).toContain(`/recommendations/items/${w.items.r1.id}`);
    expect(overdue.body).not.toContain(`/recommendations/items/${w.items.r2.id}`);
    const byStatus = await as('aa').get('/recommendations/list?show=status&side=force&status=not_started');
    for (const item of Object.values(w.items)) expect(byStatus.body).toContain(`/recommendations/items/${item.id}`);
    const bad = await as('aa').get('/recommendations/list?show=everything');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose overdue, unverified, differs or status');
  });

  it('shows a report with its items and the force’s position on each', async () => {
    const res = await as('chief').get(`/recommendations/reports/${w.report.id}`);
    expect(res.statusCode).toBe(200);
    for (const label of ['R1', 'R2', 'R3', 'AFI1']) expect(res.body).toContain(`id="item-${label}"`);
    expect(res.body).toContain('Forces should check every clearance (R1 text).');
    expect(res.body).toContain('Not yet assessed');
    expect(res.body).not.toContain('Load the items');
  });

  it('refuses every page to users without the ability (404) and sends visitors to sign in', async () => {
    const pages = [
      '/recommendations',
      '/recommendations/list?show=overdue',
      `/recommendations/reports/${w.report.id}`,
      '/recommendations/reports/new',
      `/recommendations/reports/${w.report.id}/items/new`,
    ];
    for (const url of pages) {
      for (const who of ['investigator', 'vetting'] as Who[])
        expect((await as(who).get(url)).statusCode, `${who} ${url}`).toBe(404);
      const anon = await as(null).get(url);
      expect(anon.statusCode).toBe(303);
      expect(anon.headers.location).toMatch(/^\/sign-in\?next=/);
    }
    expect((await as('aa').get('/recommendations/reports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await as('aa').get('/recommendations/reports/not-a-uuid')).statusCode).toBe(404);
  });
});

describe('adding a report (the commissioner’s office)', () => {
  it('adds a report through the form, audited', async () => {
    expect((await as('pcc').get('/recommendations/reports/new')).statusCode).toBe(200);
    const res = await as('pcc').post('/recommendations/reports', reportForm(), {
      formPage: '/recommendations/reports/new',
    });
    expect(res.statusCode).toBe(303);
    const [row] = await t.database.query<{ id: string; report_type: string; published_on: string }>(
      `select id, report_type, published_on::text from inspection_reports where title = 'PEEL 2025 (test)'`,
    );
    expect(row).toMatchObject({ report_type: 'peel', published_on: '2026-01-15' });
    expect(res.headers.location).toBe(`/recommendations/reports/${row?.id}`);
    expect(await auditCount('recommendation.report_created')).toBe(2);
  });

  it('explains bad input (every field, dates in words) and adds nothing', async () => {
    const before = await snapshot(t);
    const res = await as('pcc').post(
      '/recommendations/reports',
      reportForm({ title: '', ...dateFields('publishedOn', '2026-02-30'), url: 'ftp://x', reportType: '' }),
      {
        formPage: '/recommendations/reports/new',
      },
    );
    expect(res.statusCode).toBe(400);
    for (const message of [
      'Enter the title',
      'The date it was published must be a real date',
      'The link to the report must be a web address starting https://',
      'Choose the type of report',
    ])
      expect(res.body).toContain(message);
    const future = await as('pcc').post(
      '/recommendations/reports',
      reportForm({ ...dateFields('publishedOn', '2026-06-01') }),
      { formPage: '/recommendations/reports/new' },
    );
    expect(future.body).toContain('The date it was published cannot be in the future');
    const duplicate = await as('pcc').post(
      '/recommendations/reports',
      {
        publisher: 'HMICFRS',
        title: 'An inspection of vetting (test)',
        ...dateFields('publishedOn', '2025-11-02'),
        reportType: 'thematic',
      },
      { formPage: '/recommendations/reports/new' },
    );
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('This report has already been added');
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses the force’s side and users without the ability (404, even with bad input) and visitors, adding nothing', async () => {
    const before = await snapshot(t);
    for (const who of ['aa', 'chief', 'investigator'] as Who[]) {
      expect(
        (await as(who).post('/recommendations/reports', reportForm({ title: 'Refused' }), { formPage: '/' }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await as(who).post('/recommendations/reports', reportForm({ ...dateFields('publishedOn', '2026-02-30') }), {
            formPage: '/',
          })
        ).statusCode,
      ).toBe(404);
    }
    expect((await as(null).post('/recommendations/reports', reportForm({ title: 'Refused' }))).statusCode).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });
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
