import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Principal } from '../../src/kernel/access/principal.ts';
import { formatDate, ukToday } from '../../src/kernel/time/dates.ts';
import { addCalendarDays } from '../../src/kernel/time/working-days.ts';
import { AA, type Subject, cellTexts, findTenSubjects, squash } from './support/case-journey.ts';
import {
  clearScreenshots,
  launchBrowser,
  signIn,
  startServer,
  type Browser,
  type RunningServer,
} from './support/browser.ts';
import { CaseworkPage, errorSummaryText, timelineEntries } from './support/casework-steps.ts';
import { arrangeHearing, extendPreHearingClock, writeAndReadLetters } from './support/casework-hearing.ts';
import { caseOfTenSubjects, principalByEmail, setServerDay } from './support/casework-world.ts';

/**
 * The casework journey of issue 17, in a real browser WITHOUT JavaScript: the appropriate authority's home
 * shows the task waiting for them; they open the ten-subject case from it; take off a subject entered by
 * mistake (kept, "recorded in error", because they had been assessed); add a second allegation; arrange one
 * hearing for four officers; extend the pre-hearing time limit with the chair's reason; are refused a finding
 * before the hearing day; on the hearing day record the finding; and write the outcome letters, read as HTML
 * and downloaded as PDF. Every page is checked with axe (through the no-JavaScript inspector of
 * support/browser.ts) and photographed into test-results/casework-NN-*.png.
 *
 * What happened before the journey (the case opened months ago and four officers taken to a case to answer)
 * is set up through the use cases the pages call (support/casework-steps.ts). The server's "today" is set
 * (as integrity-loop.e2e.ts does) so that the journey can move to the hearing day.
 */

