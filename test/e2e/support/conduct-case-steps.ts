import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '../../../src/kernel/time/dates.ts';
import { addCalendarDays, addMonths } from '../../../src/kernel/time/working-days.ts';
import { computeDeadline, resolvePeriods } from '../../../src/kernel/time/periods.ts';
import { regimeDefinition, regimeFor } from '../../../src/kernel/time/regime.ts';
import {
  INVESTIGATOR,
  INVESTIGATOR_NAME,
  type Subject,
  TWELVE_MONTH_CLOCK,
  actionSlug,
  cellTexts,
  fillDate,
  squash,
  tableRows,
} from './case-journey.ts';
import { signIn, type RunningServer } from './browser.ts';
import { AA } from './case-journey.ts';

/**
 * Steps of the conduct case journey (test/e2e/conduct-case.e2e.ts): opening the case with ten subjects, and the checks
 * of the case page (the 12-month clock on every visit) and the actions of a subject's track.
 */

/** The summary of the matter, as the appropriate authority enters it and the case page shows it. */
const summary = 'Report that ten officers shared discriminatory messages in a group chat';

/** The journey's dates, from today. */
export function conductDays(today: string) {
  const cameToAttention = addCalendarDays(today, -60);
  return {
    today,
    cameToAttention,
    twelveMonthDue: addMonths(cameToAttention, 12),
    // Barred List Regs 2017 reg 3(1): 5 working days BEGINNING WITH the day of the dismissal (today is day 1).
    barredListDue: computeDeadline(resolvePeriods().barred_list_return, today),
  };
}

export type ConductJourney = {
  page: Page;
  server: RunningServer;
  /** Checks the page with axe and photographs it. */
  shot: (name: string) => Promise<void>;
  subjects: Subject[];
  caseId: string;
  caseUrl: string;
  reference: string;
  days: ReturnType<typeof conductDays>;
};

/** The steps and the case page's checks, over the journey's page, case and subjects (read when a step runs). */
export function conductSteps(journey: () => ConductJourney) {
  let caseVisits = 0;
  const gm = () => journey().subjects.slice(0, 4);
  const pri = () => journey().subjects.slice(4);

  const trackRow = (s: Pick<Subject, 'personId'>) => {
    const { page } = journey();
    return page.locator('#tracks tbody tr').filter({ has: page.locator(`a[href="/people/${s.personId}"]`) });
  };

  /**
   * The 12-month clock for the report to the PCC (regulation 19): one for the whole case, due 12 months after
   * the matter came to attention. It runs while any investigation of the case is open and is met once the
   * last investigation report is in (the six PRI allegations are never investigated).
   */
  let twelveMonthState: 'Running' | 'Met' = 'Running';

  /** On the case page: the 12-month clock is listed, for the whole case, with its due date and state. */
  async function expectTwelveMonthClock(): Promise<void> {
    const clocks = await tableRows(journey().page, '#clock-table');
    const row = clocks.find((r) => r[0]?.startsWith(TWELVE_MONTH_CLOCK) && r[2] === 'Whole case');
    // The sixth column holds the clock's "Change" link (extend, pause, stop: who may, by role).
    expect(row?.slice(0, 5), `the 12-month clock on visit ${caseVisits} to the case page`).toEqual([
      expect.stringContaining(TWELVE_MONTH_CLOCK),
      '12 months',
      'Whole case',
      formatDate(journey().days.twelveMonthDue),
      twelveMonthState,
    ]);
    expect(
      clocks.filter((r) => r[0]?.startsWith(TWELVE_MONTH_CLOCK)),
      'one 12-month clock, for the whole case',
    ).toHaveLength(1);
  }

  /** Lands on the case page (after a redirect), checks and photographs it, and checks the 12-month clock. */
  async function atCasePage(name: string): Promise<void> {
    const { page, caseUrl, reference, shot } = journey();
    await page.waitForURL((url) => url.pathname === caseUrl);
    caseVisits++;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(`Case ${reference}`);
    await shot(`case-page-${name}`);
    await expectTwelveMonthClock();
  }

  /** Opens an action from the "Next steps" of a subject's row, as a user would. */
  async function openAction(s: Subject, label: string, shotName: string): Promise<void> {
    const { page, caseUrl, shot } = journey();
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
    const group = journey().page.getByRole('group', {
      name: 'Apply the same action to other allegations in this case that are in the same state',
    });
    for (const o of others) await group.getByRole('checkbox', { name: o.name, exact: true }).check();
  }

  async function submit(label: string): Promise<void> {
    await journey().page.getByRole('button', { name: label, exact: true }).click();
  }

  async function statusOf(s: Subject): Promise<string> {
    return (await cellTexts(trackRow(s)))[1] ?? '';
  }

  async function dbAllegation(s: Subject) {
    const [row] = await journey().server.database.query<{ state: string; version: number }>(
      'select state, version from allegations where id = $1',
      [s.allegationId],
    );
    return row;
  }

  /** Opens one case with ten subjects, by their current collar numbers, as the appropriate authority. */
  async function openCase(
    found: Omit<Subject, 'allegationId'>[],
  ): Promise<{ caseId: string; caseUrl: string; reference: string }> {
    const { page, server, shot } = journey();
    const { cameToAttention } = journey().days;
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
    const caseUrl = new URL(page.url()).pathname;
    const caseId = caseUrl.split('/')[2] ?? '';
    const [theCase] = await server.database.query<{ reference: string; regime_version: string }>(
      'select reference, regime_version from cases where id = $1',
      [caseId],
    );
    const reference = theCase?.reference ?? '';
    expect(reference).not.toBe('');
    return { caseId, caseUrl, reference };
  }

  /** Checks the ten tracks and the summary, and allocates the case; returns the subjects with their allegations. */
  async function checkTracksAndAllocate(found: Omit<Subject, 'allegationId'>[]): Promise<Subject[]> {
    const { page, server, caseId } = journey();
    const { cameToAttention } = journey().days;
    await atCasePage('opened');

    const rows = await server.database.query<{ id: string; person_id: string }>(
      `select a.id, s.person_id from allegations a join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id where a.case_id = $1`,
      [caseId],
    );
    expect(rows).toHaveLength(10);
    const subjects = found.map((s) => ({ ...s, allegationId: rows.find((r) => r.person_id === s.personId)?.id ?? '' }));
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
    return subjects;
  }

  return {
    visits: () => caseVisits,
    gm,
    pri,
    trackRow,
    expectTwelveMonthClock,
    atCasePage,
    openAction,
    applyAlsoTo,
    submit,
    statusOf,
    dbAllegation,
    openCase,
    checkTracksAndAllocate,
    /** The last investigation report is in: the report to the PCC is no longer due. */
    twelveMonthMet: () => {
      twelveMonthState = 'Met';
    },
  };
}
