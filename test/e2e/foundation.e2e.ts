import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '../../src/kernel/time/dates.ts';
import { createUser } from '../../src/features/auth/create-user.ts';
import { currentTotpCode } from '../../src/features/auth/credentials.ts';
import { systemActor } from '../../src/kernel/audit/audit-events.ts';
import {
  checkPage,
  launchBrowser,
  signIn,
  signOut,
  startServer,
  type Browser,
  type RunningServer,
} from './support/browser.ts';

/**
 * The foundation journeys in a real browser against the real server: sign-in with a second factor, the
 * people directory (search by a former number), the person page, need-to-know refusals, the audit log,
 * account set-up, and a failed sign-in. Everything runs twice: with JavaScript, and without it (every
 * page must work as plain HTML). Each mode gets its own server and database, so they are independent.
 */

const INVESTIGATOR = 'investigator@westshire.example';
const AUDITOR = 'auditor@westshire.example';
const PCC = 'pcc@westshire.example';
const NEW_OFFICER = 'new.officer@westshire.example';

type SupersededCollar = { personId: string; familyName: string; givenName: string; value: string; validTo: string };

/**
 * A collar number that a current person held and gave up, and whom the investigator may see. Collar
 * numbers are reissued, so others (such as its current holder) may match the same search.
 */
async function findSupersededCollar(server: RunningServer): Promise<SupersededCollar> {
  const rows = await server.database.query<{
    person_id: string;
    family_name: string;
    given_name: string;
    value: string;
    valid_to: string;
  }>(
    `select i.person_id, p.family_name, p.given_name, i.value, i.valid_to::text as valid_to
       from person_identifiers i
       join people p on p.id = i.person_id and p.force_id = i.force_id
      where i.force_id = 'westshire' and i.kind = 'collar' and i.valid_to is not null
        and p.status = 'current' and p.merged_into_id is null
        and p.id is distinct from (select u.person_id from users u where u.email = $1)
      order by i.value
      limit 1`,
    [INVESTIGATOR],
  );
  const row = rows[0];
  if (!row) throw new Error('the demo data has no superseded collar number to search for');
  return {
    personId: row.person_id,
    familyName: row.family_name,
    givenName: row.given_name,
    value: row.value,
    validTo: row.valid_to,
  };
}

async function linkedPersonOf(server: RunningServer, email: string): Promise<string> {
  const [row] = await server.database.query<{ person_id: string | null }>(
    'select person_id from users where email = $1',
    [email],
  );
  if (!row?.person_id) throw new Error(`${email} has no linked person`);
  return row.person_id;
}

async function expectSignedOut(page: Page): Promise<void> {
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await expect.poll(() => page.locator('.probity-account-bar').count()).toBe(0);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Probity');
}

const modes = [
  { name: 'with JavaScript', javaScriptEnabled: true, tag: 'js' },
  { name: 'without JavaScript', javaScriptEnabled: false, tag: 'nojs' },
] as const;

