import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, sessionCookieFor } from '../../../test/support/factories.ts';

/**
 * The pages every visitor meets around the service (issue 17, "readable pages"): the favicon, the service
 * status as a page (the footer's link), the API's operations as plain HTML without JavaScript, and the
 * account bar and back link inside landmarks.
 */

let t: TestApp;
let cookie = '';

beforeAll(async () => {
  t = await createTestApp();
  await createForce(t.deps.db, 'west');
  const aa = await createAccount(t.deps, { email: 'aa@west.example', role: 'appropriate_authority', forceId: 'west' });
  cookie = await sessionCookieFor(t.deps, aa.user.id);
});

afterAll(async () => {
  await t?.close();
});

describe('the pages around the service', () => {
  it('serves /favicon.ico', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/icon/);
    expect(res.rawPayload.length).toBeGreaterThan(100);
  });

  it('links the footer’s "Service status" to a page in words, keeping /health as JSON for monitors', async () => {
    const home = await new TestClient(t.app).setCookie('probity_session', cookie).get('/');
    expect(home.body).toContain('<a class="govuk-footer__link" href="/status">Service status</a>');
    const page = await t.app.inject({ method: 'GET', url: '/status' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Service status</h1>');
    expect(page.body).toContain('Probity is working');
    expect(page.body).toMatch(/The database \(PGlite, embedded\) answered in \d+ ms/);
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toMatchObject({ status: 'ok' });
  });

  it('lists the API’s operations as plain HTML (no JavaScript), linked from the footer and from /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="govuk-heading-l">Probity API</h1>');
    expect(res.body).toMatch(
      /<code>GET<\/code><\/td>\s*<td class="govuk-table__cell govuk-!-text-break-word"><code>\/api\/v1\/cases<\/code>/,
    );
    expect(res.body).toContain('href="/api/v1/openapi.json"');
    expect(res.body).not.toContain('<script src');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.body).toContain('<noscript>');
    expect(docs.body).toContain('href="/api"');
  });

  it('puts the account bar and the back link inside landmarks', async () => {
    const client = new TestClient(t.app).setCookie('probity_session', cookie);
    const page = (await client.get('/cases/caseload')).body;
    const header = page.slice(page.indexOf('<header'), page.indexOf('</header>'));
    expect(header).toContain('probity-account-bar');
    expect(page).toMatch(
      /<nav aria-label="Back" class="probity-before-content">\s*<a href="\/cases" class="govuk-back-link"/,
    );
    const home = (await client.get('/')).body;
    expect(home).not.toContain('aria-label="Back"');
  });
});
