import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate, ukToday } from '../../src/kernel/time/dates.ts';
import { addCalendarDays } from '../../src/kernel/time/working-days.ts';
import {
  BARRED_LIST_CLOCK,
  INVESTIGATOR,
  INVESTIGATOR_NAME,
  type Subject,
  TWELVE_MONTH_CLOCK,
  cellTexts,
  fillDate,
  findTenSubjects,
  squash,
  tableRows,
} from './support/case-journey.ts';
import {
  checkPage,
  clearScreenshots,
  launchBrowser,
  signIn,
  startServer,
  type Browser,
  type RunningServer,
} from './support/browser.ts';
import { conductDays, conductSteps } from './support/conduct-case-steps.ts';
import { conductOutcomeSteps } from './support/conduct-outcome-steps.ts';

/**
 * The conduct journey of the issue, in a real browser with JavaScript: a report that ten officers shared
 * discriminatory messages becomes one case with ten subjects; severity is assessed per person (four gross
 * misconduct, six practice requiring improvement); the IOPC referral is recorded; notices are served; the
 * investigation reports; two have a case to answer for gross misconduct and two none, the six go to
 * reflective practice; one goes to a hearing, is found to have committed gross misconduct and is dismissed,
 * which generates the barred-list return with its 5-working-day clock. The 12-month clock for the report to
 * the police and crime commissioner is checked on every visit to the case page. An illegal move (a meeting
 * for gross misconduct) is refused with nothing changed. Then, without JavaScript, the lead investigator
 * opens the same case. Every page is checked with axe and photographed into test-results/.
 */

