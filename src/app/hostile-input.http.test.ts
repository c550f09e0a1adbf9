import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createAccount, sessionCookieFor } from '../../test/support/factories.ts';
import { buildCaseWorld, snapshot, type CaseWorld } from '../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { createApiToken } from '../features/auth/api-tokens.ts';
import { systemActor } from '../kernel/audit/audit-events.ts';

/**
 * The findings of the outside test (issue 12), one request each: an open redirect after sign-in, the API
 * taking a session cookie and form bodies, and the inputs that used to reach the database as a 500.
 * The property-based sweep over every operation is in hostile-input.fuzz.http.test.ts.
 */

let t: TestApp;
let w: CaseWorld;
let officerToken = '';
let officerCookie = '';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  const officer = await createAccount(t.deps, {
    email: 'officer@west.example',
    role: 'officer',
    forceId: 'west',
    personId: w.people.erin.id,
  });
  officerToken = (await createApiToken(t.deps, systemActor('test', 'west'), officer.user.id, 'test')).token;
  officerCookie = await sessionCookieFor(t.deps, officer.user.id);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

describe('the page after sign-in (open redirect)', () => {
  it.each(['/%09/evil.example', '/%0a/evil.example', '//evil.example', '/%5Cevil.example', 'https://evil.example'])(
    'never leaves the site for next=%s (GET, signed in)',
    async (next) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/sign-in?next=${next}`,
        headers: { cookie: `probity_session=${w.cookies.aa}` },
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/');
    },
  );

  it('never leaves the site after a POST either, and a next outside Latin-1 is no server error', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const secret = page.cookies.find((c) => c.name === 'probity_csrf')?.value ?? '';
    for (const next of ['/\t/evil.example', '/people?q=\u0100\u{1F600}']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { cookie: `probity_csrf=${secret}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, email: 'nobody@west.example', password: 'x', next }).toString(),
      });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('evil.example');
    }
    const signedIn = await t.app.inject({
      method: 'GET',
      url: `/sign-in?next=${encodeURIComponent('/people?q=\u0100')}`,
      headers: { cookie: `probity_session=${w.cookies.aa}` },
    });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/people?q=%C4%80');
  });
});

describe('the JSON API', () => {
  it('does not take a session cookie: a cookie alone is 401 and writes nothing', async () => {
    const before = await snapshot(t);
    const declarations = await t.app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: { cookie: `probity_session=${officerCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'category=finances&occurredOn=2026-01-01&details=forged',
    });
    expect(declarations.statusCode).toBe(401);
    const parties = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${w.normal.id}/parties`,
      headers: { cookie: `probity_session=${w.cookies.aa}`, 'content-type': 'application/json' },
      payload: { role: 'witness', name: 'Forged' },
    });
    expect(parties.statusCode).toBe(401);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${w.normal.id}`,
      headers: { cookie: `probity_session=${w.cookies.aa}` },
    });
    expect(read.statusCode).toBe(401);
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses form-encoded and multipart bodies even with a token, except a file upload', async () => {
    const before = await snapshot(t);
    const form = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${w.normal.id}/parties`,
      headers: { authorization: `Bearer ${w.tokens.aa}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'role=witness&name=Forged',
    });
    expect(form.statusCode).toBe(400);
    expect(form.json()).toMatchObject({
      error: { message: 'Send the body as JSON (Content-Type: application/json).' },
    });
    const boundary = 'b0undary';
    const multipart = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${w.normal.id}/parties`,
      headers: { authorization: `Bearer ${w.tokens.aa}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\ncontent-disposition: form-data; name="role"\r\n\r\nwitness\r\n--${boundary}--\r\n`,
    });
    expect(multipart.statusCode).toBe(400);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('API answers and tokens', () => {
  it('sends Cache-Control: no-store on every API answer with personal data', async () => {
    for (const url of [`/api/v1/cases/${w.normal.id}`, '/api/v1/people', '/api/v1/cases/not-a-case']) {
      const res = await t.app.inject({ method: 'GET', url, headers: json(w.tokens.aa) });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('refuses the API token of a locked or disabled account', async () => {
    const url = `/api/v1/cases/${w.normal.id}`;
    expect((await t.app.inject({ method: 'GET', url, headers: json(w.tokens.aaUnnamed) })).statusCode).toBe(200);
    const id = w.accounts.aaUnnamed.user.id;
    await t.database.query(`update users set locked_until = now() + interval '15 minutes' where id = $1`, [id]);
    expect((await t.app.inject({ method: 'GET', url, headers: json(w.tokens.aaUnnamed) })).statusCode).toBe(401);
    await t.database.query(`update users set locked_until = null, status = 'disabled' where id = $1`, [id]);
    expect((await t.app.inject({ method: 'GET', url, headers: json(w.tokens.aaUnnamed) })).statusCode).toBe(401);
    await t.database.query(`update users set status = 'active' where id = $1`, [id]);
  });
});

describe('input that used to be a server error', () => {
  it('refuses a NUL in a search, on the API and on the pages', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/people?q=%00', headers: json(w.tokens.aa) });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({
      error: { code: 'validation', fields: { 'query.q': 'Contains a control character' } },
    });
    const page = await t.app.inject({
      method: 'GET',
      url: '/cases?q=%00',
      headers: { cookie: `probity_session=${w.cookies.aa}` },
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('control characters');
  });

  it('refuses a NUL inside JSON fields and writes nothing', async () => {
    const before = await snapshot(t);
    const declaration = await t.app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: json(officerToken),
      payload: JSON.stringify({ category: 'finances', occurredOn: '2026-01-01', details: 'a\u0000b' }),
    });
    expect(declaration.statusCode).toBe(400);
    expect(declaration.json()).toMatchObject({ error: { fields: { details: 'Contains a control character' } } });
    const party = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${w.normal.id}/parties`,
      headers: json(w.tokens.aa),
      payload: JSON.stringify({ role: 'witness', name: 'Ann\u0000' }),
    });
    expect(party.statusCode).toBe(400);
    expect(await snapshot(t)).toBe(before);
  });

  it.each(['2026-02-30', '0000-01-01', '2025-13-01', '2026-04-31'])(
    'refuses the date %s that has the format but does not exist',
    async (occurredOn) => {
      const before = await snapshot(t);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/declarations',
        headers: json(officerToken),
        payload: JSON.stringify({ category: 'finances', occurredOn, details: 'New loan' }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'validation', fields: { occurredOn: 'Enter the date it happened' } },
      });
      expect(await snapshot(t)).toBe(before);
    },
  );

  it('refuses a JSON body of null', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${w.normal.id}/parties`,
      headers: json(w.tokens.aa),
      payload: 'null',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { message: 'The body must be a JSON object.' } });
  });

  it('refuses multipart without a boundary, even on the anonymous sign-in form', async () => {
    for (const [url, headers] of [
      ['/sign-in', {}],
      ['/api/v1/declarations', { authorization: `Bearer ${officerToken}` }],
      [`/cases/${w.normal.id}/evidence`, { cookie: `probity_session=${w.cookies.aa}` }],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'multipart/form-data' },
        payload: 'x',
      });
      expect(res.statusCode, url).toBe(400);
    }
  });
});
