import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '../../../src/kernel/time/dates.ts';
import { addCalendarDays, addWorkingDays } from '../../../src/kernel/time/working-days.ts';
import { AA, INVESTIGATOR, INVESTIGATOR_NAME, fillDate, squash } from './case-journey.ts';
import type { RunningServer } from './browser.ts';
import {
  errorMessages,
  fillDateIn,
  rowsOf,
  submitForm,
  summaryList,
  switchUser,
  type Officer,
} from './integrity-journey.ts';

/**
 * Steps of the integrity loop (test/e2e/integrity-loop.e2e.ts) on the case and its restriction: opening the case
 * and recording the arrest, restricting duties; and the pages the journey lands on (for the later decisions too).
 */

export const AA_NAME = 'Alan Authority';
/**
 * The senior rationale must be recorded by someone other than the authority who imposed the restriction, of at
 * least Superintendent rank (restrictions/senior-rationale-rules.ts): the demo's head of PSD, a Chief Superintendent.
 */
export const HEAD_PSD = 'head-psd@westshire.example';
export const HEAD_PSD_NAME = 'Helen Head';
export const RESTRICTED_DUTIES = 'Restricted duties';
export const OPTIONS: [string, 'Yes' | 'No', string][] = [
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
export const CONDITIONS =
  'Office duties only at headquarters; no contact with the public, the complainant or witnesses; no access to the investigation’s records.';

/** The journey's days, from day 0 (the working day before a bank holiday). */
export function loopDays(day0: string) {
  const arrestedOn = addCalendarDays(day0, -1);
  const reviewDay = addCalendarDays(day0, 28);
  return {
    day0,
    arrestedOn,
    /** 3 working days from the oral notice. */
    noticeDue: addWorkingDays(day0, 3),
    reviewDay,
    nextReview: addCalendarDays(reviewDay, 28),
    vettingDue: addCalendarDays(reviewDay, 28),
    appealEnds: addCalendarDays(reviewDay, 14),
    /** Why the officer is flagged. */
    arrestWhy: `arrested on ${formatDate(arrestedOn)}`,
  };
}

/** The case the journey opens. */
export type LoopCase = { caseId: string; caseUrl: string; reference: string; allegationId: string };

export type LoopJourney = LoopCase & {
  page: Page;
  server: RunningServer;
  /** Checks the page with axe and photographs it. */
  shot: (name: string) => Promise<void>;
  officer: Officer;
  reviewId: string;
  days: ReturnType<typeof loopDays>;
};

/** The steps and the pages they land on, over the journey's page, case and officer (read when a step runs). */
export function loopSteps(journey: () => LoopJourney) {
  const subjectSection = () => journey().page.locator('section[id^="subject-"]');

  async function atCasePage(name: string): Promise<void> {
    const { page, caseUrl, reference, shot } = journey();
    await page.waitForURL((url) => url.pathname === caseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(`Case ${reference}`);
    await shot(`case-${name}`);
  }

  async function atRestrictions(name: string): Promise<void> {
    const { page, caseUrl, shot } = journey();
    await page.waitForURL((url) => url.pathname === `${caseUrl}/restrictions`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Suspension and restricted duties');
    await shot(`restrictions-${name}`);
  }

  async function clock(label: string): Promise<string[][]> {
    // The first five columns; the sixth holds the clock's "Change" link for those who may change it.
    return (await rowsOf(journey().page, '#clock-table'))
      .filter((r) => r[0] === label || r[0]?.startsWith(`${label} (`))
      .map((r) => r.slice(0, 5));
  }

  /** The flag banner lines of the case page or the person page. */
  async function bannerFlags(): Promise<string[]> {
    return (await journey().page.locator('#restriction-banner .govuk-warning-text__text').allTextContents()).map(
      squash,
    );
  }

  const flagText = (why: string) => `Serious matter, not suspended, no current senior rationale: ${why}.`;

  const flaggedRows = () => rowsOf(journey().page, '#flagged-table');

  async function openAuthorityLists(name: string): Promise<void> {
    const { page, shot } = journey();
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Restrictions' }).click();
    await page.waitForURL((url) => url.pathname === '/restrictions');
    await shot(`lists-${name}`);
  }

  /** Opens the case of sexual assault against the officer, as the appropriate authority; returns its ids. */
  async function openCase(): Promise<LoopCase> {
    const { page, server, shot, officer } = journey();
    const { arrestedOn } = journey().days;
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
    const caseUrl = new URL(page.url()).pathname;
    const caseId = caseUrl.split('/')[2] ?? '';
    const [row] = await server.database.query<{ reference: string; allegation_id: string }>(
      'select c.reference, a.id as allegation_id from cases c join allegations a on a.case_id = c.id where c.id = $1',
      [caseId],
    );
    const reference = row?.reference ?? '';
    const allegationId = row?.allegation_id ?? '';
    expect(reference).not.toBe('');
    return { caseId, caseUrl, reference, allegationId };
  }

  /** The case is allocated to the investigator, and the arrest recorded: the officer is flagged at once. */
  async function recordArrest(): Promise<void> {
    const { page, shot, officer, caseUrl, reference } = journey();
    const { arrestedOn, arrestWhy } = journey().days;
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
  }

  /** Restricts duties rather than suspending, after a refusal, with every option considered. */
  async function restrictDuties(): Promise<void> {
    const { caseId, page, server, shot, officer, caseUrl } = journey();
    const { day0, arrestWhy } = journey().days;
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
  }

  return {
    subjectSection,
    atCasePage,
    atRestrictions,
    clock,
    bannerFlags,
    flagText,
    flaggedRows,
    openAuthorityLists,
    openCase,
    recordArrest,
    restrictDuties,
  };
}
