import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '../../../src/kernel/time/dates.ts';
import { fillDate, squash } from './case-journey.ts';
import type { RunningServer } from './browser.ts';
import { errorMessages, rowsOf, submitForm } from './integrity-journey.ts';

/** Steps of the recruitment journey (test/e2e/recruitment.e2e.ts): the national files and their import, an application, a check, a caution. */

/** A faulty national file: a row without a family name, a date that does not exist. */
export const BAD_CSV =
  'source_id,family_name,given_name,date_of_birth\r\nE2E-1,,Jessamy,1988-04-07\r\nE2E-2,Oddly,Ann,31/02/1990\r\n';
/** The national barred list the vetting officer imports. */
export const BARRED_CSV = [
  'source_id,family_name,given_name,date_of_birth,former_force,rank,identifiers,reason,listed_on',
  'E2E-1,Quarrington,Jessamy,1988-04-07,Northmarsh Police,PC,PC 4521;W77120,"Dismissed for gross misconduct: theft from a detained person",2024-06-14',
  'E2E-2,Threlkeld,Marcus,1979-11-30,Eastshire Constabulary,Sergeant,S 1190,Dismissed for gross misconduct: abuse of position,2023-02-01',
].join('\r\n');

type Journey = { page: Page; server: RunningServer; shot: (name: string) => Promise<void>; today: string };

