import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate, ukToday } from '../../src/kernel/time/dates.ts';
import { addCalendarDays } from '../../src/kernel/time/working-days.ts';
import { sweepAllClocks } from '../../src/features/deadlines/sweep-all-clocks.ts';
import { INVESTIGATOR, squash } from './support/case-journey.ts';
import {
  checkPage,
  clearScreenshots,
  launchBrowser,
  startServer,
  type Browser,
  type RunningServer,
} from './support/browser.ts';
import {
  RESTRICTION_NOTICE_CLOCK,
  RESTRICTION_REVIEW_CLOCK,
  dayBeforeBankHoliday,
  errorMessages,
  findClearedOfficer,
  rowsOf,
  setServerDay,
  submitForm,
  switchUser,
  weekdayBankHolidays,
  type Officer,
} from './support/integrity-journey.ts';
import { HEAD_PSD, HEAD_PSD_NAME, RESTRICTED_DUTIES, loopDays, loopSteps } from './support/integrity-steps.ts';
import { loopDecisionSteps } from './support/integrity-decision-steps.ts';

/**
 * The founding scenario of the integrity loop (issue 4), in a real browser with JavaScript: an officer is
 * arrested over an off-duty sexual offence; the appropriate authority restricts their duties rather than
 * suspending them, recording every option considered; the suspension flag appears on the case, the person
 * page and the authority's lists and asks for a senior rationale, which clears it; 28 days on the review
 * falls due and the flag returns; the review is recorded with a renewed rationale and the flag goes; the
 * severity is assessed as gross misconduct, which opens a vetting review by itself; a case officer sees only
 * that a review is open; the vetting officer withdraws the clearance and the appeal window starts.
 *
 * The journey's first day is the working day before a bank holiday (found from today), so the 3-working-day
 * notice clock is counted over it, while the 28-day review and the 14-day appeal window are calendar days.
 * Every page is checked with axe and photographed into test-results/loop-NN-name.png.
 */

