import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, TEST_PASSWORD } from '../../../test/support/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createForce(t.deps.db, 'west');
  for (const email of ['ann@public.example', 'bob@public.example'])
    await createAccount(t.deps, { email, role: 'public', forceId: 'west', withTotp: false });
});

afterAll(async () => {
  await t?.close();
});

/** The CSRF cookie and token a page gave this session. */
async function csrfOf(cookies: string): Promise<{ cookie: string; token: string }> {
  const page = await t.app.inject({
    method: 'GET',
    url: cookies ? '/account' : '/sign-in',
    headers: { cookie: cookies },
  });
  const secret =
    page.cookies.find((c) => c.name === 'probity_csrf')?.value ?? /probity_csrf=([^;]+)/.exec(cookies)?.[1];
  return { cookie: `probity_csrf=${secret}`, token: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '' };
}

async function sessionOf(email: string): Promise<string> {
  const anonymous = await csrfOf('');
  const res = await t.app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymous.cookie },
    payload: new URLSearchParams({ email, password: TEST_PASSWORD, _csrf: anonymous.token }).toString(),
  });
  const session = res.cookies.find((c) => c.name === 'probity_session')?.value;
  if (!session) throw new Error(`${email} did not sign in (${res.statusCode})`);
  return session;
}

describe('the CSRF token is bound to its session', () => {
  it('refuses a token made for another session, even with that session’s CSRF cookie, and changes nothing', async () => {
    const ann = await sessionOf('ann@public.example');
    const bob = await sessionOf('bob@public.example');
    const annPair = await csrfOf(`probity_session=${ann}`);
    const signOut = (session: string, pair: { cookie: string; token: string }) =>
      t.app.inject({
        method: 'POST',
        url: '/sign-out',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `probity_session=${session}; ${pair.cookie}`,
        },
        payload: new URLSearchParams({ _csrf: pair.token }).toString(),
      });
    // Ann's token (with Ann's CSRF cookie) posted in Bob's session: refused, and Bob is still signed in.
    expect((await signOut(bob, annPair)).statusCode).toBe(403);
    const bobPage = await t.app.inject({
      method: 'GET',
      url: '/account',
      headers: { cookie: `probity_session=${bob}` },
    });
    expect(bobPage.statusCode).toBe(200);
    // A token from before sign-in is no good after it either.
    const anonymous = await csrfOf('');
    expect((await signOut(bob, anonymous)).statusCode).toBe(403);
    // Bob's own token works.
    const bobPair = await csrfOf(`probity_session=${bob}`);
    expect((await signOut(bob, bobPair)).statusCode).toBe(303);
  });

  it('lets a page left open past its session sign out: no session stands behind it, so only the cookie is cleared', async () => {
    const ann = await sessionOf('ann@public.example');
    const annPair = await csrfOf(`probity_session=${ann}`);
    await t.database.query(`update sessions set expires_at = now() - interval '1 minute'`);
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-out',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `probity_session=${ann}; ${annPair.cookie}`,
      },
      payload: new URLSearchParams({ _csrf: annPair.token }).toString(),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?signedOut=1');
  });
});

describe('cookie names', () => {
  it('uses the __Host- prefix over https (Secure, path /, no Domain), and plain names over http', async () => {
    const secure = await createTestApp({ publicUrl: 'https://probity.example', cookieSecure: true });
    try {
      await createForce(secure.deps.db, 'west');
      await createAccount(secure.deps, {
        email: 'cat@public.example',
        role: 'public',
        forceId: 'west',
        withTotp: false,
      });
      const client = new TestClient(secure.app);
      const form = await client.get('/sign-in');
      const csrf = form.cookies.find((c) => c.name === '__Host-probity_csrf');
      expect(csrf).toMatchObject({ secure: true, path: '/' });
      expect(csrf?.domain).toBeUndefined();
      const res = await client.post('/sign-in', { email: 'cat@public.example', password: TEST_PASSWORD, next: '/' });
      expect(res.statusCode).toBe(303);
      const names = res.cookies.map((c) => c.name).sort();
      expect(names).toEqual(['__Host-probity_device', '__Host-probity_session']);
      for (const c of res.cookies) {
        expect(c).toMatchObject({ secure: true, path: '/', httpOnly: true });
        expect(c.domain).toBeUndefined();
      }
      expect((await client.get('/account')).statusCode).toBe(200);
    } finally {
      await secure.close();
    }
    const plain = await new TestClient(t.app).get('/sign-in');
    expect(plain.cookies.map((c) => c.name)).toEqual(['probity_csrf']);
  });
});
