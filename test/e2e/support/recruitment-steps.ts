import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate } from './case-journey.ts';
import type { RunningServer } from './browser.ts';
import { submitForm } from './integrity-journey.ts';

/** Steps of the recruitment journey (test/e2e/recruitment.e2e.ts): the national files, an application, a check. */

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

  return { count, stored, startApplication, recordCheck };
}
