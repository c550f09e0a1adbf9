import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ukToday } from '../../src/kernel/time/dates.ts';
import {
  AA,
  PCC,
  download,
  expectRowsMatch,
  parseCsv,
  readTables,
  tableById,
  type Line,
} from './support/oversight-journey.ts';
import {
  addressedRow,
  checkAllTables as checkTables,
  checkChartMatchesTable,
  exportAllegations,
  fyLabel,
  fyOf,
  heading,
  recomputeRelativeRates,
  showFigures as showFiguresOn,
} from './support/oversight-dashboard.ts';
import {
  checkResponse,
  findTwoCases,
  grantSample,
  reviewAndVerify,
  type JourneyCase,
} from './support/oversight-steps.ts';
import {
  checkPage,
  clearScreenshots,
  launchBrowser,
  signIn,
  startServer,
  type Browser,
  type RunningServer,
} from './support/browser.ts';

/**
 * The commissioner's journey of issue 5, in a real browser: the commissioner's office (pcc@) signs in and
 * sees the scrutiny dashboard (axe-checked; also without JavaScript, where the SVG charts and tables must
 * be there), changes the period, exports a table as CSV and as a spreadsheet (the same cells, hidden where
 * the page hides them; the relative rates recomputed from the file), reviews a recommendation's evidence,
 * marks it verified, generates the published response (HTML and PDF), and is refused (404, exactly as for
 * a missing case) on a case it was not granted. Then the appropriate authority grants a dip sample of one
 * case; pcc@ reads that case and only that one; the read shows in the authority's list and the audit log.
 * The public page is opened without signing in. Every table seen is checked so that no total gives a
 * hidden cell away. Every page is checked with axe and photographed into test-results/oversight-*.png.
 */

