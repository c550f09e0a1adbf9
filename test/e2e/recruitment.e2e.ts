import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate, ukToday } from '../../src/kernel/time/dates.ts';
import { addCalendarDays } from '../../src/kernel/time/working-days.ts';
import { squash } from './support/case-journey.ts';
import {
  checkPage,
  clearScreenshots,
  launchBrowser,
  startServer,
  type Browser,
  type RunningServer,
} from './support/browser.ts';
import {
  VETTING,
  VETTING_NAME,
  errorMessages,
  rowsOf,
  submitForm,
  summaryList,
  switchUser,
} from './support/integrity-journey.ts';
import { recruitmentSteps } from './support/recruitment-steps.ts';

/**
 * The recruitment journey of issue 4, in a real browser with JavaScript, as the vetting officer: a national
 * barred list is imported through the page (a faulty file first, which imports nothing); an applicant who is
 * on it is caught when the application is made, the likely match waits for a human, and no decision can be
 * saved while it does; once the match is confirmed the application is refused. A second applicant with
 * adverse information cannot be granted without a rationale for each part of the item (and the conditions),
 * with nothing saved; with them, clearance is granted with conditions, and the decision record shows it all.
 * Every page is checked with axe and photographed into test-results/recruit-NN-name.png.
 */

const today = ukToday(new Date());

