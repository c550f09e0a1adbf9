import type { Locator, Page } from 'playwright-core';
import type { IsoDate } from '../../../src/kernel/time/dates.ts';
import { isBankHoliday } from '../../../src/kernel/time/bank-holidays.ts';
import { addCalendarDays, addWorkingDays, isWorkingDay } from '../../../src/kernel/time/working-days.ts';
import { checkPage, signIn, signOut, type RunningServer } from './browser.ts';
import { squash } from './case-journey.ts';

/** Names and page readers for the integrity-loop and recruitment journeys (test/e2e/integrity-loop.e2e.ts, recruitment.e2e.ts). */
export const VETTING = 'vetting@westshire.example';
export const VETTING_NAME = 'Vera Vetting';

export const RESTRICTION_NOTICE_CLOCK =
  'Written notice of a restriction of duties (or written confirmation of one given orally)';
export const RESTRICTION_REVIEW_CLOCK = 'Review of a restriction of duties short of suspension';

/**
 * The first working day after `from` whose 3-working-day notice period runs over a weekday bank holiday,
 * so the journey's notice clock is counted across one (in late December: Christmas and Boxing Day).
 */
export function dayBeforeBankHoliday(from: IsoDate): IsoDate {
  for (let i = 1; i <= 400; i++) {
    const day = addCalendarDays(from, i);
    if (!isWorkingDay(day)) continue;
    const due = addWorkingDays(day, 3);
    for (let d = addCalendarDays(day, 1); d <= due; d = addCalendarDays(d, 1)) {
      if (isBankHoliday(d) && !isWeekend(d)) return day;
    }
  }
  throw new Error(`no bank holiday within a year of ${from}`);
}

export function isWeekend(day: IsoDate): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Weekday bank holidays from `after` (exclusive) to `to` (inclusive). */
export function weekdayBankHolidays(after: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = addCalendarDays(after, 1); d <= to; d = addCalendarDays(d, 1))
    if (isBankHoliday(d) && !isWeekend(d)) out.push(d);
  return out;
}

/**
 * Sets the server's "today" (used by the app for every date) to `day`, midday UTC, with the clock still
 * moving from there as real time passes (so a journey cannot cross midnight, and sessions age normally).
 */
export function setServerDay(server: RunningServer, day: IsoDate): void {
  const base = Date.parse(`${day}T12:00:00Z`);
  const realStart = Date.now();
  server.deps.now = () => new Date(base + (Date.now() - realStart));
}

export type Officer = { personId: string; collar: string; name: string; clearanceId: string; clearanceLevel: string };

/**
 * A current officer of Westshire, found by a current collar number that names them alone, not linked to a
 * user account, with no vetting review yet and an active clearance that lasts well past the journey.
 */
export async function findClearedOfficer(server: RunningServer, lastsPast: IsoDate): Promise<Officer> {
  const [row] = await server.database.query<{
    person_id: string;
    value: string;
    given_name: string;
    family_name: string;
    clearance_id: string;
    level: string;
  }>(
    `select p.id as person_id, i.value, p.given_name, p.family_name, c.id as clearance_id, c.level
       from person_identifiers i
       join people p on p.force_id = i.force_id and p.id = i.person_id
       join vetting_clearances c on c.force_id = p.force_id and c.person_id = p.id and c.status = 'active' and c.expires_on > $1::date
      where i.force_id = 'westshire' and i.kind = 'collar' and i.valid_to is null
        and p.status = 'current' and p.merged_into_id is null and p.person_type = 'officer'
        and not exists (select 1 from users u where u.person_id = p.id)
        and not exists (select 1 from vetting_reviews r where r.force_id = p.force_id and r.person_id = p.id)
        and (select count(*) from vetting_clearances o where o.force_id = p.force_id and o.person_id = p.id and o.status = 'active') = 1
        and (select count(distinct coalesce(q.merged_into_id, q.id))
               from person_identifiers j
               join people q on q.force_id = j.force_id and q.id = j.person_id
              where j.force_id = i.force_id and upper(j.value) = upper(i.value)) = 1
      order by i.value
      limit 1`,
    [lastsPast],
  );
  if (!row) throw new Error('the demo data has no cleared officer with a collar number that names them alone');
  return {
    personId: row.person_id,
    collar: row.value,
    name: `${row.given_name} ${row.family_name}`,
    clearanceId: row.clearance_id,
    clearanceLevel: row.level,
  };
}

/** The rows of a GOV.UK summary list as { key: value } (whitespace squashed). */
export async function summaryList(list: Locator): Promise<Record<string, string>> {
  const pairs: [string, string][] = await list
    .locator('.govuk-summary-list__row')
    .evaluateAll((rs) =>
      rs.map((r): [string, string] => [
        (r.querySelector('dt')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        (r.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ]),
    );
  return Object.fromEntries(pairs);
}

/** The error summary's messages, in order. */
export async function errorMessages(page: Page): Promise<string[]> {
  return (await page.locator('.govuk-error-summary__list li').allTextContents()).map(squash);
}

/** Signs out whoever is signed in (if anyone still is: a session ends when the server's clock moves on) and signs `email` in. */
export async function switchUser(page: Page, email: string, label: string): Promise<void> {
  if ((await page.locator('.probity-account-bar').count()) > 0) await signOut(page);
  await page.context().clearCookies();
  await signIn(page, email, label);
  await page.waitForURL((url) => url.pathname === '/');
  await checkPage(page, `${label}-home`);
}

/** Clicks a submit button and waits for the POST's response; returns its status (303 for a success, 400/422 for a refusal). */
export async function submitForm(page: Page, button: string | Locator, path?: string): Promise<number> {
  const target = typeof button === 'string' ? page.getByRole('button', { name: button, exact: true }) : button;
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && (!path || new URL(r.url()).pathname === path)),
    target.click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

/** A GOV.UK date input whose fieldset is `group` (a locator), by day, month and year. */
export async function fillDateIn(group: Locator, iso: IsoDate): Promise<void> {
  const [y, m, d] = iso.split('-');
  await group.getByLabel('Day').fill(String(Number(d)));
  await group.getByLabel('Month').fill(String(Number(m)));
  await group.getByLabel('Year').fill(y ?? '');
}

/** A table's body rows as the user reads them (rendered text: a line break reads as a space), whitespace squashed. */
export async function rowsOf(page: Page, selector: string): Promise<string[][]> {
  if ((await page.locator(selector).count()) === 0) return [];
  return page
    .locator(`${selector} tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      ),
    );
}
