import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { createAccount, sessionCookieFor } from '../support/factories.ts';
import { jpegWithGps } from '../fixtures/reporting/reporting.http-fixtures.ts';
import { launchBrowser, RESULTS_DIR, startServer, type Browser, type RunningServer } from './support/browser.ts';

/**
 * The anonymous reporting journey in a real browser with JavaScript off (issue 18): a member of staff
 * reports with a photo carrying GPS EXIF, keeps the receipt; the confidential unit acknowledges and asks a
 * question; the reporter answers with the receipt; the unit opens a conduct case from the report; the
 * reporter sees that a case was opened. The stored copy of the photo has no EXIF, and the case names
 * neither the report nor the receipt.
 */

const FORCE = 'westshire';
const TEXT = 'An acting sergeant on Charlie shift sends degrading messages about female probationers';

describe('Anonymous reporting, without JavaScript', () => {
  let server: RunningServer;
  let reporter: Browser;
  let unit: Browser;
  let receipt = '';
  let reportId = '';

  beforeAll(async () => {
    server = await startServer();
    reporter = await launchBrowser({ javaScriptEnabled: false, baseUrl: server.baseUrl });
    unit = await launchBrowser({ javaScriptEnabled: false, baseUrl: server.baseUrl });
    const { user } = await createAccount(server.deps, {
      email: 'unit@westshire.example',
      role: 'confidential_unit',
      forceId: FORCE,
    });
    await unit.context.addCookies([
      { name: 'probity_session', value: await sessionCookieFor(server.deps, user.id), url: server.baseUrl },
    ]);
  });

  afterAll(async () => {
    await reporter?.close();
    await unit?.close();
    await server?.close();
  });

  const version = async (page: Page) => page.locator('input[name="version"]').first().inputValue();

  test('the browser runs no scripts', async () => {
    await reporter.page.goto(`/report/${FORCE}`);
    await expect.poll(() => reporter.page.locator('body.js-enabled').count()).toBe(0);
  });

  test('a member of staff reports with a photo carrying GPS data, and keeps the receipt', async () => {
    const photo = path.join(RESULTS_DIR, 'reporting-gps-photo.jpg');
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(photo, await jpegWithGps());
    const page = reporter.page;
    await page.goto(`/report/${FORCE}`);
    expect(await page.context().cookies()).toEqual([]);
    await page.check('input[name="category"][value="misogyny"]');
    await page.getByLabel('What happened?').fill(TEXT);
    await page.getByLabel('Who was involved?').fill('The acting sergeant, Charlie shift');
    await page.getByLabel('When did it happen?').fill('Since January');
    await page.check('input[name="howKnown"][value="documents"]');
    await page.getByLabel('A photo or screenshot (JPEG or PNG)').setInputFiles(photo);
    await page.check('input[name="anonymity"][value="anonymous"]');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.waitForLoadState();
    receipt = ((await page.locator('#receipt').textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(page.url()).not.toContain(receipt);
    const [row] = await server.database.query<{ id: string }>('select id from reports');
    reportId = row!.id;
  });

  test('the stored copy of the photo has no EXIF', async () => {
    await unit.page.goto(`/reports/${reportId}`);
    const link = unit.page.locator('#report-files a').first();
    const href = await link.getAttribute('href');
    const res = await unit.page.request.get(href!);
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('PhoneCo'))).toBe(false);
    const stored = JSON.stringify(await server.database.query('select * from report_files'));
    expect(stored).not.toContain('PhoneCo');
  });

  test('the unit acknowledges and asks a question; the reporter answers with the receipt', async () => {
    const page = unit.page;
    await page.goto('/reports');
    await page.locator(`a[href="/reports/${reportId}"]`).click();
    await page.waitForURL((u) => u.pathname === `/reports/${reportId}`);
    await expect.poll(() => page.locator('#report-content').textContent()).toContain(TEXT);
    await page.getByRole('button', { name: 'Acknowledge the report' }).click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'acknowledged');
    await page.getByLabel('Write to the reporter').fill('Which messaging group were the messages sent in?');
    await page.getByRole('button', { name: 'Send to the reporter' }).click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'message');

    const me = reporter.page;
    await me.goto(`/report/${FORCE}/follow-up`);
    await me.getByLabel('Your receipt').fill(receipt.toLowerCase());
    await me.getByRole('button', { name: 'Open my report' }).click();
    await me.waitForURL((u) => u.pathname === `/report/${FORCE}/status`);
    await expect.poll(() => me.locator('main').textContent()).toContain('Which messaging group');
    await me.getByLabel('Write to the confidential unit').fill('The Charlie shift WhatsApp group');
    await me.getByRole('button', { name: 'Send the message' }).click();
    await me.waitForLoadState();

    await page.goto(`/reports/${reportId}`);
    await expect.poll(() => page.locator('#messages').textContent()).toContain('The Charlie shift WhatsApp group');
  });

  test('the unit opens a conduct case from the report; the reporter sees that a case was opened', async () => {
    const [subject] = await server.database.query<{ id: string }>(
      `select id from people where force_id = $1 and person_type = 'officer' and status = 'current'
         and merged_into_id is null order by id limit 1`,
      [FORCE],
    );
    const page = unit.page;
    await page.goto(`/reports/${reportId}`);
    await page.locator('#open-case').click();
    await page.waitForURL((u) => u.pathname === `/reports/${reportId}/case`);
    expect(await version(page)).not.toBe('');
    await page.getByLabel('Subjects').fill(subject!.id);
    await page.locator('#categoryCode').selectOption({ index: 1 });
    await page.check('input[name="standards"][value="discreditable_conduct"]');
    await page.getByLabel('Summary for the case').fill('Degrading messages about probationers in a shift group');
    await page
      .getByLabel('The alleged conduct, copied from the report')
      .fill('An acting sergeant sends degrading messages about female probationers');
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'case');

    const cases = await server.database.query<{ id: string; reference: string; summary: string }>(
      `select id, reference, summary from cases where source = 'anonymous_report' and summary = $1`,
      ['Degrading messages about probationers in a shift group'],
    );
    expect(cases).toHaveLength(1);
    const trace = JSON.stringify([
      cases,
      await server.database.query('select * from allegations where case_id = $1', [cases[0]!.id]),
      await server.database.query(`select * from audit_events where subject_type <> 'report'`),
    ]);
    expect(trace).not.toContain(reportId);
    expect(trace).not.toContain(receipt);
    expect(trace).not.toContain(receipt.split('-')[0]!);

    const me = reporter.page;
    await me.goto(`/report/${FORCE}/status`);
    await expect.poll(() => me.locator('main').textContent()).toContain('A case has been opened.');
    expect(await me.locator('main').textContent()).not.toContain(cases[0]!.reference);
  });
});
