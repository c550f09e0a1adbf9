import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate, ukToday } from '../../src/kernel/time/dates.ts';
import { addCalendarDays, addWorkingDays } from '../../src/kernel/time/working-days.ts';
import { sweepAllClocks } from '../../src/features/deadlines/sweep-all-clocks.ts';
import {
  AA,
  INVESTIGATOR,
  INVESTIGATOR_NAME,
  actionSlug,
  cellTexts,
  fillDate,
  squash,
} from './support/case-journey.ts';
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
  VETTING,
  VETTING_NAME,
  dayBeforeBankHoliday,
  errorMessages,
  fillDateIn,
  findClearedOfficer,
  rowsOf,
  setServerDay,
  submitForm,
  summaryList,
  switchUser,
  weekdayBankHolidays,
  type Officer,
} from './support/integrity-journey.ts';

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

const AA_NAME = 'Alan Authority';
/**
 * The senior rationale must be recorded by someone other than the authority who imposed the restriction, of at
 * least Superintendent rank (restrictions/senior-rationale-rules.ts): the demo's head of PSD, a Chief Superintendent.
 */
const HEAD_PSD = 'head-psd@westshire.example';
const HEAD_PSD_NAME = 'Helen Head';
const RESTRICTED_DUTIES = 'Restricted duties';
const OPTIONS: [string, 'Yes' | 'No', string][] = [
  [
    'Temporary redeployment to alternative duties or location',
    'Yes',
    'Considered: a desk role away from the public is enough with the conditions below.',
  ],
  [RESTRICTED_DUTIES, 'Yes', 'Chosen: no public contact, no lone working, no access to the complainant’s records.'],
  ['Removed from public-facing role', 'Yes', 'Covered by the conditions of restricted duties.'],
  ['Firearms authority withdrawn', 'No', 'Not an authorised firearms officer.'],
  [
    'Restricted access to IT systems',
    'Yes',
    'Part of the conditions: no access to the crime system record of the investigation.',
  ],
  ['Repositioned', 'No', 'Not needed once duties are restricted.'],
  [
    'Suspension (regulation 11)',
    'Yes',
    'Not necessary: bail conditions and restricted duties protect the investigation and the public.',
  ],
];
const CONDITIONS =
  'Office duties only at headquarters; no contact with the public, the complainant or witnesses; no access to the investigation’s records.';

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
  const day0 = dayBeforeBankHoliday(ukToday(new Date()));
  const arrestedOn = addCalendarDays(day0, -1);
  const noticeDue = addWorkingDays(day0, 3);
  const reviewDay = addCalendarDays(day0, 28);
  const nextReview = addCalendarDays(reviewDay, 28);
  const vettingDue = addCalendarDays(reviewDay, 28);
  const appealEnds = addCalendarDays(reviewDay, 14);

  let shots = 0;
  /** Every page of the journey, checked with axe and photographed as test-results/loop-NN-name.png, in order. */
  const shot = (name: string) => checkPage(page, `loop-${String(++shots).padStart(2, '0')}-${name}`);
  const restrictionsUrl = () => `${caseUrl}/restrictions`;
  const subjectSection = () => page.locator('section[id^="subject-"]');

  async function atCasePage(name: string): Promise<void> {
    await page.waitForURL((url) => url.pathname === caseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(`Case ${reference}`);
    await shot(`case-${name}`);
  }

  async function atRestrictions(name: string): Promise<void> {
    await page.waitForURL((url) => url.pathname === restrictionsUrl());
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Suspension and restricted duties');
    await shot(`restrictions-${name}`);
  }

  async function clock(label: string): Promise<string[][]> {
    // The first five columns; the sixth holds the clock's "Change" link for those who may change it.
    return (await rowsOf(page, '#clock-table'))
      .filter((r) => r[0] === label || r[0]?.startsWith(`${label} (`))
      .map((r) => r.slice(0, 5));
  }

  /** The flag banner lines of the case page or the person page. */
  async function bannerFlags(): Promise<string[]> {
    return (await page.locator('#restriction-banner .govuk-warning-text__text').allTextContents()).map(squash);
  }

  const flagText = (why: string) => `Serious matter, not suspended, no current senior rationale: ${why}.`;
  const arrestWhy = `arrested on ${formatDate(arrestedOn)}`;

  const flaggedRows = () => rowsOf(page, '#flagged-table');

  async function openAuthorityLists(name: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Restrictions' }).click();
    await page.waitForURL((url) => url.pathname === '/restrictions');
    await shot(`lists-${name}`);
  }

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
    await switchUser(page, AA, 'loop-00-aa');
    await expect.poll(() => page.locator('body.js-enabled').count()).toBe(1);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cases' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.waitForURL((url) => url.pathname === '/cases/new');
    await shot('open-case');

    await page.getByRole('radio', { name: 'Criminal investigation', exact: true }).check();
    await page.getByRole('radio', { name: 'Recordable conduct matter', exact: true }).check();
    await fillDate(page, /When did the matter come to the appropriate authority’s attention\?/, arrestedOn);
    await page.getByLabel('Summary of the matter').fill('Officer arrested over an off-duty sexual assault');
    await page.getByRole('textbox', { name: 'Subjects', exact: true }).fill(officer.collar);
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Sexual assault' });
    expect(await page.locator('#categoryCode').inputValue()).toBe('sexual_conduct.assault');
    await page.getByRole('checkbox', { name: 'Discreditable conduct', exact: true }).check();
    await page
      .getByLabel('Describe the alleged conduct')
      .fill('Arrested at home, off duty, on suspicion of sexually assaulting an acquaintance after a night out.');
    expect(await submitForm(page, 'Open the case', '/cases/new')).toBe(303);
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    caseUrl = new URL(page.url()).pathname;
    caseId = caseUrl.split('/')[2] ?? '';
    const [row] = await server.database.query<{ reference: string; allegation_id: string }>(
      'select c.reference, a.id as allegation_id from cases c join allegations a on a.case_id = c.id where c.id = $1',
      [caseId],
    );
    reference = row?.reference ?? '';
    allegationId = row?.allegation_id ?? '';
    expect(reference).not.toBe('');
    await atCasePage('opened');
    expect(await bannerFlags()).toEqual([]);

    // The investigator becomes the case officer (they look at the person later).
    await page
      .getByLabel('Allocate the case to a lead investigator')
      .selectOption({ label: `${INVESTIGATOR_NAME} (${INVESTIGATOR})` });
    await submitForm(page, 'Allocate');
    await atCasePage('allocated');

    await page.getByRole('link', { name: 'Criminal proceedings and sub judice periods' }).click();
    await page.waitForURL((url) => url.pathname === `${caseUrl}/criminal`);
    await shot('criminal');
    await page.getByLabel('Subject', { exact: true }).selectOption({ label: officer.name });
    await page.getByRole('radio', { name: 'Arrested', exact: true }).check();
    await fillDate(page, 'When did it happen?', arrestedOn);
    await page
      .getByLabel('Details (optional)')
      .fill('Arrested on suspicion of sexual assault; released on police bail with conditions.');
    expect(await submitForm(page, 'Record', `${caseUrl}/criminal`)).toBe(303);
    await page.waitForURL((url) => url.pathname === `${caseUrl}/criminal`);
    await shot('criminal-recorded');
    expect(await rowsOf(page, '#criminal-events')).toEqual([
      [
        formatDate(arrestedOn),
        officer.name,
        'Arrested Arrested on suspicion of sexual assault; released on police bail with conditions.',
        'None',
      ],
    ]);

    // An arrest in a serious category, and no suspension: the case page flags the officer at once.
    await page.getByRole('link', { name: `Case ${reference}` }).click();
    await atCasePage('flagged-on-arrest');
    expect(await bannerFlags()).toEqual([`Warning Flagged: ${officer.name}. ${flagText(arrestWhy)}`]);
  }, 180_000);

  test('the appropriate authority restricts duties rather than suspending, with every option considered', async () => {
    await page.locator('#restriction-banner').getByRole('link', { name: 'Suspension and restricted duties' }).click();
    await atRestrictions('before');
    const section = subjectSection();
    await expect
      .poll(async () => squash(await section.locator(':scope > h2').textContent()))
      .toBe(`${officer.name} Flagged: not suspended`);
    expect(squash(await section.locator('.probity-flag').textContent())).toContain(`(${arrestWhy})`);
    expect(squash(await section.locator('p.govuk-body').first().textContent())).toBe('No restriction is in force.');

    await section.getByRole('button', { name: 'Restrict duties or suspend' }).click();
    await page.waitForURL((url) => url.pathname === `${caseUrl}/restrictions/new`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Restrict duties or suspend');
    await shot('impose-form');

    // Nothing chosen at all: every missing part is named, and nothing is written.
    await page
      .getByRole('group', { name: 'Which restriction?' })
      .getByRole('radio', { name: RESTRICTED_DUTIES, exact: true })
      .check();
    expect(await submitForm(page, 'Record the decision', `${caseUrl}/restrictions`)).toBe(400);
    await shot('impose-refused');
    const refusal = await errorMessages(page);
    expect(refusal).toContain('Say whether you considered suspension (regulation 11)');
    expect(refusal).toContain('Say whether you considered restricted duties');
    const [{ n: none } = { n: -1 }] = await server.database.query<{ n: number }>(
      'select count(*)::int as n from duty_restrictions where case_id = $1',
      [caseId],
    );
    expect(none).toBe(0);

    for (const [option, considered, reason] of OPTIONS) {
      const group = page.getByRole('group', { name: option, exact: true });
      await group.getByRole('radio', { name: considered, exact: true }).check();
      await group.getByLabel('Why it was or was not chosen').fill(reason);
    }
    await page.getByLabel('Conditions', { exact: true }).fill(CONDITIONS);
    await page
      .getByLabel('Reasons for the decision')
      .fill(
        'Bail conditions keep the officer away from the complainant; restricted duties protect the public and the investigation. Suspension would be disproportionate while the officer can work safely away from the public.',
      );
    await page
      .getByRole('group', { name: 'Has the officer been told?' })
      .getByRole('radio', { name: 'Yes, orally (written confirmation still to follow)' })
      .check();
    await fillDateIn(page.getByRole('group', { name: 'Date the officer was told' }), day0);
    expect(await submitForm(page, 'Record the decision', `${caseUrl}/restrictions`)).toBe(303);
    await atRestrictions('imposed');

    // The decision record: what is in force, from when, by whom, the notice and the next review…
    const current = await summaryList(page.locator('[id^="current-"]'));
    expect(current).toMatchObject({
      Restriction: RESTRICTED_DUTIES,
      'In force since': `${formatDate(day0)} (0 days)`,
      Decided: `${formatDate(day0)} by ${AA_NAME}`,
      Conditions: CONDITIONS,
      'Next review': formatDate(addCalendarDays(day0, 28)),
    });
    // …and every option considered, with the reasons.
    await page.getByText('Options considered', { exact: true }).click();
    expect(await rowsOf(page, 'section details table')).toEqual(OPTIONS.map(([o, c, r]) => [o, c, r]));
    expect((await rowsOf(page, '[id^="history-"]')).map((r) => r.slice(0, 3))).toEqual([
      [formatDate(day0), 'Imposed: restricted duties', AA_NAME],
    ]);

    // Not suspended: the flag stays, and asks for a senior rationale.
    await expect
      .poll(async () => squash(await subjectSection().locator(':scope > h2').textContent()))
      .toBe(`${officer.name} Flagged: not suspended`);
    expect(squash(await page.locator('.probity-flag').textContent())).toBe(
      `! Warning Serious matter, not suspended, and no current senior rationale (${arrestWhy}). Suspend, or a senior decision maker must record why a lesser measure is enough.`,
    );
    await expect.poll(() => page.getByRole('button', { name: 'Record senior rationale' }).count()).toBe(1);
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
    await page.locator('#restriction-banner').getByRole('link', { name: 'Suspension and restricted duties' }).click();
    await atRestrictions('before-review');
    await page.getByRole('link', { name: `Review for ${officer.name}` }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/review'));
    await shot('review-form');
    const outcome = page.getByRole('group', { name: 'What happens to the restriction?' });
    expect(await outcome.getByRole('radio', { name: 'It continues' }).isChecked()).toBe(true);
    expect(squash(await outcome.locator('#outcome-item-hint').textContent())).toBe(
      `The next review is due ${formatDate(nextReview)} if reviewed today`,
    );

    await page
      .getByRole('group', { name: 'Do the reasons for the restriction still hold?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page
      .getByLabel('Reasons', { exact: true })
      .fill('The investigation continues and the bail conditions remain; the risk to the public is unchanged.');
    await page
      .getByRole('group', { name: 'Was the officer told of the review and able to make representations?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.getByLabel('The officer’s representations (optional)').fill('Asks to return to response duties.');
    await page
      .getByLabel('Renewed reasons why a measure short of suspension is enough')
      .fill(
        'Public contact is still excluded and the complainant is protected by bail conditions; suspension is still not needed.',
      );
    expect(await submitForm(page, 'Record the review')).toBe(303);
    await atRestrictions('reviewed');

    await expect
      .poll(async () => squash(await subjectSection().locator(':scope > h2').textContent()))
      .toBe(officer.name);
    expect(await summaryList(page.locator('[id^="current-"]'))).toMatchObject({
      'Next review': formatDate(nextReview),
    });
    expect((await rowsOf(page, '[id^="history-"]'))[0]?.slice(0, 3)).toEqual([
      formatDate(reviewDay),
      expect.stringMatching(/review/i),
      HEAD_PSD_NAME,
    ]);
    expect((await rowsOf(page, '[id^="rationales-"]'))[0]?.slice(0, 3)).toEqual([
      formatDate(reviewDay),
      formatDate(nextReview),
      HEAD_PSD_NAME,
    ]);

    await page.getByRole('link', { name: `Case ${reference}` }).click();
    await atCasePage('reviewed');
    expect((await clock(RESTRICTION_REVIEW_CLOCK)).map((r) => [r[3], r[4]])).toEqual(
      expect.arrayContaining([
        [formatDate(reviewDay), 'Met'],
        [formatDate(nextReview), 'Running'],
      ]),
    );
    expect(await bannerFlags()).toEqual([]);
    await openAuthorityLists('reviewed');
    expect(await flaggedRows()).toEqual([]);
    expect(await page.locator('#reviews-table').count()).toBe(0);
  }, 120_000);

  test('the severity is assessed as gross misconduct, and a vetting review opens by itself', async () => {
    await page.goto(caseUrl);
    await atCasePage('before-assessment');
    const track = page
      .locator('#tracks tbody tr')
      .filter({ has: page.locator(`a[href="/people/${officer.personId}"]`) });
    await track.getByRole('link', { name: `Assess severity for ${officer.name}`, exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname === `${caseUrl}/allegations/${allegationId}/actions/${actionSlug('Assess severity')}`,
    );
    await shot('assess-form');
    await page.getByRole('radio', { name: 'Gross misconduct', exact: true }).check();
    await page
      .getByLabel('Reasons for the assessment')
      .fill('Sexual assault, if proved, would justify dismissal: gross misconduct.');
    expect(await submitForm(page, 'Assess severity')).toBe(303);
    await atCasePage('assessed');
    expect((await cellTexts(track))[1]).toBe('Assessed as gross misconduct');

    await switchUser(page, VETTING, 'loop-vetting');
    await page.goto('/vetting/reviews');
    await shot('vetting-reviews');
    await page.getByLabel('Trigger').selectOption({ label: 'Gross misconduct assessment' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('trigger') === 'gross_misconduct_assessment');
    await shot('vetting-reviews-gross-misconduct');
    expect(await rowsOf(page, '#review-results')).toEqual([
      [
        officer.name,
        `Gross misconduct assessment Case ${reference}`,
        formatDate(reviewDay),
        `${formatDate(vettingDue)} Due in 28 days`,
        'Not assigned',
      ],
    ]);
    // The restriction opened one too, on the day it was imposed.
    await page.getByLabel('Trigger').selectOption({ label: 'Duties restricted or suspended' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('trigger') === 'restriction_imposed');
    await shot('vetting-reviews-restriction');
    expect((await rowsOf(page, '#review-results')).map((r) => r.slice(0, 3))).toEqual([
      [officer.name, `Duties restricted or suspended Case ${reference}`, formatDate(day0)],
    ]);

    await page.getByLabel('Trigger').selectOption({ label: 'Gross misconduct assessment' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('trigger') === 'gross_misconduct_assessment');
    await page.locator('#review-results').getByRole('link', { name: officer.name }).click();
    await page.waitForURL((url) => /^\/vetting\/reviews\/[0-9a-f-]{36}$/.test(url.pathname));
    reviewId = new URL(page.url()).pathname.split('/')[3] ?? '';
    await shot('vetting-review');
    expect(await summaryList(page.locator('.govuk-summary-list').first())).toMatchObject({
      Person: officer.name,
      Trigger: 'Gross misconduct assessment',
      Source: `Conduct case ${reference}`,
      Opened: formatDate(reviewDay),
      Due: `${formatDate(vettingDue)} Due in 28 days`,
      Status: 'Open',
    });
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
    await switchUser(page, VETTING, 'loop-vetting-decides');
    await page.goto(`/vetting/reviews/${reviewId}`);
    await shot('review-before-decision');
    expect((await rowsOf(page, '#clearances')).map((r) => r.slice(0, 2))).toEqual([
      [expect.stringContaining(`(${officer.clearanceLevel})`), 'Active'],
    ]);

    const withdraw = page.getByRole('radio', { name: 'Withdraw the clearance (Police (Vetting) Regulations 2025)' });
    await withdraw.check();
    await page
      .getByLabel('Rationale for the decision')
      .fill(
        'Gross misconduct assessed for a sexual assault while the officer is on bail: the clearance cannot be maintained.',
      );
    // Without the withdrawal assessment the decision is refused, field by field, and nothing changes.
    expect(await submitForm(page, 'Record the decision', `/vetting/reviews/${reviewId}/decision`)).toBe(400);
    await shot('withdrawal-refused');
    expect(await errorMessages(page)).toEqual(
      expect.arrayContaining([
        'Confirm the harm test was considered before deciding what the officer is told',
        'Enter the date the officer was told of the withdrawal assessment',
        'Confirm the officer was told they may be accompanied by a police friend',
      ]),
    );
    const [{ n: decisions } = { n: -1 }] = await server.database.query<{ n: number }>(
      'select count(*)::int as n from vetting_decisions where review_id = $1',
      [reviewId],
    );
    expect(decisions).toBe(0);

    await page
      .getByRole('checkbox', { name: 'The harm test was considered before deciding what the officer is told' })
      .check();
    await page
      .getByLabel('What is withheld from the officer under the harm test, and why (optional)')
      .fill('The complainant’s account, while the criminal investigation continues.');
    await fillDateIn(
      page.getByRole('group', { name: 'Date the officer was told of the withdrawal assessment' }),
      reviewDay,
    );
    await page
      .getByRole('checkbox', { name: 'The officer was told they may be accompanied by a police friend' })
      .check();
    await page.getByLabel('Police friend (optional)').fill('PC Dana Friend');
    await page
      .getByLabel('Reasons to be sent to the officer')
      .fill('Your clearance is withdrawn because of the gross misconduct assessment and the criminal investigation.');
    expect(await submitForm(page, 'Record the decision', `/vetting/reviews/${reviewId}/decision`)).toBe(303);
    await page.waitForURL((url) => url.pathname === `/vetting/reviews/${reviewId}`);
    await shot('review-decided');

    expect(await summaryList(page.locator('#decision'))).toMatchObject({
      Outcome: 'Withdraw the clearance (Police (Vetting) Regulations 2025)',
      'Decided on': formatDate(reviewDay),
      'Decision maker': VETTING_NAME,
      'Harm test considered': 'Yes',
      'Officer told of the assessment': formatDate(reviewDay),
      'Police friend': 'PC Dana Friend (right explained)',
      'Appeal window ends': formatDate(appealEnds),
    });
    expect(await summaryList(page.locator('.govuk-summary-list').first())).toMatchObject({ Status: 'Completed' });
    expect((await rowsOf(page, '#clearances')).map((r) => r[1])).toEqual([`Withdrawn (${formatDate(reviewDay)})`]);

    // The decision record (after APP Appendix K) says until when the officer may appeal, and takes the appeal.
    await page.getByRole('link', { name: 'Decision record and appeal' }).click();
    await page.waitForURL((url) => /^\/vetting\/decisions\/[0-9a-f-]{36}$/.test(url.pathname));
    await shot('decision-record');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vetting decision: Withdraw');
    expect(await summaryList(page.locator('.govuk-summary-list').first())).toMatchObject({
      Name: officer.name,
      Review: `Gross misconduct assessment, opened ${formatDate(reviewDay)}`,
      Source: `Conduct case ${reference}`,
    });
    expect(await summaryList(page.locator('#record-decision'))).toMatchObject({
      Decision: 'Withdraw',
      'Harm test considered': 'Yes',
      'Officer told of the assessment': formatDate(reviewDay),
      'Decision maker': VETTING_NAME,
      'Appeal rights': `An appeal may be made until ${formatDate(appealEnds)}.`,
    });
    expect(squash(await page.locator('#appeals + p').textContent())).toBe(
      `The window to appeal ends on ${formatDate(appealEnds)}.`,
    );
    await expect.poll(() => page.getByRole('button', { name: 'Record the appeal' }).count()).toBe(1);

    // Its clock: the officer's own withdrawal appeal window (14 calendar days by default [R]), running.
    const decisionId = new URL(page.url()).pathname.split('/')[3] ?? '';
    expect(
      await server.database.query(
        "select period, started_on::text, due_on::text, state from clocks where owner_kind = 'vetting' and subject_key = $1",
        [`decision:${decisionId}`],
      ),
    ).toEqual([{ period: 'vetting_withdrawal_appeal', started_on: reviewDay, due_on: appealEnds, state: 'running' }]);
  }, 180_000);
});
