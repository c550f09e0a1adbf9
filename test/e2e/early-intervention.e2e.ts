import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findUserByEmail } from '../../src/features/auth/accounts.repository.ts';
import { sessionCookieFor } from '../support/factories.ts';
import { checkAccessibility, launchBrowser, startServer, type Browser, type RunningServer } from './support/browser.ts';

/**
 * The early-intervention journey in a real browser with JavaScript off (issue 19): the appropriate authority
 * defines a rule, previews it, saves it and switches it on, runs it, opens an alert and reads its
 * explanation, plans an intervention, closes another alert as a false positive, and sees the rule's
 * false-positive share change. Pages are checked with axe.
 */
describe('Early intervention, without JavaScript', () => {
  let server: RunningServer;
  let aa: Browser;
  let ruleUrl = '';

  beforeAll(async () => {
    server = await startServer({ seed: { people: 600, cases: 5 } });
    aa = await launchBrowser({ javaScriptEnabled: false, baseUrl: server.baseUrl });
    const user = await findUserByEmail(server.deps.db, 'aa@westshire.example');
    if (!user) throw new Error('no demo appropriate authority');
    await aa.context.addCookies([
      { name: 'probity_session', value: await sessionCookieFor(server.deps, user.id), url: server.baseUrl },
    ]);
  }, 600_000);

  afterAll(async () => {
    await aa?.close();
    await server?.close();
  });

  test('defines a rule, previews it, and switches it on', async () => {
    const page = aa.page;
    await page.goto('/early-intervention/rules/new');
    await page.getByLabel('Name').fill('Team discrimination');
    await page.check('input[name="signalKinds"][value="conduct_allegation"]');
    await page.getByLabel('Only this category (optional)').fill('discrimination');
    await page.getByLabel('Window, in days').fill('730');
    await page.getByLabel('Warning at').fill('1');
    await page.getByLabel('Critical at').fill('2');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.locator('#preview').textContent()).toMatch(/would alert on \d+ (people|person)/);
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Save the rule' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#status').textContent()).toContain('switched off');
    ruleUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Switch on' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#status').textContent()).toContain('switched on');
    await checkAccessibility(page);
  });

  test('runs, and an alert explains itself; an intervention is planned', async () => {
    const page = aa.page;
    await page.goto('/early-intervention/rules');
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#last-run').textContent()).toContain('3 rules');
    await page.goto('/early-intervention');
    const row = page.locator('#alerts tr', { hasText: 'Team discrimination' }).first();
    await row.locator('a').click();
    await page.waitForLoadState();
    expect(await page.locator('#explanation').textContent()).toContain('Team discrimination');
    expect(await page.locator('#events tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#peer').textContent()).toMatch(/Peer group/);
    await checkAccessibility(page);
    for (const step of ['Acknowledge', 'Start assessment', 'Plan an intervention']) {
      await page.getByLabel(step, { exact: false }).first().check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForLoadState();
    }
    await page.getByLabel('Kind').selectOption('mentoring');
    await page.getByLabel('Owner').fill('Inspector Jo Hale');
    const due = new Date(Date.now() + 30 * 86_400_000);
    await page.getByLabel('Day').fill(String(due.getUTCDate()));
    await page.getByLabel('Month').fill(String(due.getUTCMonth() + 1));
    await page.getByLabel('Year').fill(String(due.getUTCFullYear()));
    await page.getByRole('button', { name: 'Plan intervention' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#interventions').textContent()).toContain('Inspector Jo Hale');
  });

  test('closes another alert as a false positive, and the rule’s figures change', async () => {
    const page = aa.page;
    await page.goto(ruleUrl);
    const before = (await page.locator('#status').textContent()) ?? '';
    expect(before).toContain('none finished yet');
    await page.goto('/early-intervention?state=new');
    await page.locator('#alerts tr', { hasText: 'Team discrimination' }).first().locator('a').click();
    await page.waitForLoadState();
    await page.getByLabel('Close as a false positive', { exact: false }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Give the reason');
    await page.getByLabel('Close as a false positive', { exact: false }).check();
    await page.getByLabel('Reason or note').fill('The allegation named the wrong officer.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#state').textContent()).toContain('False positive');
    await page.goto(ruleUrl);
    expect(await page.locator('#fp-share').textContent()).toBe('100%');
  });

  test('shows the scores, the co-accused network with the chat group, and the fairness report', async () => {
    const page = aa.page;
    await page.goto('/early-intervention/network');
    // The ten subjects of the group-chat case: 45 pairs.
    expect(await page.locator('#network-svg line').count()).toBeGreaterThanOrEqual(45);
    expect(await page.locator('#pairs tbody tr').count()).toBeGreaterThanOrEqual(45);
    await checkAccessibility(page);
    await page.goto('/early-intervention/scores');
    expect(await page.locator('#scores tbody tr').count()).toBeGreaterThan(0);
    await checkAccessibility(page);
    await page.goto('/early-intervention/fairness');
    expect(await page.locator('[data-table="ei-alerts-sex"]').count()).toBe(1);
    await checkAccessibility(page);
  });
});
