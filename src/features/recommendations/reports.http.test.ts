import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  buildWorld,
  client,
  dateFields,
  snapshot,
  TODAY,
  type Who,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';

/** The tracker's report pages: the index, the lists, adding a report (its items: report-items.http.test.ts). */

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
