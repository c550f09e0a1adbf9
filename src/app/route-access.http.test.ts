import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfPairFor, type TestApp } from '../../test/support/test-app.ts';
import { createAccount, sessionCookieFor } from '../../test/support/factories.ts';
import { createApiToken } from '../features/auth/api-tokens.ts';
import { systemActor } from '../kernel/audit/audit-events.ts';
import { buildCaseWorld, snapshot, type CaseWorld } from '../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { isPublic } from '../../test/fixtures/app/route-need-to-know.http-fixtures.ts';

/**
 * A net under every route the server registers, so that a new route cannot forget its guard: signed out,
 * a page sends you to sign in and the API answers 401; signed in without need-to-know, a record of another
 * force or a page your role has no use for answers 404. Nothing is written either way. Each feature's own
 * tests check the same with its real records and forms; this one checks that no route was left out.
 * Need-to-know itself (a real record, asked for by a user who holds the ability but has no need-to-know, by
 * another force's user of the same role, and by the record's subject) is route-need-to-know.http.test.ts.
 */

/** Every signed-in user may use these (their own account, declarations about themselves, signing out). */
const ANY_SIGNED_IN = [
  /^\/account/,
  /^\/api\/v1\/me$/,
  /^\/sign-out$/,
  /^\/declarations$/,
  /^\/api\/v1\/declarations$/,
  /^\/api\/v1\/notifications/,
];

describe('every registered route', () => {
  let t: TestApp;
  let w: CaseWorld;
  let officerCookie = '';
  let officerToken = '';
  let routes: { method: string; url: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCaseWorld(t);
    const officer = await createAccount(t.deps, { email: 'officer@west.example', role: 'officer', forceId: 'west' });
    officerCookie = await sessionCookieFor(t.deps, officer.user.id);
    officerToken = (await createApiToken(t.deps, systemActor('test', 'west'), officer.user.id, 'test')).token;
    routes = t.app.registeredRoutes.filter((r) => !isPublic(r.url));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  /** A real record of force "west" for the params that name one, so a refusal is about access, not absence. */
  function fill(url: string): string {
    return url.replace(/:(\w+)/g, (_, name: string) => {
      if (url.startsWith('/cases/:id') || url.startsWith('/api/v1/cases/:id')) if (name === 'id') return w.normal.id;
      if ((url.startsWith('/people/:id') || url.startsWith('/api/v1/people/:id')) && name === 'id')
        return w.people.carol.id;
      if (name === 'personId') return w.people.carol.id;
      if (name === 'action') return 'assess-severity';
      if (name === 'file' || name === 'section') return 'cases';
      return randomUUID();
    });
  }

  /** A valid CSRF pair (cookie secret and token) per session, so that a form post reaches its access check. */
  const csrfPairs = new Map<string, { cookie: string; token: string }>();
  async function csrfOf(session: string | undefined) {
    const known = csrfPairs.get(session ?? '');
    if (known) return known;
    const pair = await csrfPairFor(t.app, session);
    csrfPairs.set(session ?? '', pair);
    return pair;
  }

  /** A page request carries the session cookie; an API request the bearer token (the API takes no cookie). */
  async function call(method: string, url: string, who: { cookie: string; token: string } | null) {
    const isApi = url.startsWith('/api/');
    const csrf = await csrfOf(who && !isApi ? who.cookie : undefined);
    const cookies = [who && !isApi ? `probity_session=${who.cookie}` : '', csrf.cookie].filter(Boolean).join('; ');
    return t.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(who && isApi ? { authorization: `Bearer ${who.token}` } : {}),
        cookie: cookies,
        'x-csrf-token': csrf.token,
        'content-type': isApi ? 'application/json' : 'application/x-www-form-urlencoded',
      },
      payload: method === 'GET' || method === 'DELETE' ? undefined : isApi ? '{}' : 'x=1',
    });
  }

  /**
   * 404, or for an API write whose (deliberately empty) body fails validation, 400: the API validates the
   * body before the handler looks the record up, and its answer names only the body's fields. Each feature's
   * tests send valid bodies and see 404.
   */
  const refused = (method: string, url: string, status: number) =>
    status === 404 || (status === 400 && method !== 'GET' && url.startsWith('/api/'));

  it('has the routes of every feature (the registry is filled)', () => {
    const urls = routes.map((r) => r.url);
    for (const prefix of [
      '/cases',
      '/people',
      '/restrictions',
      '/vetting',
      '/oversight',
      '/recommendations',
      '/publications',
      '/api/v1/vetting',
      '/api/v1/restrictions',
    ]) {
      expect(
        urls.some((u) => u.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(routes.length).toBeGreaterThan(150);
  });

  it('sends a visitor who is not signed in to sign in (pages) or answers 401 (API), writing nothing', async () => {
    const before = await snapshot(t);
    const wrong: string[] = [];
    for (const r of routes) {
      const url = fill(r.url);
      const res = await call(r.method, url, null);
      const ok = url.startsWith('/api/')
        ? res.statusCode === 401
        : res.statusCode === 303 && String(res.headers.location).startsWith('/sign-in');
      if (!ok) wrong.push(`${r.method} ${r.url} → ${res.statusCode} ${String(res.headers.location ?? '')}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot(t)).toBe(before);
  }, 300_000);

  it("answers 404 to a signed-in user without need-to-know: another force's records, and pages their role has no use for", async () => {
    const east = { cookie: w.cookies.east, token: w.tokens.east };
    const officer = { cookie: officerCookie, token: officerToken };
    const before = await snapshot(t, false);
    const wrong: string[] = [];
    for (const r of routes) {
      if (ANY_SIGNED_IN.some((p) => p.test(r.url))) continue;
      const url = fill(r.url);
      // An officer (no professional-standards role) may use none of these routes.
      const asOfficer = await call(r.method, url, officer);
      if (!refused(r.method, url, asOfficer.statusCode))
        wrong.push(`officer: ${r.method} ${r.url} → ${asOfficer.statusCode}`);
      // The other force's appropriate authority, on a route naming one of this force's records.
      if (/:(id|personId)\b/.test(r.url) && /^\/(api\/v1\/)?(cases|people|vetting\/people)\//.test(r.url)) {
        const asEast = await call(r.method, url, east);
        if (!refused(r.method, url, asEast.statusCode))
          wrong.push(`other force: ${r.method} ${r.url} → ${asEast.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot(t, false)).toBe(before);
  }, 300_000);
});
