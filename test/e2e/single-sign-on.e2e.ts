import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/kernel/config/config.ts';
import { startOidcTestProvider } from '../support/oidc-test-provider.ts';
import {
  checkPage,
  clearScreenshots,
  launchBrowser,
  screenshot,
  signOut,
  startServer,
  unusedTotpCode,
  type Browser,
  type RunningServer,
} from './support/browser.ts';

/**
 * Single sign-on in a browser (issue 15): Probity's sign-in page sends the browser to a real OpenID Provider
 * (oidc-provider, started here), whose sign-in form is filled in; the provider sends it back and Probity
 * signs it in. The appropriate authority's provider asserts MFA, so Probity asks no code of its own; the
 * investigator's does not, so Probity asks for its code. Signing out offers the provider's sign-out.
 */
describe('single sign-on journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let op: Awaited<ReturnType<typeof startOidcTestProvider>>;

  beforeAll(async () => {
    clearScreenshots('s-');
    server = await startServer({ seed: { cases: 0 } });
    op = await startOidcTestProvider({ redirectUri: `${server.baseUrl}/sign-in/oidc/callback` });
    server.deps.config.oidc = loadConfig({
      PROBITY_DATA_DIR: 'memory://',
      PUBLIC_URL: server.baseUrl,
      PROBITY_OIDC_ISSUER: op.issuer,
      PROBITY_OIDC_CLIENT_ID: op.clientId,
      PROBITY_OIDC_CLIENT_SECRET: op.clientSecret,
      PROBITY_OIDC_MATCH_EMAIL: '1',
    }).oidc;
    op.accounts.set('entra-aa-0001', { email: 'aa@westshire.example' });
    op.accounts.set('entra-inv-0002', { email: 'investigator@westshire.example' });
    browser = await launchBrowser({ javaScriptEnabled: false, baseUrl: server.baseUrl });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await op?.close();
    await server?.close();
  });

  test('sign in through the organisation, with and without its second factor, and sign out', async () => {
    const { page } = browser;

    await page.goto('/sign-in?next=%2Fpeople');
    await checkPage(page, 's-a-sign-in');
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await page.waitForURL((url) => url.origin === op.issuer);
    await screenshot(page, 's-b-provider');
    await page.getByLabel('User name').fill('entra-aa-0001');
    await page.getByLabel('I used my second factor').check();
    await page.getByRole('button', { name: 'Sign in at the provider' }).click();
    await page.waitForURL((url) => url.origin === server.baseUrl && url.pathname === '/people');
    await checkPage(page, 's-c-signed-in');
    expect(await page.locator('.probity-account-bar').textContent()).toContain('Signed in as Alan Authority');
    const [linked] = await server.database.query<{ oidc_subject: string }>(
      `select oidc_subject from users where email = 'aa@westshire.example'`,
    );
    expect(linked?.oidc_subject).toBe('entra-aa-0001');

    await signOut(page);
    await checkPage(page, 's-d-signed-out');
    const providerSignOut = page.getByRole('link', { name: 'Sign out of your organisation’s account too' });
    expect(await providerSignOut.getAttribute('href')).toContain(`${op.issuer}/session/end`);
    await providerSignOut.click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { name: 'You have signed out of the test organisation' }).waitFor();
    await page.goto('/sign-in');

    // The investigator's provider asserts a password only: Probity asks for its own code.
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await page.waitForURL((url) => url.origin === op.issuer);
    await page.getByLabel('User name').fill('entra-inv-0002');
    await page.getByRole('button', { name: 'Sign in at the provider' }).click();
    await page.waitForURL((url) => url.origin === server.baseUrl && url.pathname === '/sign-in/two-factor');
    await checkPage(page, 's-e-two-factor');
    await page
      .getByLabel('Enter the 6-digit code from your authenticator app')
      .fill(await unusedTotpCode('investigator@westshire.example'));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === server.baseUrl && url.pathname === '/');
    await checkPage(page, 's-f-home');
    const [audit] = await server.database.query<{ method: string }>(
      `select payload->>'method' as method from audit_events where event_type = 'user.signed_in' order by seq desc limit 1`,
    );
    expect(audit?.method).toBe('oidc+totp');
  }, 300_000);
});