describe('Recruitment vetting: an applicant on the barred list is caught, and adverse information needs its rationale, with JavaScript', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let barredApplication = '';
  let adverseApplication = '';

  let shots = 0;
  const shot = (name: string) => checkPage(page, `recruit-${String(++shots).padStart(2, '0')}-${name}`);
  const { stored, startApplication, recordCheck, importBarredList, recordCaution } = recruitmentSteps(() => ({
    page,
    server,
    shot,
    today,
  }));

  beforeAll(async () => {
    clearScreenshots('recruit');
    server = await startServer({ seed: { cases: 0 } });
    browser = await launchBrowser({ javaScriptEnabled: true, baseUrl: server.baseUrl });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the vetting officer imports a national barred list; a faulty file imports nothing', async () => {
    await switchUser(page, VETTING, 'recruit-00-vetting');
    await importBarredList();
  }, 180_000);

  test('an applicant on the list is caught: the likely match waits for a human, and no decision can be saved', async () => {
    barredApplication = await startApplication('barred', {
      givenName: 'Jess',
      familyName: 'Quarington',
      dateOfBirth: '1988-04-07',
      formerNumbers: 'PC 4521',
    });
    expect(squash(await page.locator('#lists ~ .govuk-warning-text').first().textContent())).toContain(
      'Possible matches on the barred or advisory list must each be decided by you before the application can be decided. Probity never decides them.',
    );
    const card = page.locator('div.govuk-summary-card[id^="match-"]');
    await expect.poll(() => card.count()).toBe(1);
    expect(squash(await card.locator('.govuk-summary-card__title').textContent())).toMatch(
      /^Police Barred List: Jessamy Quarrington \(score [0-9.]+\)$/,
    );
    expect(await summaryList(card)).toMatchObject({
      'Why it may be the applicant':
        'Family name is similar: quarington and quarrington; Given name is similar (jess and jessamy); Date of birth matches; Former number PC 4521 matches',
      'Force and rank': 'Northmarsh Police, PC',
      Source: 'National list import',
      Decision: 'Awaiting a decision',
    });

    // The decision form says why nothing can be decided, and a refusal is refused with nothing saved.
    await page.getByRole('button', { name: 'Record the decision', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/vetting/applications/${barredApplication}/decision`);
    await shot('decide-blocked');
    expect((await page.locator('.govuk-warning-text__text').allTextContents()).map(squash)).toContain(
      'Warning 1 possible barred or advisory list match is waiting for your decision: no decision can be recorded until then.',
    );
    const before = await stored(barredApplication);
    await page.getByRole('radio', { name: 'Refuse', exact: true }).check();
    await page
      .getByLabel('Reasons for the decision')
      .fill('The applicant appears to be on the Police Barred List after dismissal by Northmarsh Police.');
    await page
      .getByLabel('Reasons that may be given to the applicant (refusal)')
      .fill('You are on the Police Barred List and cannot be employed by a police force.');
    expect(await submitForm(page, 'Record the decision', `/vetting/applications/${barredApplication}/decision`)).toBe(
      422,
    );
    await shot('decide-refused-pending-match');
    expect(await errorMessages(page)).toEqual([
      'Decide the possible barred or advisory list match before deciding the application',
    ]);
    expect(await stored(barredApplication)).toEqual(before);
    expect(before).toMatchObject({ application: { status: 'open' }, decisions: 0, matchesDecided: 0 });
  }, 180_000);

  test('a person confirms the match; the application is refused, and the decision record shows how', async () => {
    await page.locator('.govuk-back-link').click();
    await page.waitForURL((url) => url.pathname === `/vetting/applications/${barredApplication}`);
    const card = page.locator('div.govuk-summary-card[id^="match-"]');
    await card.getByRole('radio', { name: 'Yes, confirmed match' }).check();
    await card
      .getByLabel('How you decided')
      .fill('Same person: date of birth and former collar number confirmed with Northmarsh PSD by telephone.');
    expect(await submitForm(page, 'Record the decision on this match')).toBe(303);
    await page.waitForURL((url) => url.pathname === `/vetting/applications/${barredApplication}`);
    await shot('match-confirmed');
    expect((await summaryList(card)).Decision).toBe(
      `Confirmed match by ${VETTING_NAME} on ${formatDate(today)}: Same person: date of birth and former collar number confirmed with Northmarsh PSD by telephone.`,
    );

    await page.getByRole('button', { name: 'Record the decision', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/vetting/applications/${barredApplication}/decision`);
    await shot('decide-confirmed');
    expect((await page.locator('.govuk-warning-text__text').allTextContents()).map(squash)).toContain(
      'Warning The applicant is confirmed as on the Police Barred List: clearance cannot be granted.',
    );
    await page.getByRole('radio', { name: 'Refuse', exact: true }).check();
    await page
      .getByLabel('Reasons for the decision')
      .fill('The applicant is on the Police Barred List after dismissal by Northmarsh Police.');
    await page
      .getByLabel('Reasons that may be given to the applicant (refusal)')
      .fill('You are on the Police Barred List and cannot be employed by a police force.');
    expect(await submitForm(page, 'Record the decision', `/vetting/applications/${barredApplication}/decision`)).toBe(
      303,
    );
    await page.waitForURL((url) => url.pathname === `/vetting/applications/${barredApplication}`);
    await shot('refused');

    await page
      .locator('#decisions')
      .getByRole('link', { name: `Refuse on ${formatDate(today)}` })
      .click();
    await page.waitForURL((url) => /^\/vetting\/decisions\/[0-9a-f-]{36}$/.test(url.pathname));
    await shot('refusal-record');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vetting decision: Refuse');
    expect((await summaryList(page.locator('.govuk-summary-list').first())).Name).toBe('Jess Quarington');
    expect((await page.locator('#record-matches li').allTextContents()).map(squash)).toEqual([
      expect.stringMatching(
        /^Police Barred List: Jessamy Quarrington \(score [0-9.]+; .*Former number PC 4521 matches\) – Confirmed match: Same person: date of birth and former collar number confirmed with Northmarsh PSD by telephone\.$/,
      ),
    ]);
    expect(squash(await page.locator('#appeals + p').textContent())).toBe(
      `The window to appeal ends on ${formatDate(addCalendarDays(today, 14))}.`,
    );
  }, 180_000);

  test('an applicant with adverse information cannot be granted without a rationale for it, and nothing is saved', async () => {
    adverseApplication = await startApplication('adverse', {
      givenName: 'Morgan',
      familyName: 'Ellery',
      dateOfBirth: '1995-09-12',
    });
    expect(squash(await page.locator('#no-matches').textContent())).toBe('No likely matches were found.');

    const checks = (await page.locator('#check-table tbody tr td:first-child').allTextContents()).map(squash);
    expect(checks).toHaveLength(9);
    for (const label of checks)
      await recordCheck(
        label,
        'Clear',
        label.startsWith('Police National Computer') ? 'One caution, below.' : 'Nothing found.',
      );
    await shot('checks-recorded');

    // The caution, found by the PNC check.
    await recordCaution(adverseApplication);

    await page.getByRole('button', { name: 'Record the decision', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/vetting/applications/${adverseApplication}/decision`);
    await shot('decide-adverse');
    const before = await stored(adverseApplication);
    await page.getByRole('radio', { name: 'Grant with conditions (risk mitigation)', exact: true }).check();
    await page
      .getByLabel('Reasons for the decision')
      .fill('An old caution, fully declared, and nothing since: the applicant is suitable.');
    expect(await submitForm(page, 'Record the decision', `/vetting/applications/${adverseApplication}/decision`)).toBe(
      400,
    );
    await shot('grant-refused');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await errorMessages(page)).toEqual([
      'Enter the conditions or risk-mitigation plan (at least 15 characters, in words)',
      'Enter relevance to the role and the level applied for (at least 15 characters, in words) for this adverse information',
      'Enter risk assessment (at least 15 characters, in words) for this adverse information',
      'Enter mitigation (at least 15 characters, in words) for this adverse information',
      'Enter reason the information does not prevent clearance (at least 15 characters, in words) for this adverse information',
    ]);
    // Each message sits by its field, and what was typed is kept.
    await expect.poll(() => page.locator('.govuk-form-group--error').count()).toBe(5);
    expect(await page.getByLabel('Reasons for the decision').inputValue()).toBe(
      'An old caution, fully declared, and nothing since: the applicant is suitable.',
    );
    expect(await stored(adverseApplication)).toEqual(before);
    expect(before).toMatchObject({ application: { status: 'open' }, decisions: 0, itemsResolved: 0 });
  }, 240_000);

  test('with a rationale for each part and the conditions, clearance is granted and the decision record shows it', async () => {
    const rationale = {
      'Relevance to the role and the level applied for':
        'Criminal damage is not dishonesty or violence against a person',
      'Risk assessment': 'Low: one incident at seventeen and nothing in the years since',
      Mitigation: 'Declared in full; normal probation supervision and conditions below',
      'Reason the information does not prevent clearance':
        'Isolated, old and declared, so it does not show unsuitability',
    };
    for (const [label, text] of Object.entries(rationale))
      await page.getByRole('textbox', { name: label, exact: true }).fill(text);
    const conditions = 'Declare any police contact at once; review at the end of probation.';
    await page.getByLabel('Conditions or risk-mitigation plan (grant with conditions)').fill(conditions);
    expect(await submitForm(page, 'Record the decision', `/vetting/applications/${adverseApplication}/decision`)).toBe(
      303,
    );
    await page.waitForURL((url) => url.pathname === `/vetting/applications/${adverseApplication}`);
    await shot('granted');
    expect(await stored(adverseApplication)).toMatchObject({
      application: { status: 'granted_with_conditions' },
      decisions: 1,
      itemsResolved: 1,
    });

    await page
      .locator('#decisions')
      .getByRole('link', { name: `Grant with conditions (risk mitigation) on ${formatDate(today)}` })
      .click();
    await page.waitForURL((url) => /^\/vetting\/decisions\/[0-9a-f-]{36}$/.test(url.pathname));
    await shot('grant-record');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Vetting decision: Grant with conditions (risk mitigation)');
    expect(await summaryList(page.locator('.govuk-summary-list').first())).toMatchObject({
      Name: 'Morgan Ellery',
      'Date of birth': formatDate('1995-09-12'),
      Level: 'Recruitment vetting (RV)',
    });
    expect(await rowsOf(page, '#record-checks')).toHaveLength(9);
    expect(await summaryList(page.locator('[id^="record-item-"]'))).toMatchObject({
      Source: 'PNC',
      Description: 'Caution for criminal damage, aged 17',
      Relevance: rationale['Relevance to the role and the level applied for'],
      'Risk assessment': rationale['Risk assessment'],
      Mitigation: rationale.Mitigation,
      Reason: rationale['Reason the information does not prevent clearance'],
    });
    expect(await summaryList(page.locator('#record-decision'))).toMatchObject({
      Decision: 'Grant with conditions (risk mitigation)',
      'Conditions or risk-mitigation plan': conditions,
      'Decision maker': VETTING_NAME,
      'Date of decision': formatDate(today),
      'Appeal rights': 'Clearance granted: there is nothing to appeal.',
    });
  }, 180_000);
});