describe('A conduct case with ten subjects, from the report to the barred list, with JavaScript', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let subjects: Subject[] = [];
  let caseId = '';
  let caseUrl = '';
  let reference = '';
  const started = Date.now();

  const days = conductDays(ukToday(new Date()));
  const { today, cameToAttention, twelveMonthDue, barredListDue } = days;

  let shots = 0;
  /** Every page of the journey, checked with axe and photographed as test-results/case-NN-name.png, in order. */
  const shot = (name: string) => checkPage(page, `case-${String(++shots).padStart(2, '0')}-${name}`);
  const journey = () => ({ page, server, shot, subjects, caseId, caseUrl, reference, days });
  const steps = conductSteps(journey);
  const { gm, pri, trackRow, atCasePage, openAction, applyAlsoTo, submit, statusOf, dbAllegation } = steps;
  const outcomes = conductOutcomeSteps(journey, steps);

  beforeAll(async () => {
    clearScreenshots('case');
    // The demo organisation without its seeded cases: this journey opens its own.
    server = await startServer({ seed: { cases: 0 } });
    browser = await launchBrowser({ javaScriptEnabled: true, baseUrl: server.baseUrl });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    console.log(
      `conduct-case journey: ${steps.visits()} visits to the case page, ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
    );
  });

  test('the appropriate authority opens one case with ten subjects, by their current collar numbers', async () => {
    const found = await findTenSubjects(server);
    ({ caseId, caseUrl, reference } = await steps.openCase(found));
    subjects = await steps.checkTracksAndAllocate(found);
  }, 180_000);

  test('severity is assessed per person: four gross misconduct, six practice requiring improvement', async () => {
    const [first, ...otherGm] = gm();
    const [firstPri, ...otherPri] = pri();
    if (!first || !firstPri) throw new Error('no subjects');

    await openAction(first, 'Assess severity', 'assess-gm');
    await page.getByRole('radio', { name: 'Gross misconduct', exact: true }).check();
    await page
      .getByLabel('Reasons for the assessment')
      .fill('Sharing racist material would, if proved, justify dismissal: it is gross misconduct.');
    await applyAlsoTo(otherGm);
    await submit('Assess severity');
    await atCasePage('assessed-gm');

    await openAction(firstPri, 'Assess severity', 'assess-pri');
    // The four already assessed are in another state, so the form no longer offers them.
    const offered = await page
      .getByRole('group', {
        name: 'Apply the same action to other allegations in this case that are in the same state',
      })
      .getByRole('checkbox')
      .count();
    expect(offered).toBe(5);
    await page.getByRole('radio', { name: 'Practice requiring improvement', exact: true }).check();
    await page
      .getByLabel('Reasons for the assessment')
      .fill('Received the messages and did not challenge or report them: practice requiring improvement.');
    await applyAlsoTo(otherPri);
    await submit('Assess severity');
    await atCasePage('assessed-pri');

    for (const s of gm()) {
      const cells = await cellTexts(trackRow(s));
      expect(cells[1]).toBe('Assessed as gross misconduct');
      expect(cells[2]).toBe('Gross misconduct');
      await expect
        .poll(() => trackRow(s).locator('.govuk-tag').first().getAttribute('class'))
        .toContain('govuk-tag--blue');
    }
    for (const s of pri()) {
      const cells = await cellTexts(trackRow(s));
      expect(cells[1]).toBe('Assessed as practice requiring improvement');
      expect(cells[2]).toBe('Practice requiring improvement');
    }
  }, 180_000);

  test('the gross misconduct allegations are referred to the IOPC, investigated locally, and reported on', async () => {
    await outcomes.investigate();
  }, 240_000);

  test('case to answer for two, no case for two, and reflective practice for the six', async () => {
    await outcomes.decideCaseToAnswer();
  }, 180_000);

  test('a misconduct meeting for gross misconduct is refused, and nothing changes', async () => {
    const b = gm()[1];
    if (!b) throw new Error('no subjects');
    // The case page does not offer it…
    const links = trackRow(b).locator('td').last();
    await expect
      .poll(() => links.getByRole('link', { name: `Arrange a misconduct hearing for ${b.name}`, exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => links.getByRole('link', { name: `Arrange a misconduct meeting for ${b.name}`, exact: true }).count())
      .toBe(0);
    const before = await dbAllegation(b);
    const [{ n: eventsBefore } = { n: -1 }] = await server.database.query<{ n: number }>(
      'select count(*)::int as n from allegation_events where case_id = $1',
      [caseId],
    );

    // …so open its address directly.
    const response = await page.goto(`${caseUrl}/allegations/${b.allegationId}/actions/schedule_meeting`);
    expect(response?.status()).toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Arrange a misconduct meeting: ${b.name}`);
    await expect
      .poll(async () => squash(await page.locator('.govuk-warning-text').textContent()))
      .toContain('This step is not available for this allegation now. If you continue, Probity will say why.');
    await shot('meeting-offered-directly');

    await fillDate(page, 'Date of the misconduct meeting', addCalendarDays(today, 14));
    const [refused] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === 'POST' &&
          new URL(r.url()).pathname === `${caseUrl}/allegations/${b.allegationId}/actions/schedule_meeting`,
      ),
      submit('Arrange a misconduct meeting'),
    ]);
    expect(refused.status()).toBe(422);
    await page.waitForLoadState();
    await shot('meeting-refused');
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.count()).toBe(1);
    await expect
      .poll(async () => squash(await summary.locator('.govuk-error-summary__list').textContent()))
      .toBe('A misconduct meeting cannot hear gross misconduct: schedule a hearing or an accelerated hearing');

    expect(await dbAllegation(b)).toEqual(before);
    const [{ n: eventsAfter } = { n: -2 }] = await server.database.query<{ n: number }>(
      'select count(*)::int as n from allegation_events where case_id = $1',
      [caseId],
    );
    expect(eventsAfter).toBe(eventsBefore);

    await page.getByRole('link', { name: 'Cancel' }).click();
    await atCasePage('after-refusal');
    expect(await statusOf(b)).toBe('A case to answer for gross misconduct');
    expect((await cellTexts(trackRow(b)))[4]).toBe('–');
  }, 180_000);

  test('a hearing finds gross misconduct and dismisses: the barred-list return is generated and its clock runs', async () => {
    const a = gm()[0];
    if (!a) throw new Error('no subjects');

    await outcomes.hearAndDismiss(a);
    await outcomes.checkBarredListReturn(a);
    await outcomes.checkTimeline(a);
  }, 240_000);

  describe('without JavaScript, the lead investigator opens the case', () => {
    let nojs: Browser;

    afterAll(async () => {
      await nojs?.close();
    });

    test('Cases lists it under "My cases", and the case page shows the tracks, the return and the clocks', async () => {
      nojs = await launchBrowser({ javaScriptEnabled: false, baseUrl: server.baseUrl });
      const p = nojs.page;
      await signIn(p, INVESTIGATOR, 'case-nojs-investigator');
      expect(new URL(p.url()).pathname).toBe('/');
      await expect.poll(() => p.locator('body.js-enabled').count()).toBe(0);

      await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cases' }).click();
      await p.waitForURL((url) => url.pathname === '/cases');
      await checkPage(p, 'case-nojs-cases');
      const row = p
        .locator('#case-results tbody tr')
        .filter({ has: p.getByRole('link', { name: reference, exact: true }) });
      await expect.poll(() => row.count()).toBe(1);
      const listed = await cellTexts(row);
      expect(listed.slice(2)).toEqual(['10', '10', INVESTIGATOR_NAME, formatDate(cameToAttention)]);

      await row.getByRole('link', { name: reference, exact: true }).click();
      await p.waitForURL((url) => url.pathname === caseUrl);
      await checkPage(p, 'case-nojs-case');
      await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toContain(`Case ${reference}`);
      await expect.poll(() => p.locator('#tracks tbody tr').count()).toBe(10);
      // The investigator takes no decisions: no allocation form, and no decision among the next steps.
      await expect.poll(() => p.getByLabel('Allocate the case to a lead investigator').count()).toBe(0);
      await expect
        .poll(() =>
          p
            .locator('#tracks')
            .getByRole('link', { name: /^(Arrange a misconduct hearing|Record the sanction) for / })
            .count(),
        )
        .toBe(0);
      const clocks = await tableRows(p, '#clock-table');
      expect(
        clocks.some(
          (r) => r[0]?.startsWith(TWELVE_MONTH_CLOCK) && r[2] === 'Whole case' && r[3] === formatDate(twelveMonthDue),
        ),
      ).toBe(true);
      expect(clocks.some((r) => r[0] === BARRED_LIST_CLOCK && r[3] === formatDate(barredListDue))).toBe(true);
      const dismissed = gm()[0];
      await expect
        .poll(async () => (await p.locator('.govuk-summary-card__title').allTextContents()).map(squash))
        .toEqual([`Police Barred List return: ${dismissed?.name}`]);
    }, 120_000);
  });
});