for (const mode of modes) {
  describe(`Foundation journeys, ${mode.name}`, () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    const shot = (name: string) => checkPage(page, `${mode.tag}-${name}`);

    beforeAll(async () => {
      server = await startServer();
      browser = await launchBrowser({ javaScriptEnabled: mode.javaScriptEnabled, baseUrl: server.baseUrl });
      page = browser.page;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    beforeEach(async () => {
      await browser.context.clearCookies();
    });

    test('the browser runs scripts only in the JavaScript mode', async () => {
      await page.goto('/sign-in');
      await expect.poll(() => page.locator('body.js-enabled').count()).toBe(mode.javaScriptEnabled ? 1 : 0);
    });

    test('an investigator finds a person by a former collar number, and an auditor sees that they looked', async () => {
      const target = await findSupersededCollar(server);
      const heldUntil = formatDate(target.validTo);
      expect(heldUntil).not.toBe('');

      await signIn(page, INVESTIGATOR, `${mode.tag}-a-investigator`);
      expect(new URL(page.url()).pathname).toBe('/');
      await expect.poll(() => page.locator('.probity-account-bar').textContent()).toContain('Priya Investigator');
      await shot('a-investigator-home');

      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'People' }).click();
      await page.waitForURL((url) => url.pathname === '/people');
      await shot('a-people');

      await page.getByLabel('Name or number').fill(target.value);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/people' && url.searchParams.get('q') === target.value);
      await shot('a-people-results');

      const row = page
        .locator('#people-results tbody tr')
        .filter({ has: page.locator(`a[href="/people/${target.personId}"]`) });
      await expect.poll(() => row.count()).toBe(1);
      await expect.poll(() => row.getByRole('link').textContent()).toBe(`${target.familyName}, ${target.givenName}`);
      await expect
        .poll(async () => (await row.textContent())?.replace(/\s+/g, ' '))
        .toContain(`Matched former number ${target.value}, held until ${heldUntil}`);

      await row.getByRole('link', { name: `${target.familyName}, ${target.givenName}` }).click();
      await page.waitForURL((url) => url.pathname === `/people/${target.personId}`);
      await shot('a-person');
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(`${target.givenName} ${target.familyName}`);

      const history = page.locator('#identifiers tbody tr');
      const formerRows = await history.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
      );
      expect(formerRows).toContainEqual([
        expect.stringMatching(/^Collar/),
        target.value,
        expect.any(String),
        heldUntil,
      ]);

      await signOut(page);
      await expectSignedOut(page);
      await shot('a-investigator-signed-out');

      await signIn(page, AUDITOR, `${mode.tag}-a-auditor`);
      expect(new URL(page.url()).pathname).toBe('/');
      await shot('a-auditor-home');
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit log' }).click();
      await page.waitForURL((url) => url.pathname === '/audit');
      await shot('a-audit-log');

      await page.getByLabel('Person ID').fill(target.personId);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('personId') === target.personId);
      await shot('a-audit-log-filtered');

      const auditRows = await page
        .locator('table.govuk-table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) =>
            [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()),
          ),
        );
      expect(auditRows.length).toBeGreaterThan(0);
      // Columns: time, actor, event, subject, person, summary, request id.
      expect(auditRows.some((r) => r[1] === INVESTIGATOR && r[2] === 'person.viewed')).toBe(true);

      await signOut(page);
      await expectSignedOut(page);
    });

    test('need-to-know: your own record, and People for a role without it, are "Page not found"', async () => {
      const ownPersonId = await linkedPersonOf(server, INVESTIGATOR);

      await signIn(page, INVESTIGATOR, `${mode.tag}-b-investigator`);
      expect(new URL(page.url()).pathname).toBe('/');
      const own = await page.goto(`/people/${ownPersonId}`);
      expect(own?.status()).toBe(404);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
      await shot('b-own-record-404');
      await signOut(page);

      await signIn(page, PCC, `${mode.tag}-b-pcc`);
      expect(new URL(page.url()).pathname).toBe('/');
      await shot('b-pcc-home');
      await expect.poll(() => page.locator('header').getByRole('link', { name: 'People' }).count()).toBe(0);
      await expect.poll(() => page.locator('main').getByRole('link', { name: 'People' }).count()).toBe(0);
      const people = await page.goto('/people');
      expect(people?.status()).toBe(404);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
      await expect.poll(() => page.locator('header').getByRole('link', { name: 'People' }).count()).toBe(0);
      await shot('b-pcc-people-404');
      await signOut(page);
      await expectSignedOut(page);
    });

    test('a new account is set up from its one-time link, with an authenticator app, and signs out everywhere', async () => {
      const { setupLink } = await createUser(server.deps, systemActor('e2e'), {
        email: NEW_OFFICER,
        role: 'vetting_officer',
        forceId: 'westshire',
      });
      expect(setupLink.startsWith(`${server.baseUrl}/account/setup/`)).toBe(true);

      await page.goto(setupLink);
      await shot('c-setup');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Create your password');
      const password = 'correct horse battery staple';
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Confirm password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Create password' }).click();
      await page.waitForURL((url) => url.pathname === '/account/two-factor');
      await shot('c-enrol');

      const secret = (await page.locator('#totp-secret').textContent())?.trim() ?? '';
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await page.getByLabel('Code from the app').fill(await currentTotpCode(secret));
      await page.getByRole('button', { name: 'Confirm and continue' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await shot('c-new-officer-home');
      await expect.poll(() => page.locator('.probity-account-bar').textContent()).toContain('new.officer');

      await page.locator('.probity-account-bar').getByRole('link', { name: 'Your account' }).click();
      await page.waitForURL((url) => url.pathname === '/account');
      await shot('c-account');
      await expect.poll(() => page.locator('.govuk-summary-list').textContent()).toContain(NEW_OFFICER);
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await expectSignedOut(page);
      await shot('c-signed-out-everywhere');

      const [user] = await server.database.query<{ id: string }>('select id from users where email = $1', [
        NEW_OFFICER,
      ]);
      const sessions = await server.database.query<{ n: number }>(
        'select count(*)::int as n from sessions where user_id = $1',
        [user?.id],
      );
      expect(sessions[0]?.n).toBe(0);
      const home = await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(home?.status()).toBe(200);
    });

    test('a wrong password shows the GOV.UK error summary and signs nobody in', async () => {
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill('vetting@westshire.example');
      await page.getByLabel('Password', { exact: true }).fill('not-the-password-at-all');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in'),
        page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      ]);
      expect(response.status()).toBe(401);
      await page.waitForLoadState();
      await shot('d-wrong-password');

      const summary = page.locator('.govuk-error-summary');
      await expect.poll(() => summary.count()).toBe(1);
      await expect.poll(() => summary.getByRole('heading').textContent()).toContain('There is a problem');
      const message = 'Email address or password is incorrect';
      await expect
        .poll(async () => (await summary.locator('.govuk-error-summary__list').textContent())?.trim())
        .toBe(message);
      // The summary links to the field it is about.
      await expect.poll(() => summary.getByRole('link', { name: message }).getAttribute('href')).toBe('#email');
      await expect
        .poll(async () => (await page.locator('#email-error').textContent())?.replace(/\s+/g, ' ').trim())
        .toBe(`Error: ${message}`);
      expect(await page.title()).toMatch(/^Error: /);
      await expect.poll(() => page.locator('.probity-account-bar').count()).toBe(0);

      const cookies = await browser.context.cookies();
      expect(cookies.some((c) => c.name === 'probity_session')).toBe(false);
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    });
  });
}
