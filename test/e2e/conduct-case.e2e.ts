import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate, ukToday } from '../../src/lib/dates.ts';
import { addCalendarDays, addMonths } from '../../src/features/clocks/working-days.ts';
import { computeDeadline, resolvePeriods } from '../../src/features/clocks/periods.ts';
import { regimeDefinition, regimeFor } from '../../src/features/clocks/regime.ts';
import {
  AA,
  BARRED_LIST_CLOCK,
  INVESTIGATOR,
  INVESTIGATOR_NAME,
  type Subject,
  TWELVE_MONTH_CLOCK,
  actionSlug,
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
  let caseVisits = 0;
  const started = Date.now();

  const today = ukToday(new Date());
  const cameToAttention = addCalendarDays(today, -60);
  const twelveMonthDue = addMonths(cameToAttention, 12);
  // Barred List Regs 2017 reg 3(1): 5 working days BEGINNING WITH the day of the dismissal (today is day 1).
  const barredListDue = computeDeadline(resolvePeriods().barred_list_return, today);

  let shots = 0;
  /** Every page of the journey, checked with axe and photographed as test-results/case-NN-name.png, in order. */
  const shot = (name: string) => checkPage(page, `case-${String(++shots).padStart(2, '0')}-${name}`);
  const gm = () => subjects.slice(0, 4);
  const pri = () => subjects.slice(4);

  const trackRow = (s: Pick<Subject, 'personId'>) =>
    page.locator('#tracks tbody tr').filter({ has: page.locator(`a[href="/people/${s.personId}"]`) });

  /**
   * The 12-month clock for the report to the PCC (regulation 19): one for the whole case, due 12 months after
   * the matter came to attention. It runs while any investigation of the case is open and is met once the
   * last investigation report is in (the six PRI allegations are never investigated).
   */
  let twelveMonthState: 'Running' | 'Met' = 'Running';

  /** On the case page: the 12-month clock is listed, for the whole case, with its due date and state. */
  async function expectTwelveMonthClock(): Promise<void> {
    const clocks = await tableRows(page, '#clock-table');
    const row = clocks.find((r) => r[0]?.startsWith(TWELVE_MONTH_CLOCK) && r[2] === 'Whole case');
    // The sixth column holds the clock's "Change" link (extend, pause, stop: who may, by role).
    expect(row?.slice(0, 5), `the 12-month clock on visit ${caseVisits} to the case page`).toEqual([
      expect.stringContaining(TWELVE_MONTH_CLOCK),
      '12 months',
      'Whole case',
      formatDate(twelveMonthDue),
      twelveMonthState,
    ]);
    expect(
      clocks.filter((r) => r[0]?.startsWith(TWELVE_MONTH_CLOCK)),
      'one 12-month clock, for the whole case',
    ).toHaveLength(1);
  }

  /** Lands on the case page (after a redirect), checks and photographs it, and checks the 12-month clock. */
  async function atCasePage(name: string): Promise<void> {
    await page.waitForURL((url) => url.pathname === caseUrl);
    caseVisits++;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(`Case ${reference}`);
    await shot(`case-page-${name}`);
    await expectTwelveMonthClock();
  }

  /** Opens an action from the "Next steps" of a subject's row, as a user would. */
  async function openAction(s: Subject, label: string, shotName: string): Promise<void> {
    await trackRow(s)
      .getByRole('link', { name: `${label} for ${s.name}`, exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === `${caseUrl}/allegations/${s.allegationId}/actions/${actionSlug(label)}`,
    );
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`${label}: ${s.name}`);
    await shot(`form-${shotName}`);
  }

  /** Ticks "apply the same action" for these subjects (the form lists those in the same state). */
  async function applyAlsoTo(others: Subject[]): Promise<void> {
    const group = page.getByRole('group', {
      name: 'Apply the same action to other allegations in this case that are in the same state',
    });
    for (const o of others) await group.getByRole('checkbox', { name: o.name, exact: true }).check();
  }

  async function submit(label: string): Promise<void> {
    await page.getByRole('button', { name: label, exact: true }).click();
  }

  async function statusOf(s: Subject): Promise<string> {
    return (await cellTexts(trackRow(s)))[1] ?? '';
  }

  async function dbAllegation(s: Subject) {
    const [row] = await server.database.query<{ state: string; version: number }>(
      'select state, version from allegations where id = $1',
      [s.allegationId],
    );
    return row;
  }

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
      `conduct-case journey: ${caseVisits} visits to the case page, ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
    );
  });

  test('the appropriate authority opens one case with ten subjects, by their current collar numbers', async () => {
    const found = await findTenSubjects(server);
    await signIn(page, AA, 'case-00-aa');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.locator('body.js-enabled').count()).toBe(1);

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cases' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    await shot('cases');
    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.waitForURL((url) => url.pathname === '/cases/new');
    await shot('open-case');

    await page.getByRole('radio', { name: 'Internal report (a colleague or supervisor)', exact: true }).check();
    await page.getByRole('radio', { name: 'Conduct matter', exact: true }).check();
    await fillDate(page, /When did the matter come to the appropriate authority’s attention\?/, cameToAttention);
    const summary = 'Report that ten officers shared discriminatory messages in a group chat';
    await page.getByLabel('Summary of the matter').fill(summary);
    await page.getByRole('textbox', { name: 'Subjects', exact: true }).fill(found.map((s) => s.collar).join('\n'));
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Race' });
    const chosenCategory = await page.locator('#categoryCode').evaluate((el) => {
      const option = (el as HTMLSelectElement).selectedOptions[0];
      return { value: option?.value, group: (option?.parentElement as HTMLOptGroupElement | null)?.label };
    });
    expect(chosenCategory).toEqual({ value: 'discrimination.race', group: 'Discriminatory behaviour' });
    await page.getByRole('checkbox', { name: 'Equality and diversity', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Discreditable conduct', exact: true }).check();
    await page
      .getByLabel('Describe the alleged conduct')
      .fill(
        'A colleague reported that ten officers shared racist memes and messages in a WhatsApp group over several months.',
      );
    await shot('open-case-filled');
    await submit('Open the case');

    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    caseUrl = new URL(page.url()).pathname;
    caseId = caseUrl.split('/')[2] ?? '';
    const [theCase] = await server.database.query<{ reference: string; regime_version: string }>(
      'select reference, regime_version from cases where id = $1',
      [caseId],
    );
    reference = theCase?.reference ?? '';
    expect(reference).not.toBe('');
    await atCasePage('opened');

    const rows = await server.database.query<{ id: string; person_id: string }>(
      `select a.id, s.person_id from allegations a join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id where a.case_id = $1`,
      [caseId],
    );
    expect(rows).toHaveLength(10);
    subjects = found.map((s) => ({ ...s, allegationId: rows.find((r) => r.person_id === s.personId)?.id ?? '' }));
    expect(subjects.every((s) => s.allegationId)).toBe(true);

    // The summary: the date, and the regulations that date brings (after 28 May 2025: the 2025 amendments).
    const summaryRows = await page
      .locator('#case-summary .govuk-summary-list__row')
      .evaluateAll((rs) =>
        rs.map((r) => [
          r.querySelector('dt')?.textContent?.trim() ?? '',
          (r.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ]),
      );
    expect(summaryRows).toContainEqual(['Came to the appropriate authority’s attention', formatDate(cameToAttention)]);
    expect(regimeFor(cameToAttention)).toBe('2020+2025');
    expect(summaryRows).toContainEqual(['Regulations that apply', regimeDefinition('2020+2025').label]);
    expect(squash(await page.locator('.govuk-body-l').first().textContent())).toBe(summary);

    // Ten allegation rows, one per subject, each received and not yet assessed, each with the category.
    await expect.poll(() => page.locator('#tracks tbody tr').count()).toBe(10);
    for (const s of subjects) {
      const cells = await cellTexts(trackRow(s));
      expect(cells[0]).toBe(`${s.name} Race`);
      expect(cells[1]).toBe('Received and not yet assessed');
    }

    // The case goes to a lead investigator (so that they can open it later, without JavaScript).
    await page
      .getByLabel('Allocate the case to a lead investigator')
      .selectOption({ label: `${INVESTIGATOR_NAME} (${INVESTIGATOR})` });
    await submit('Allocate');
    await atCasePage('allocated');
    expect(
      await page
        .locator('#case-summary .govuk-summary-list__row')
        .filter({ hasText: 'Lead investigator' })
        .locator('dd')
        .textContent(),
    ).toContain(INVESTIGATOR_NAME);
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
    const [first, ...others] = gm();
    if (!first) throw new Error('no subjects');

    await openAction(first, 'Record the IOPC referral check', 'referral-check');
    await page
      .getByRole('group', { name: 'Must the matter be referred to the IOPC?' })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await page
      .getByRole('checkbox', {
        name: 'A criminal offence or behaviour liable to lead to disciplinary proceedings, aggravated by discriminatory behaviour',
        exact: true,
      })
      .check();
    await applyAlsoTo(others);
    await submit('Record the IOPC referral check');
    await atCasePage('referred');
    for (const s of gm()) {
      expect(await statusOf(s)).toBe('Referred to the IOPC');
      expect((await cellTexts(trackRow(s)))[0]).toContain('IOPC: Referred');
    }

    await openAction(first, 'Record the IOPC decision', 'iopc-decision');
    await page.getByRole('radio', { name: 'Local investigation by the appropriate authority', exact: true }).check();
    await applyAlsoTo(others);
    await submit('Record the IOPC decision');
    await atCasePage('local-investigation');
    for (const s of gm()) {
      expect(await statusOf(s)).toBe('Under investigation');
      expect((await cellTexts(trackRow(s)))[0]).toContain('IOPC: Referred (local investigation)');
    }

    await openAction(first, 'Serve the regulation 17 notice', 'reg17');
    await fillDate(page, 'Date the notice was given to the officer (optional)', today);
    await applyAlsoTo(others);
    await submit('Serve the regulation 17 notice');
    await atCasePage('notices-served');
    for (const s of gm()) {
      // Served once: the step is no longer offered.
      await expect
        .poll(() =>
          trackRow(s)
            .getByRole('link', { name: `Serve the regulation 17 notice for ${s.name}` })
            .count(),
        )
        .toBe(0);
    }
    const afterNotices = await tableRows(page, '#clock-table');
    for (const s of gm())
      expect(
        afterNotices.some((r) => r[0] === 'Officer’s statement or documents to the investigator' && r[2] === s.name),
      ).toBe(true);

    await openAction(first, 'Submit the investigation report', 'report');
    await page
      .getByLabel('Summary of the investigation report')
      .fill('The chat export shows who posted and who forwarded the messages; accounts taken from all ten.');
    await applyAlsoTo(others);
    await submit('Submit the investigation report');
    // No investigation of the case remains open, so the report to the PCC is no longer due.
    twelveMonthState = 'Met';
    await atCasePage('reported');
    for (const s of gm()) expect(await statusOf(s)).toBe('Awaiting the case-to-answer decision');
  }, 240_000);

  test('case to answer for two, no case for two, and reflective practice for the six', async () => {
    const [a, b, c, d] = gm();
    const [firstPri, ...otherPri] = pri();
    if (!a || !b || !c || !d || !firstPri) throw new Error('no subjects');

    await openAction(a, 'Decide whether there is a case to answer', 'case-to-answer');
    await page.getByRole('radio', { name: 'Case to answer for gross misconduct', exact: true }).check();
    await page
      .getByLabel('Reasons for the decision')
      .fill('They wrote and posted the messages; a tribunal could find gross misconduct.');
    await applyAlsoTo([b]);
    await submit('Decide whether there is a case to answer');
    await atCasePage('case-to-answer');

    await openAction(c, 'Decide whether there is a case to answer', 'no-case');
    await page.getByRole('radio', { name: 'No case to answer', exact: true }).check();
    await page
      .getByLabel('Reasons for the decision')
      .fill('Their phones received the messages but they never opened the group.');
    await applyAlsoTo([d]);
    await submit('Decide whether there is a case to answer');
    await atCasePage('no-case');

    await openAction(firstPri, 'Refer to reflective practice', 'rprp');
    await applyAlsoTo(otherPri);
    await submit('Refer to reflective practice');
    await atCasePage('reflective-practice');

    for (const s of [a, b]) {
      const cells = await cellTexts(trackRow(s));
      expect(cells[1]).toBe('A case to answer for gross misconduct');
      expect(cells[3]).toBe('Gross misconduct');
    }
    for (const s of [c, d]) {
      const cells = await cellTexts(trackRow(s));
      expect(cells[1]).toBe('No case to answer');
      expect(cells[3]).toBe('No case to answer');
    }
    for (const s of pri()) expect(await statusOf(s)).toBe('In reflective practice');
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

    await openAction(a, 'Arrange a misconduct hearing', 'hearing');
    await fillDate(page, 'Date of the misconduct hearing', today);
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'The hearing is held in public', exact: true }).isChecked())
      .toBe(true);
    await page
      .getByLabel('Panel (optional)')
      .fill('Legally qualified chair, a senior officer and an independent panel member');
    await submit('Arrange a misconduct hearing');
    await atCasePage('hearing-arranged');
    expect(await statusOf(a)).toBe('Awaiting a misconduct hearing');
    expect((await cellTexts(trackRow(a)))[4]).toBe('Misconduct hearing');

    await openAction(a, 'Record the finding', 'finding');
    await page
      .getByRole('group', { name: 'What did the proceedings find?' })
      .getByRole('radio', { name: 'Gross misconduct', exact: true })
      .check();
    await submit('Record the finding');
    await atCasePage('finding');
    expect((await cellTexts(trackRow(a)))[5]).toBe('Gross misconduct');

    // The presumption of dismissal (the matter came to attention after 28 May 2025): a lesser sanction
    // without exceptional circumstances is refused…
    await openAction(a, 'Record the sanction', 'sanction');
    // (a final written warning: the subjects are constables, for whom no reduction in rank exists, reg 62(6))
    await page.getByRole('radio', { name: 'Final written warning', exact: true }).check();
    const [lesser] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/actions/record_sanction'),
      ),
      submit('Record the sanction'),
    ]);
    expect(lesser.status()).toBe(422);
    await page.waitForLoadState();
    await shot('sanction-presumption');
    await expect
      .poll(async () => squash(await page.locator('.govuk-error-summary__list').textContent()))
      .toBe(
        'Gross misconduct carries a presumption of dismissal without notice (from 28 May 2025, §2.9): a final written warning needs the exceptional circumstances that justify it to be recorded',
      );
    // …and dismissal without notice is recorded.
    await page.getByRole('radio', { name: 'Dismissal without notice', exact: true }).check();
    await submit('Record the sanction');
    await atCasePage('dismissed');
    const cells = await cellTexts(trackRow(a));
    expect(cells[1]).toBe('Decided by the proceedings');
    expect(cells[6]).toBe('Dismissal without notice');

    // The barred list return, as a summary card.
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: 'Barred and advisory list returns' }).count())
      .toBe(1);
    const card = page
      .locator('.govuk-summary-card')
      .filter({ has: page.locator('.govuk-summary-card__title', { hasText: `Police Barred List return: ${a.name}` }) });
    await expect.poll(() => card.count()).toBe(1);
    const fields = Object.fromEntries(
      await card
        .locator('.govuk-summary-list__row')
        .evaluateAll((rs) =>
          rs.map((r) => [
            (r.querySelector('dt')?.textContent ?? '').trim(),
            (r.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ]),
        ),
    );
    expect(fields['List']).toBe('Police Barred List');
    expect(fields['Full name']).toBe(a.name);
    expect(fields['Force']).toBe('Westshire Police');
    expect(fields['Case reference']).toBe(reference);
    expect(fields['Standards of Professional Behaviour breached']).toBe(
      'Equality and diversity, Discreditable conduct',
    );
    expect(fields['Sanction']).toBe('dismissal without notice');
    expect(fields['Date of the dismissal or finding']).toBe(formatDate(today));
    expect(fields['To be sent within (working days)']).toBe('5');
    expect(fields['Sent to the College of Policing']).toBe('Not yet');
    // Only the dismissed officer has a return.
    await expect.poll(() => page.locator('.govuk-summary-card').count()).toBe(1);

    // Its clock: 5 working days from the sanction, running; the 12-month clock is still there (atCasePage).
    const clocks = await tableRows(page, '#clock-table');
    expect(clocks.filter((r) => r[0] === BARRED_LIST_CLOCK).map((r) => r.slice(0, 5))).toEqual([
      [BARRED_LIST_CLOCK, '5 working days', a.name, formatDate(barredListDue), 'Running'],
    ]);
    await expectTwelveMonthClock();

    // The timeline lists every action taken, once each, and nothing for the refused moves.
    const label = (action: string, ss: Subject[]) => ss.map((s) => `${action}: ${s.name}`);
    const [b, c, d] = gm().slice(1);
    const expected = [
      ...label('Assess severity', subjects),
      ...label('Record the IOPC referral check', gm()),
      ...label('Record the IOPC decision', gm()),
      ...label('Serve the regulation 17 notice', gm()),
      ...label('Submit the investigation report', gm()),
      ...label(
        'Decide whether there is a case to answer',
        [a, b, c, d].filter((s): s is Subject => !!s),
      ),
      ...label('Refer to reflective practice', pri()),
      ...label('Arrange a misconduct hearing', [a]),
      ...label('Record the finding', [a]),
      ...label('Record the sanction', [a]),
    ];
    // An action applied to several allegations at once is one entry naming its subjects (in the title, or
    // below it when there are more than three): expanded per subject, the entries are exactly the actions taken.
    // Entries for what happened to a time limit (a clock superseded or met by a step) are counted apart.
    const all = await page.locator('#timeline ~ .moj-timeline .moj-timeline__item').evaluateAll((items) =>
      items.map((item) => ({
        title: (item.querySelector('.moj-timeline__title')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        subjects: [...item.querySelectorAll('p')]
          .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
          .find((t) => t.startsWith('Subjects: '))
          ?.slice('Subjects: '.length),
      })),
    );
    const entries = all.filter(({ title }) => !title.startsWith('Time limit '));
    expect(all.filter(({ title }) => title.startsWith('Time limit ')).length).toBeGreaterThan(0);
    const perSubject = entries.flatMap(({ title, subjects }) => {
      const [action = '', named = ''] = title.split(': ');
      return (subjects ?? named).split(', ').map((name) => `${action}: ${name}`);
    });
    expect(entries.length).toBe(12);
    expect(perSubject.sort()).toEqual([...expected].sort());
    const sanctionEvent = page
      .locator('.moj-timeline__item')
      .filter({ has: page.locator('.moj-timeline__title', { hasText: `Record the sanction: ${a.name}` }) });
    await expect.poll(async () => squash(await sanctionEvent.textContent())).toContain('barred list return created');
    await expect.poll(async () => squash(await sanctionEvent.textContent())).toContain('Dismissal without notice');
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