describe('Casework without JavaScript: from the home page to the outcome letter (issue 17)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let aa: Principal;
  let subjects: Subject[] = [];
  let caseId = '';
  let caseUrl = '';
  let reference = '';
  const started = Date.now();

  const today = ukToday(new Date());
  const cameToAttention = addCalendarDays(today, -200);
  const hearingDay = addCalendarDays(today, 14);
  const extendedTo = addCalendarDays(today, 42);
  const extensionReason = 'The chair extended the pre-hearing: the officer’s representative is on leave until then';
  const mistakeReason = 'The wrong officer was chosen: collar number re-issued to a colleague';

  let j: CaseworkPage;
  const four = () => subjects.slice(0, 4);
  const mistaken = () => {
    const s = subjects[9];
    if (!s) throw new Error('no subjects');
    return s;
  };
  const first = () => {
    const s = subjects[0];
    if (!s) throw new Error('no subjects');
    return s;
  };

  beforeAll(async () => {
    clearScreenshots('casework');
    server = await startServer({ seed: { cases: 0 } });
    setServerDay(server, today);
    aa = await principalByEmail(server, AA);
    const found = await findTenSubjects(server);
    ({ caseId, reference, subjects } = await caseOfTenSubjects(server, aa, found, cameToAttention));
    caseUrl = `/cases/${caseId}`;
    browser = await launchBrowser({ javaScriptEnabled: false, baseUrl: server.baseUrl });
    page = browser.page;
    j = new CaseworkPage(page, caseUrl, reference);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    console.log(
      `casework journey: ${j?.shots ?? 0} pages checked, ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
    );
  });

  test("the appropriate authority's home shows the task, and opens the ten-subject case from it", async () => {
    await signIn(page, AA, 'casework-00-aa');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.locator('body.js-enabled').count()).toBe(0);
    await j.shot('home');

    const task = (title: string) =>
      page.locator('#work-queue .govuk-task-list__item').filter({ has: page.getByRole('link', { name: title }) });
    const count = async (title: string) => squash(await task(title).locator('.govuk-tag').textContent());
    // Four officers of one case wait for a hearing; five others (and the mistaken tenth's case) for assessment.
    expect(await count('Cases to answer waiting for a meeting or hearing')).toBe('1');
    expect(await count('Allegations to assess')).toBe('1');
    expect(await count('Reports waiting for the case-to-answer decision')).toBe('0');

    await task('Cases to answer waiting for a meeting or hearing')
      .getByRole('link', { name: 'Cases to answer waiting for a meeting or hearing' })
      .click();
    await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.getAll('stage').length > 0);
    await j.shot('cases-to-answer');
    const rows = page.locator('#case-results tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.getByRole('link', { name: reference, exact: true }).click();
    await j.atCasePage('opened');

    expect(squash(await page.locator('.govuk-body-l').first().textContent())).toContain('offensive messages');
    await expect.poll(() => page.locator('#subject-list > li').count()).toBe(10);
    await expect.poll(() => page.locator('#tracks tbody tr').count()).toBe(10);
    for (const s of four()) expect((await cellTexts(j.firstTrack(s)))[1]).toBe('A case to answer for gross misconduct');
    expect((await cellTexts(j.firstTrack(mistaken())))[1]).toBe('Assessed as misconduct');
    for (const s of subjects.slice(4, 9))
      expect((await cellTexts(j.firstTrack(s)))[1]).toBe('Received and not yet assessed');
  }, 240_000);

  test('a subject entered by mistake is taken off: kept, marked "recorded in error" with the reason', async () => {
    const s = mistaken();
    const item = page.locator('#subject-list > li').filter({ has: page.locator(`a[href="/people/${s.personId}"]`) });
    await item.getByRole('link', { name: `Take off the case (${s.name})` }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/remove'));
    await expect.poll(j.h1).toBe(`Take ${s.name} off case ${reference}`);
    await j.shot('remove-subject');

    // Without a reason: refused in words, nothing changed.
    await j.submit('Take the subject off the case');
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await j.shot('remove-subject-no-reason');
    expect(await errorSummaryText(page)).not.toBe('');

    await page.getByLabel('Why was this subject entered by mistake?').fill(mistakeReason);
    await j.submit('Take the subject off the case');
    await j.atCasePage('subject-in-error');

    // They had been assessed, so the record stands: they stay on the case, marked, with the day and reason.
    await expect.poll(async () => squash(await item.textContent())).toContain('Recorded in error');
    expect(squash(await item.textContent())).toBe(`${s.name} Recorded in error ${formatDate(today)}: ${mistakeReason}`);
    expect(await item.getByRole('link', { name: /Take off the case/ }).count()).toBe(0);
    await expect.poll(() => page.locator('#subject-list > li').count()).toBe(10);
    expect(await page.locator('#subject-list .govuk-tag', { hasText: 'Recorded in error' }).count()).toBe(1);
  }, 180_000);

  test('a second allegation is added against one of the four', async () => {
    const a = first();
    await page.getByRole('link', { name: 'Add an allegation', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `${caseUrl}/allegations/new`);
    await expect.poll(j.h1).toBe(`Add an allegation to case ${reference}`);
    await j.shot('add-allegation');
    const who = page.getByRole('group', { name: 'Which subjects is it against?' });
    // The subject recorded in error is not offered.
    expect(await who.getByRole('checkbox').count()).toBe(9);
    expect(await who.getByRole('checkbox', { name: mistaken().name, exact: true }).count()).toBe(0);
    await who.getByRole('checkbox', { name: a.name, exact: true }).check();
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Disclosure of information' });
    await page
      .getByRole('group', { name: 'Which Standards of Professional Behaviour would the conduct breach?' })
      .getByRole('checkbox', { name: 'Confidentiality', exact: true })
      .check();
    await page
      .getByLabel('Describe the alleged conduct')
      .fill('Forwarded screenshots of the chat, with colleagues’ names, to a friend outside the police.');
    await j.submit('Add the allegation');
    await j.atCasePage('allegation-added');

    await expect.poll(() => page.locator('#tracks tbody tr').count()).toBe(11);
    const rows = j.trackRows(a);
    await expect.poll(() => rows.count()).toBe(2);
    const second = rows.filter({ hasText: 'Disclosure of information' });
    expect((await cellTexts(second)).slice(0, 2)).toEqual([
      `${a.name} Disclosure of information`,
      'Received and not yet assessed',
    ]);
    // The first allegation still waits for its hearing.
    expect((await cellTexts(j.firstTrack(a)))[1]).toBe('A case to answer for gross misconduct');
  }, 180_000);

  test('one hearing is arranged for the four officers, and their tracks move on to it', async () => {
    await arrangeHearing(j, four(), hearingDay);
  }, 240_000);

  test("the first officer's pre-hearing time limit is extended, with the chair's reason", async () => {
    await extendPreHearingClock(j, four(), extendedTo, extensionReason);
  }, 180_000);

  test('before the hearing day a finding is refused, and nothing changes', async () => {
    const a = first();
    await j.openAction(a, 'Record the finding', 'finding-early');
    await page
      .getByRole('group', { name: 'What did the proceedings find?' })
      .getByRole('radio', { name: 'Gross misconduct', exact: true })
      .check();
    const [refused] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/actions/record_finding'),
      ),
      j.submit('Record the finding'),
    ]);
    expect(refused.status()).toBe(400);
    await page.waitForLoadState();
    await j.shot('finding-refused');
    expect(await page.title()).toMatch(/^Error: /);
    await expect.poll(() => errorSummaryText(page)).toContain('before the meeting or hearing');
    expect(await errorSummaryText(page)).toContain(formatDate(hearingDay));

    await page.getByRole('link', { name: 'Cancel' }).click();
    await j.atCasePage('after-refusal');
    expect((await cellTexts(j.firstTrack(a)))[1]).toBe('Awaiting a misconduct hearing');
    expect((await cellTexts(j.firstTrack(a)))[5]).toBe('–');
  }, 180_000);

  test('on the hearing day the finding is recorded for the four', async () => {
    setServerDay(server, hearingDay);
    // A fortnight on, the session has timed out: the authority signs in again.
    await page.goto(caseUrl);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await signIn(page, AA, 'casework-hearing-day-aa');
    await page.goto(caseUrl);
    await j.atCasePage('hearing-day');

    const [a, ...others] = four();
    if (!a) throw new Error('no subjects');
    await j.openAction(a, 'Record the finding', 'finding');
    await page
      .getByRole('group', { name: 'What did the proceedings find?' })
      .getByRole('radio', { name: 'Gross misconduct', exact: true })
      .check();
    await j.applyAlsoTo(others);
    await j.submit('Record the finding');
    await j.atCasePage('finding-recorded');

    for (const s of four()) {
      const cells = await cellTexts(j.firstTrack(s));
      expect(cells[5]).toBe('Gross misconduct');
      // The finding meets the pre-hearing time limit (rules/clock-endings.ts).
      expect((await j.preHearingClock(s))?.[4]).not.toBe('Running');
    }
    const finding = (await timelineEntries(page)).find((e) => e.title.startsWith('Record the finding'));
    expect(finding?.title).toBe('Record the finding: 4 subjects');
    expect(finding?.datetime).toContain(formatDate(hearingDay));
    expect(finding?.details['Finding']).toBe('Gross misconduct');
    for (const s of four()) expect(finding?.text).toContain(s.name);
  }, 240_000);

  test('the outcome letters are written, listed, read and downloaded as PDF', async () => {
    await writeAndReadLetters(j, four(), hearingDay);
  }, 180_000);
});