describe('The commissioner’s office holds the force to account, and the appropriate authority grants a dip sample', () => {
  let server: RunningServer;
  let pcc: Browser;
  let page: Page;
  let cases: { granted: JourneyCase; other: JourneyCase };
  const today = ukToday(new Date());
  const currentFy = fyOf(today);
  const previousFy = currentFy - 1;
  /** Lines of every table seen where a shown total has hidden members (secondary suppression at work). */
  const protectedLines: Line[] = [];
  /** Recommendations the force says are addressed, and those the commissioner's office has verified so. */
  let addressedBefore: string[] = [];

  let shots = 0;
  const shotOf = (p: Page) => (name: string) => checkPage(p, `oversight-${String(++shots).padStart(2, '0')}-${name}`);
  const shot = (name: string) => shotOf(page)(name);
  const checkAllTables = (p: Page) => checkTables(p, protectedLines);
  const showFigures = (fy: number, quarter: '' | '3', basis: 'finalised' | 'received') =>
    showFiguresOn(page, fy, quarter, basis);

  beforeAll(async () => {
    clearScreenshots('oversight');
    server = await startServer();
    cases = await findTwoCases(server);
    pcc = await launchBrowser({ javaScriptEnabled: true, baseUrl: server.baseUrl });
    page = pcc.page;
  });

  afterAll(async () => {
    await pcc?.close();
    await server?.close();
  });

  test('the commissioner’s office signs in and sees the dashboard of the current financial year', async () => {
    await signIn(page, PCC, 'oversight-00-pcc');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Oversight', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/oversight');
    await shot('dashboard');
    expect(await heading(page)).toBe('Oversight');
    expect(await page.locator('#period-label').textContent()).toBe(fyLabel(currentFy));
    expect(await page.locator('#disclosure-note').textContent()).toContain('Numbers below 5 are shown as [c]');

    // Nine charts, each an image named by its title and described in words, followed by its tables.
    const charts = page.locator('section svg[role="img"]');
    await expect.poll(() => charts.count()).toBe(9);
    for (const chart of await charts.all()) {
      const [titleId, descId] = ((await chart.getAttribute('aria-labelledby')) ?? '').split(' ');
      expect((await chart.locator(`title[id="${titleId}"]`).textContent())?.length).toBeGreaterThan(0);
      expect(await chart.locator(`desc[id="${descId}"]`).textContent()).toMatch(
        /The table after the chart gives the same figures\.$/,
      );
    }
    const tables = await checkAllTables(page);
    expect(tables.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'allegations-by-category',
        'cases-by-type',
        'timeliness',
        'allegation-outcomes',
        'sanctions',
        'disproportionality-sex-subject',
        'disproportionality-ethnicity-dismissed',
        'restrictions-by-kind',
        'suspension-flags',
        'vetting',
        'recommendations',
      ]),
    );
    expect(tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.suppressed)))).toBe(true);
    addressedBefore = addressedRow(tables);

    await checkChartMatchesTable(page, tables);
  }, 180_000);

  test('changes the period: a quarter of last year by date received, then last year by date finalised', async () => {
    await showFigures(previousFy, '3', 'received');
    await shot('dashboard-q3-received');
    expect(await page.locator('#period-label').textContent()).toBe(
      `${fyLabel(previousFy)}, quarter 3 (October to December ${previousFy})`,
    );
    expect(await page.locator('.govuk-body-l').first().textContent()).toContain('counted by date received');
    expect(await page.getByLabel('Quarter', { exact: true }).inputValue()).toBe('3');
    expect(await page.getByRole('radio', { name: 'Date received', exact: true }).isChecked()).toBe(true);
    let byCategory = tableById(await checkAllTables(page), 'allegations-by-category');
    expect(byCategory.caption).toMatch(/^Allegations received/);
    const csvLink = page
      .locator('#table-allegations-by-category')
      .getByRole('link', { name: `CSV of ${byCategory.caption}`, exact: true });
    expect(new URL((await csvLink.getAttribute('href')) ?? '', server.baseUrl).search).toBe(
      `?fy=${previousFy}&quarter=3&basis=received`,
    );

    await showFigures(previousFy, '', 'finalised');
    await shot('dashboard-last-year');
    expect(await page.locator('#period-label').textContent()).toBe(fyLabel(previousFy));
    expect(await page.locator('.govuk-body-l').first().textContent()).toContain('counted by date finalised');
    byCategory = tableById(await checkAllTables(page), 'allegations-by-category');
    expect(byCategory.caption).toBe(`Allegations finalised in ${fyLabel(previousFy)}, by category and type of case`);
  }, 180_000);

  test('exports a table as CSV and spreadsheet: the same cells, hidden where the page hides them', async () => {
    await exportAllegations(page, server, previousFy);
  }, 120_000);

  test('the relative rates, recomputed from an exported disproportionality table, are the ones published', async () => {
    await recomputeRelativeRates(page);
  }, 120_000);

  test('reviews a recommendation’s evidence and marks it verified; the difference is shown before and after', async () => {
    await reviewAndVerify(page, server, shot);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Oversight', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/oversight');
    await shot('dashboard-after-verifying');
    // One more recommendation verified as addressed; the force's own count is unchanged.
    const [self, verified] = addressedBefore;
    expect(addressedRow(await readTables(page))).toEqual([self, String(Number(verified) + 1)]);
  }, 180_000);

  test('generates the published response: an HTML page of every recommendation, and a PDF', async () => {
    await checkResponse(page, shot);
  }, 180_000);

  test('a case it was not granted is refused with 404, exactly like a case that does not exist', async () => {
    for (const [address, name] of [
      [`/cases/${cases.granted.id}`, 'case'],
      [`/oversight/samples/${cases.granted.id}`, 'sampled-case'],
    ] as const) {
      const refused = await page.goto(address);
      expect(refused?.status()).toBe(404);
      await shot(`refused-${name}`);
      const seen = [
        await page.title(),
        await heading(page),
        await page.locator('main p.govuk-body').first().textContent(),
      ];
      const missing = await page.goto(address.replace(cases.granted.id, randomUUID()));
      expect(missing?.status()).toBe(404);
      expect([
        await page.title(),
        await heading(page),
        await page.locator('main p.govuk-body').first().textContent(),
      ]).toEqual(seen);
    }
  }, 120_000);

  test('the appropriate authority grants a dip sample of one case; pcc@ reads that case only, and the read is listed', async () => {
    const aa = await launchBrowser({ javaScriptEnabled: true, baseUrl: server.baseUrl });
    try {
      await signIn(aa.page, AA, 'oversight-00-aa');
      await grantSample(aa.page, shotOf(aa.page), cases.granted);

      await page.goto('/oversight');
      await page.getByRole('link', { name: 'Dip samples', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/oversight/samples');
      await shot('pcc-samples');
      await page.getByRole('link', { name: cases.granted.reference, exact: true }).click();
      await page.waitForURL((u) => u.pathname === `/oversight/samples/${cases.granted.id}`);
      await shot('pcc-sampled-case');
      expect(await heading(page)).toBe(`Case ${cases.granted.reference}`);
      expect(await page.locator('#sample-note').textContent()).toContain(
        'You are reading this case through a dip sample',
      );
      // Only that case, and only through the sample.
      expect((await page.goto(`/oversight/samples/${cases.other.id}`))?.status()).toBe(404);
      expect((await page.goto(`/cases/${cases.granted.id}`))?.status()).toBe(404);

      await aa.page.reload();
      await shotOf(aa.page)('aa-samples-read');
      const card = aa.page.locator('.govuk-summary-card').filter({ hasText: cases.granted.reference });
      await expect.poll(() => card.getByRole('heading', { level: 3 }).textContent()).toBe('Reads (1)');
      const reads = await card
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
        );
      const [pccName] = await server.database.query<{ display_name: string }>(
        'select display_name from users where email = $1',
        [PCC],
      );
      expect(reads.map((r) => r.slice(1))).toEqual([[cases.granted.reference, pccName?.display_name]]);
      const audited = await server.database.query<{ subject_id: string; payload: { caseId: string } }>(
        `select subject_id, payload from audit_events where event_type = 'oversight.sample_case_viewed' and actor_user_id = (select id from users where email = $1)`,
        [PCC],
      );
      expect(audited.map((a) => a.payload.caseId)).toEqual([cases.granted.id]);
    } finally {
      await aa.close();
    }
  }, 180_000);

  describe('without JavaScript', () => {
    let nojs: Browser;
    afterAll(async () => {
      await nojs?.close();
    });

    test('the public page, without signing in, and the dashboard with its SVG charts and tables', async () => {
      nojs = await launchBrowser({ javaScriptEnabled: false, baseUrl: server.baseUrl });
      const p = nojs.page;
      const nshot = shotOf(p);
      await p.goto('/public/westshire');
      await nshot('public-page');
      expect(await heading(p)).toBe('Police misconduct hearings and figures');
      expect(await p.locator('#figures').textContent()).toBe(`Figures for ${fyLabel(previousFy)}`);
      const publicTables = await checkAllTables(p);
      expect(publicTables.map((t) => t.id)).not.toContain('recommendations');
      const publicTable = tableById(publicTables, 'allegations-by-category');
      const file = await download(p, () =>
        p
          .locator('#table-allegations-by-category')
          .getByRole('link', { name: `CSV of ${publicTable.caption}`, exact: true })
          .click(),
      );
      expectRowsMatch(parseCsv(file.body).slice(1), publicTable, 'public CSV');

      await signIn(p, PCC, 'oversight-00-nojs-pcc');
      await expect.poll(() => p.locator('body.js-enabled').count()).toBe(0);
      await p.goto('/oversight');
      await nshot('nojs-dashboard');
      const charts = p.locator('section svg[role="img"]');
      await expect.poll(() => charts.count()).toBe(9);
      for (const chart of await charts.all()) {
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        expect(box?.height).toBeGreaterThan(40);
        expect(await chart.locator('rect, path').count()).toBeGreaterThan(0);
      }
      const tables = await checkAllTables(p);
      expect(tables.length).toBeGreaterThanOrEqual(17);
      for (const t of tables) expect(await p.locator(`#table-${t.id} table`).isVisible()).toBe(true);
    }, 180_000);
  });

  test('across every table seen, secondary suppression kept hidden cells from being worked out from totals', () => {
    expect(protectedLines.length).toBeGreaterThan(0);
  });
});