/** The steps, over the journey's page, server, photographs and today (read when a step runs). */
export function recruitmentSteps(journey: () => Journey) {
  const count = async (sql: string, params: unknown[]) =>
    (await journey().server.database.query<{ n: number }>(sql, params))[0]?.n ?? -1;

  /** The application's state as stored: its status and version, decisions, and decided matches and items. */
  const stored = async (id: string) => ({
    application: (
      await journey().server.database.query('select status, version from vetting_applications where id = $1', [id])
    )[0],
    decisions: await count('select count(*)::int as n from vetting_decisions where application_id = $1', [id]),
    matchesDecided: await count(
      "select count(*)::int as n from list_matches where application_id = $1 and decision <> 'pending'",
      [id],
    ),
    itemsResolved: await count(
      'select count(*)::int as n from adverse_information where application_id = $1 and resolved_by_decision_id is not null',
      [id],
    ),
  });

  async function startApplication(
    name: string,
    fields: { givenName: string; familyName: string; dateOfBirth: string; formerNumbers?: string },
  ): Promise<string> {
    const { page, shot, today } = journey();
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Vetting' }).click();
    await page.waitForURL((url) => url.pathname === '/vetting');
    await page.goto('/vetting/applications/new');
    await shot(`new-${name}`);
    await page.getByRole('radio', { name: 'Recruitment', exact: true }).check();
    await page.getByLabel('Level applied for').selectOption({ label: 'Recruitment vetting (RV)' });
    await page.getByLabel('Given name').fill(fields.givenName);
    await page.getByLabel('Family name').fill(fields.familyName);
    await fillDate(page, 'Date of birth', fields.dateOfBirth);
    if (fields.formerNumbers)
      await page.getByLabel('Former warrant, collar or staff numbers (optional)').fill(fields.formerNumbers);
    await fillDate(page, 'Date received', today);
    expect(await submitForm(page, 'Start the application', '/vetting/applications')).toBe(303);
    await page.waitForURL((url) => /^\/vetting\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(`${fields.givenName} ${fields.familyName}`);
    await shot(`application-${name}`);
    return new URL(page.url()).pathname.split('/')[3] ?? '';
  }

  /** Records one check's result through its folded form on the application page. */
  async function recordCheck(
    label: string,
    result: 'Clear' | 'Adverse information found',
    notes: string,
  ): Promise<void> {
    const { page } = journey();
    const details = page
      .locator('details')
      .filter({ has: page.locator('summary', { hasText: `Record the result: ${label}` }) });
    await details.locator('summary').click();
    await details.getByRole('radio', { name: result, exact: true }).check();
    await details.getByLabel('Notes').fill(notes);
    expect(await submitForm(page, details.getByRole('button', { name: 'Save the result' }))).toBe(303);
    await page.waitForURL((url) => /^\/vetting\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
  }

  /**
   * The vetting officer imports the national barred list through the page: a faulty file first, refused with
   * its problems and nothing imported; then the list, whose entry is found by name.
   */
  async function importBarredList(): Promise<void> {
    const { page, shot } = journey();
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Vetting' }).click();
    await page.waitForURL((url) => url.pathname === '/vetting');
    await shot('vetting-home');
    await page.goto('/vetting/lists');
    await shot('lists');
    await page.getByRole('button', { name: 'Import a national list' }).click();
    await page.waitForURL((url) => url.pathname === '/vetting/lists/import');
    await shot('import');
    const entriesBefore = await count(
      "select count(*)::int as n from list_entries where source_key like 'national:barred:E2E-%'",
      [],
    );
    expect(entriesBefore).toBe(0);

    await page.getByRole('radio', { name: 'Police Barred List', exact: true }).check();
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'faulty.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    expect(await submitForm(page, 'Import', '/vetting/lists/import')).toBe(400);
    await shot('import-refused');
    expect(await errorMessages(page)).toEqual(['The file has 2 problems: nothing was imported']);
    expect((await page.locator('#problems + ul li').allTextContents()).map(squash)).toEqual([
      'Line 2: family_name is blank',
      'Line 3: date_of_birth "31/02/1990" is not a real date',
    ]);
    expect(
      await count("select count(*)::int as n from list_entries where source_key like 'national:barred:E2E-%'", []),
    ).toBe(0);

    await page.getByRole('radio', { name: 'Police Barred List', exact: true }).check();
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'barred.csv', mimeType: 'text/csv', buffer: Buffer.from(BARRED_CSV) });
    expect(await submitForm(page, 'Import', '/vetting/lists/import')).toBe(303);
    await page.waitForURL((url) => url.pathname === '/vetting/lists');
    await shot('imported');
    expect(squash(await page.locator('.govuk-notification-banner').textContent())).toContain(
      'Imported 2 rows: 2 new, 0 changed, 0 unchanged.',
    );
    await page.getByLabel('Name or number').fill('Quarrington');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Quarrington');
    await shot('lists-search');
    expect(await rowsOf(page, '#entries')).toEqual([
      [
        'Jessamy Quarrington',
        formatDate('1988-04-07'),
        // Listed for gross misconduct on 14 June 2024: a review may be asked for 5 years on [S].
        `Police Barred List National list, ${formatDate('2024-06-14')} Review can be asked for from ${formatDate('2029-06-14')}`,
        'Northmarsh Police, PC PC 4521, W77120',
        'Dismissed for gross misconduct: theft from a detained person',
      ],
    ]);
  }

  /** Records the caution found by the PNC check on the application, and checks it is shown. */
  async function recordCaution(applicationId: string): Promise<void> {
    const { page, shot, today } = journey();
    const form = page.locator('form[action$="/adverse"]');
    await form.getByLabel('Found by').selectOption({ label: 'Police National Computer (PNC)' });
    await form.getByLabel('Source', { exact: true }).fill('PNC');
    await form.getByLabel('Type', { exact: true }).selectOption({ label: 'Caution' });
    await fillDate(page, 'When it happened (optional)', '2012-08-01');
    await form.getByRole('radio', { name: 'The applicant' }).check();
    await form.getByLabel('Severity').selectOption({ label: '2' });
    await form.getByLabel('Credibility').selectOption({ label: '5 (high)' });
    await form.getByLabel('Description').fill('Caution for criminal damage, aged 17');
    await form.getByLabel('Assessment (optional)').fill('Declared on the application form');
    expect(await submitForm(page, 'Record the adverse information')).toBe(303);
    await page.waitForURL((url) => url.pathname === `/vetting/applications/${applicationId}`);
    await shot('adverse-recorded');
    expect(await rowsOf(page, '#check-table')).toContainEqual([
      'Police National Computer (PNC)',
      'Adverse information found',
      formatDate(today),
      'One caution, below.',
    ]);
    expect(squash(await page.locator('[id^="adverse-"] .govuk-summary-card__title').first().textContent())).toBe(
      'Caution – The applicant (severity 2, credibility 5)',
    );
  }

  return { count, stored, startApplication, recordCheck, importBarredList, recordCaution };
}