describe('The integrity loop: arrest, restricted duties, the flag, the review, gross misconduct and withdrawal of vetting, with JavaScript', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let officer: Officer;
  let caseId = '';
  let caseUrl = '';
  let reference = '';
  let allegationId = '';
  let reviewId = '';

  /** Day 0 of the journey: the working day before a bank holiday. */
  const days = loopDays(dayBeforeBankHoliday(ukToday(new Date())));
  const { day0, noticeDue, reviewDay, arrestWhy } = days;

  let shots = 0;
  /** Every page of the journey, checked with axe and photographed as test-results/loop-NN-name.png, in order. */
  const shot = (name: string) => checkPage(page, `loop-${String(++shots).padStart(2, '0')}-${name}`);
  const journey = () => ({ page, server, shot, officer, caseId, caseUrl, reference, allegationId, reviewId, days });
  const pages = loopSteps(journey);
  const { atCasePage, atRestrictions, clock, bannerFlags, flagText, flaggedRows, openAuthorityLists } = pages;
  const { subjectSection } = pages;
  const decisions = loopDecisionSteps(journey, pages);

  beforeAll(async () => {
    clearScreenshots('loop');
    server = await startServer({ seed: { cases: 0 } });
    setServerDay(server, day0);
    officer = await findClearedOfficer(server, addCalendarDays(day0, 400));
    browser = await launchBrowser({ javaScriptEnabled: true, baseUrl: server.baseUrl });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the appropriate authority opens a case of sexual assault against the officer and records the arrest', async () => {
    ({ caseId, caseUrl, reference, allegationId } = await pages.openCase());
    await pages.recordArrest();
  }, 180_000);

  test('the appropriate authority restricts duties rather than suspending, with every option considered', async () => {
    await pages.restrictDuties();
  }, 180_000);

  test('the notice clock counts working days over the bank holiday; the written notice meets it', async () => {
    // 3 working days from the oral notice, skipping the weekday bank holidays in between.
    const skipped = weekdayBankHolidays(day0, noticeDue);
    expect(skipped.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: `Case ${reference}` }).click();
    await atCasePage('restricted');
    expect(await clock(RESTRICTION_NOTICE_CLOCK)).toEqual([
      [RESTRICTION_NOTICE_CLOCK, '3 working days', officer.name, formatDate(noticeDue), 'Running'],
    ]);
    // The review is 28 calendar days: the bank holidays it spans do not move it.
    expect(weekdayBankHolidays(day0, reviewDay)).toEqual(expect.arrayContaining(skipped));
    expect(await clock(RESTRICTION_REVIEW_CLOCK)).toEqual([
      [RESTRICTION_REVIEW_CLOCK, '28 days', officer.name, formatDate(reviewDay), 'Running'],
    ]);
    expect(squash(await page.locator('#restriction-banner li').textContent())).toBe(
      `${officer.name}: Restricted: restricted duties since ${formatDate(day0)}`,
    );
    expect(await bannerFlags()).toEqual([`Warning Flagged: ${officer.name}. ${flagText(arrestWhy)}`]);

    await page.locator('#restriction-banner').getByRole('link', { name: 'Suspension and restricted duties' }).click();
    await atRestrictions('before-notice');
    await page.getByRole('link', { name: `Record the written notice for ${officer.name}` }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/notice'));
    await shot('notice-form');
    expect(await submitForm(page, 'Record the written notice')).toBe(303);
    await atRestrictions('notice-recorded');
    await page.getByRole('link', { name: `Case ${reference}` }).click();
    await atCasePage('notice-met');
    expect((await clock(RESTRICTION_NOTICE_CLOCK)).map((r) => r[4])).toEqual(['Met']);
  }, 120_000);

  test('the flag shows on the person page and on the authority’s list', async () => {
    await page.locator('#tracks').getByRole('link', { name: officer.name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/people/${officer.personId}`);
    await shot('person-flagged');
    expect(await bannerFlags()).toEqual([`Warning Flagged in case ${reference}. ${flagText(arrestWhy)}`]);
    expect(squash(await page.locator('#restriction-banner li').textContent())).toBe(
      `Restricted: restricted duties since ${formatDate(day0)} in case ${reference}`,
    );

    await openAuthorityLists('flagged');
    expect(await flaggedRows()).toEqual([[officer.name, reference, arrestWhy, RESTRICTED_DUTIES]]);
    expect(await rowsOf(page, '#in-force-restricted_duties')).toEqual([
      [officer.name, reference, formatDate(day0), '0', formatDate(reviewDay)],
    ]);
  }, 120_000);

  test('a senior decision maker records the rationale, and the flag clears everywhere', async () => {
    // Not the authority who imposed the restriction: the head of PSD signs in.
    await switchUser(page, HEAD_PSD, 'loop-head-psd');
    await openAuthorityLists('flagged-head-psd');
    await page.locator('#flagged-table').getByRole('link', { name: reference }).click();
    await atRestrictions('from-list');
    await page.getByRole('button', { name: 'Record senior rationale' }).click();
    await page.waitForURL(
      (url) => url.pathname.startsWith(`${caseUrl}/subjects/`) && url.pathname.endsWith('/rationale'),
    );
    await shot('rationale-form');
    expect(squash(await page.locator('.govuk-warning-text__text').textContent())).toBe(
      `Warning Serious matter, not suspended: ${arrestWhy}.`,
    );

    // An empty rationale is refused with a message, and nothing is recorded.
    expect(await submitForm(page, 'Record the rationale')).toBe(400);
    await shot('rationale-refused');
    expect(await errorMessages(page)).toEqual(['Give the reasons why a measure short of suspension is enough']);

    const rationale =
      'Bail conditions forbid contact with the complainant; the officer works in an office with no public contact. Suspension adds nothing to that protection.';
    await page.getByLabel('Rationale', { exact: true }).fill(rationale);
    expect(await submitForm(page, 'Record the rationale')).toBe(303);
    await atRestrictions('answered');
    await expect
      .poll(async () => squash(await subjectSection().locator(':scope > h2').textContent()))
      .toBe(officer.name);
    expect(squash(await page.locator('.govuk-inset-text').first().textContent())).toBe(
      `Serious matter, not suspended (${arrestWhy}): a senior rationale answers the flag until ${formatDate(reviewDay)}, when the restriction is next reviewed.`,
    );
    expect(await rowsOf(page, '[id^="rationales-"]')).toEqual([
      [formatDate(day0), formatDate(reviewDay), HEAD_PSD_NAME, rationale],
    ]);

    await page.getByRole('link', { name: `Case ${reference}` }).click();
    await atCasePage('answered');
    expect(await bannerFlags()).toEqual([]);
    await page.locator('#tracks').getByRole('link', { name: officer.name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/people/${officer.personId}`);
    await shot('person-answered');
    expect(await bannerFlags()).toEqual([]);
    await openAuthorityLists('answered');
    expect(await flaggedRows()).toEqual([]);
    expect(squash(await page.locator('#flagged ~ p.govuk-body').nth(1).textContent())).toBe('Nobody is flagged.');
  }, 120_000);

  test('28 days on, the review falls due: it is listed as due, and the flag returns', async () => {
    setServerDay(server, reviewDay);
    // What the scheduled `probity clocks sweep` does each day.
    const swept = await sweepAllClocks(server.deps, { today: reviewDay });
    expect(swept.cases.markedDue).toBeGreaterThanOrEqual(1);
    // The session has timed out meanwhile: the head of PSD signs in again (the review renews the rationale,
    // which the authority who imposed the restriction may not record).
    await switchUser(page, HEAD_PSD, 'loop-28-head-psd');

    await openAuthorityLists('review-due');
    expect(await flaggedRows()).toEqual([[officer.name, reference, arrestWhy, RESTRICTED_DUTIES]]);
    expect(await rowsOf(page, '#reviews-table')).toEqual([
      [officer.name, reference, RESTRICTED_DUTIES, formatDate(reviewDay), 'Due today'],
    ]);

    await page.locator('#reviews-table').getByRole('link', { name: reference }).click();
    await atRestrictions('review-due');
    await expect
      .poll(async () => squash(await subjectSection().locator(':scope > h2').textContent()))
      .toBe(`${officer.name} Flagged: not suspended`);
    expect(await rowsOf(page, '[id^="rationales-"]')).toEqual([
      [formatDate(day0), `${formatDate(reviewDay)} (lapsed)`, HEAD_PSD_NAME, expect.any(String)],
    ]);

    await page.getByRole('link', { name: `Case ${reference}` }).click();
    await atCasePage('review-due');
    expect(await clock(RESTRICTION_REVIEW_CLOCK)).toEqual([
      [RESTRICTION_REVIEW_CLOCK, '28 days', officer.name, formatDate(reviewDay), 'Due'],
    ]);
    expect(await bannerFlags()).toEqual([`Warning Flagged: ${officer.name}. ${flagText(arrestWhy)}`]);
  }, 120_000);

  test('the review is recorded: the reasons still hold, the rationale is renewed, and the flag goes', async () => {
    await decisions.recordReview();
  }, 120_000);

  test('the severity is assessed as gross misconduct, and a vetting review opens by itself', async () => {
    reviewId = await decisions.assessGrossMisconduct();
  }, 180_000);

  test('a case officer without a vetting role sees nothing about vetting, not even that a review is open', async () => {
    await switchUser(page, INVESTIGATOR, 'loop-investigator');
    await page.goto(`/people/${officer.personId}`);
    await shot('investigator-person');
    expect(await page.locator('#vetting-notice').count()).toBe(0);
    const main = squash(await page.locator('main').textContent());
    for (const secret of [
      'Gross misconduct assessment',
      'Duties restricted or suspended',
      'Recruitment vetting',
      'clearance',
      'Vetting file',
      'Vetting review',
    ])
      expect(main).not.toContain(secret);
    expect(await page.locator('main a[href^="/vetting"]').count()).toBe(0);

    // The review itself and the vetting file answer exactly as a missing record does.
    const missing = await page.goto('/vetting/reviews/00000000-0000-4000-8000-000000000000');
    const missingHeading = await page.getByRole('heading', { level: 1 }).textContent();
    const refused = await page.goto(`/vetting/reviews/${reviewId}`);
    await shot('investigator-review-refused');
    expect([missing?.status(), refused?.status()]).toEqual([404, 404]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(missingHeading);
    expect((await page.goto(`/vetting/people/${officer.personId}`))?.status()).toBe(404);
  }, 120_000);

  test('the vetting officer withdraws the clearance, and the officer’s appeal window starts', async () => {
    await decisions.withdrawClearance();
  }, 180_000);
});
