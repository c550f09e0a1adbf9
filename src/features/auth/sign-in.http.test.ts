import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, api, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { currentTotpCode } from './credentials.ts';
import { createUser } from './create-user.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';

let t: TestApp;
let clock = new Date('2026-11-25T10:00:00Z');
let totpSecret: string;

beforeAll(async () => {
  t = await createTestApp({}, () => clock);
  await createForce(t.deps.db, 'west');
  totpSecret =
    (await createAccount(t.deps, { email: 'aa@west.example', role: 'appropriate_authority', forceId: 'west' }))
      .totpSecret ?? '';
  await createAccount(t.deps, { email: 'lock@west.example', role: 'psd_investigator', forceId: 'west' });
  await createAccount(t.deps, { email: 'member@public.example', role: 'public', forceId: 'west', withTotp: false });
});

afterAll(async () => {
  await t?.close();
});

/** A code is accepted once (issue 12): tests that sign the same account in again within 30 seconds forget its use first. */
async function forgetUsedCode(email: string) {
  await t.database.query(`update users set totp_last_step = null where email = $1`, [email]);
}

async function signInWithPassword(client: TestClient, email: string, password = TEST_PASSWORD) {
  return client.post('/sign-in', { email, password, next: '/people' });
}

describe('signing in', () => {
  it('asks staff for the second factor before any page opens, then lets them in', async () => {
    const client = new TestClient(t.app);
    const first = await signInWithPassword(client, 'aa@west.example');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/sign-in/two-factor?next=%2Fpeople');
    // Half signed in is not signed in.
    expect((await client.get('/people')).statusCode).toBe(303);
    const wrong = await client.post(
      '/sign-in/two-factor',
      { code: '000000', next: '/people' },
      { formPage: '/sign-in/two-factor' },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The code is not correct');
    const ok = await client.post(
      '/sign-in/two-factor',
      { code: await currentTotpCode(totpSecret), next: '/people' },
      { formPage: '/sign-in/two-factor' },
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/people');
    expect((await client.get('/people')).statusCode).toBe(200);
  });

  it('accepts a second-factor code once: the same code again, within its window, is refused', async () => {
    await forgetUsedCode('aa@west.example');
    const code = await currentTotpCode(totpSecret);
    const first = new TestClient(t.app);
    await signInWithPassword(first, 'aa@west.example');
    const ok = await first.post('/sign-in/two-factor', { code, next: '/' }, { formPage: '/sign-in/two-factor' });
    expect(ok.statusCode).toBe(303);
    const second = new TestClient(t.app);
    await signInWithPassword(second, 'aa@west.example');
    const replay = await second.post('/sign-in/two-factor', { code, next: '/' }, { formPage: '/sign-in/two-factor' });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('The code is not correct');
    expect((await second.get('/people')).statusCode).toBe(303);
    // The next step's code (accepted 30 seconds early) still works: only used codes are refused.
    const next = await second.post(
      '/sign-in/two-factor',
      { code: await currentTotpCode(totpSecret, 1), next: '/' },
      { formPage: '/sign-in/two-factor' },
    );
    expect(next.statusCode).toBe(303);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await signInWithPassword(new TestClient(t.app), 'nobody@west.example');
    const wrong = await signInWithPassword(new TestClient(t.app), 'aa@west.example', 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toContain('Email address or password is incorrect');
    expect(wrong.body).toContain('Email address or password is incorrect');
  });

  it('explains missing fields', async () => {
    const res = await new TestClient(t.app).post('/sign-in', { email: 'not-an-email', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter an email address in the correct format');
    expect(res.body).toContain('Enter your password');
  });

  it('answers alike for an unknown account, a wrong password and a locked account, slowed down alike', async () => {
    await t.database.query(
      `update users set locked_until = now() + interval '1 day', failed_sign_ins = 3 where email = 'lock@west.example'`,
    );
    const attempts = [
      { email: 'nobody-here@west.example', password: 'wrong password', address: '10.1.0.1' },
      { email: 'lock@west.example', password: TEST_PASSWORD, address: '10.1.0.2' },
      { email: 'member@public.example', password: 'wrong password', address: '10.1.0.3' },
    ];
    // The page with the visitor's own e-mail address and the form's token taken out: all that may differ.
    const shape = (body: string, email: string) =>
      body.replaceAll(email, 'EMAIL').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf"');
    const answers = async () =>
      Promise.all(
        attempts.map(async (a) => {
          const res = await signInWithPassword(new TestClient(t.app, a.address), a.email, a.password);
          return { status: res.statusCode, retryAfter: res.headers['retry-after'], body: shape(res.body, a.email) };
        }),
      );
    const first = await answers();
    expect(first[0]?.status).toBe(401);
    expect(first[0]?.body).toContain('Email address or password is incorrect');
    for (const answer of first) expect(answer).toEqual(first[0]);
    for (let i = 0; i < 4; i++) await answers();
    // The sixth attempt waits, whoever the account is (or is not): 429, the same wait, the same page.
    const sixth = await answers();
    expect(sixth[0]?.status).toBe(429);
    expect(sixth[0]?.retryAfter).toBe('15');
    expect(sixth[0]?.body).toContain('Too many failed attempts to sign in. Wait 15 seconds, then try again.');
    for (const answer of sixth) expect(answer).toEqual(sixth[0]);
    expect(await t.database.query(`select 1 from audit_events where event_type = 'user.locked_out'`)).toHaveLength(0);
    clock = new Date(clock.getTime() + 16 * 60_000);
    await t.database.query(`update users set locked_until = null where email = 'lock@west.example'`);
  });

  it('slows a stranger down without locking the holder out, and a completed sign-in starts the count again', async () => {
    await createAccount(t.deps, { email: 'holder@public.example', role: 'public', forceId: 'west', withTotp: false });
    const email = 'holder@public.example';
    // The holder's own browser completes sign-in once and is trusted for the account from then on.
    const holder = new TestClient(t.app, '10.2.0.1');
    expect((await signInWithPassword(holder, email)).statusCode).toBe(303);
    await holder.post('/sign-out', {}, { formPage: '/account' });
    const stranger = new TestClient(t.app, '10.2.0.66');
    for (let i = 0; i < 5; i++) expect((await signInWithPassword(stranger, email, 'guess')).statusCode).toBe(401);
    const refused = await signInWithPassword(stranger, email, 'guess');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('15');
    // Not even the right password is checked while the wait runs, from a browser the account never trusted …
    expect((await signInWithPassword(new TestClient(t.app, '10.2.0.2'), email)).statusCode).toBe(429);
    // … but the holder's own browser is not slowed down by the stranger at all.
    expect((await signInWithPassword(holder, email)).statusCode).toBe(303);
    expect((await holder.get('/account')).statusCode).toBe(200);
    // A completed sign-in started the account's count again: a new browser's wrong password is checked (401).
    expect((await signInWithPassword(new TestClient(t.app, '10.2.0.3'), email, 'typo')).statusCode).toBe(401);
    // The wait always ends: each further failure lengthens it (doubling, up to a ceiling), never past it.
    for (let i = 0; i < 4; i++) expect((await signInWithPassword(stranger, email, 'guess')).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = await signInWithPassword(stranger, email, 'guess');
      expect(wait.statusCode).toBe(429);
      waits.push(Number(wait.headers['retry-after']));
      clock = new Date(clock.getTime() + (waits.at(-1) ?? 0) * 1000);
      expect((await signInWithPassword(stranger, email, 'guess')).statusCode).toBe(401);
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 300]);
    clock = new Date(clock.getTime() + 301_000);
    expect((await signInWithPassword(new TestClient(t.app, '10.2.0.4'), email)).statusCode).toBe(303);
  });

  it('slows down one address trying many accounts, and only that address', async () => {
    const local = await createTestApp({
      signInThrottle: { ...t.deps.config.signInThrottle, addressFailures: 3 },
    });
    try {
      const spray = new TestClient(local.app, '10.3.0.9');
      for (const n of [1, 2, 3])
        expect((await signInWithPassword(spray, `someone${n}@west.example`, 'x')).statusCode).toBe(401);
      expect((await signInWithPassword(spray, 'someone4@west.example', 'x')).statusCode).toBe(429);
      expect(
        (await signInWithPassword(new TestClient(local.app, '10.3.0.10'), 'someone4@west.example', 'x')).statusCode,
      ).toBe(401);
    } finally {
      await local.close();
    }
  });

  it('slows down wrong second-factor codes like wrong passwords, without ending the half-signed-in session', async () => {
    await createAccount(t.deps, { email: 'codes@west.example', role: 'psd_investigator', forceId: 'west' });
    const client = new TestClient(t.app, '10.4.0.1');
    await signInWithPassword(client, 'codes@west.example');
    const code = (n: number) =>
      client.post(
        '/sign-in/two-factor',
        { code: String(n).padStart(6, '0'), next: '/' },
        { formPage: '/sign-in/two-factor' },
      );
    for (let i = 0; i < 5; i++) expect((await code(i)).statusCode).toBe(400);
    const refused = await code(9);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('15');
    expect(refused.body).toContain('Too many failed attempts to sign in');
    clock = new Date(clock.getTime() + 16_000);
    expect((await code(8)).statusCode).toBe(400);
  });

  it('lets the public in with a password alone', async () => {
    const res = await signInWithPassword(new TestClient(t.app), 'member@public.example');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/people');
  });
});

describe('sessions', () => {
  async function fullSession(): Promise<TestClient> {
    const client = new TestClient(t.app);
    await forgetUsedCode('aa@west.example');
    await signInWithPassword(client, 'aa@west.example');
    await client.post(
      '/sign-in/two-factor',
      { code: await currentTotpCode(totpSecret), next: '/' },
      { formPage: '/sign-in/two-factor' },
    );
    return client;
  }

  it('ends a session left idle past the idle time-out', async () => {
    const client = await fullSession();
    expect((await client.get('/account')).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await client.get('/account')).statusCode).toBe(303);
  });

  it('ends a session at the absolute time-out however active it is', async () => {
    const client = await fullSession();
    // 24 visits 29 minutes apart: never idle for 30 minutes, and 11 h 36 min in all.
    for (let i = 0; i < 24; i++) {
      clock = new Date(clock.getTime() + 29 * 60_000);
      expect((await client.get('/account')).statusCode).toBe(200);
    }
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect((await client.get('/account')).statusCode).toBe(303);
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const phone = await fullSession();
    const desk = await fullSession();
    const res = await desk.post('/sign-out', { everywhere: 'yes' }, { formPage: '/account' });
    expect(res.statusCode).toBe(303);
    expect((await phone.get('/account')).statusCode).toBe(303);
    expect((await desk.get('/account')).statusCode).toBe(303);
    const [row] = await t.database.query<{ payload: { sessionsEnded: number } }>(
      `select payload from audit_events where event_type = 'user.signed_out' order by seq desc limit 1`,
    );
    expect(row?.payload.sessionsEnded).toBeGreaterThanOrEqual(2);
  });

  it('sets strict security headers with no inline script allowed', async () => {
    const res = await new TestClient(t.app).get('/sign-in');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('one-time set-up links', () => {
  it('sets a password once, enrols the second factor, and refuses the link a second time', async () => {
    const { setupLink } = await createUser(t.deps, systemActor('test'), {
      email: 'new@west.example',
      role: 'vetting_officer',
      forceId: 'west',
    });
    const path = new URL(setupLink).pathname;
    const client = new TestClient(t.app);
    const short = await client.post(path, { password: 'short', confirmPassword: 'short' }, { formPage: path });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('at least 12 characters');
    const mismatch = await client.post(
      path,
      { password: 'a long enough passphrase', confirmPassword: 'something else entirely' },
      { formPage: path },
    );
    expect(mismatch.body).toContain('The passwords do not match');
    const ok = await client.post(
      path,
      { password: 'a long enough passphrase', confirmPassword: 'a long enough passphrase' },
      { formPage: path },
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/account/two-factor');
    const enrol = await client.get('/account/two-factor');
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(enrol.body)?.[1] ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(26);
    expect(enrol.body).toContain('<svg');
    const done = await client.post(
      '/account/two-factor',
      { code: await currentTotpCode(secret), next: '/' },
      { formPage: '/account/two-factor' },
    );
    expect(done.statusCode).toBe(303);
    expect((await client.get('/account')).statusCode).toBe(200);
    expect((await new TestClient(t.app).get(path)).statusCode).toBe(404);
  });

  it('rejects a duplicate email and an unknown role with clear messages and creates nothing', async () => {
    await expect(
      createUser(t.deps, systemActor('test'), { email: 'aa@west.example', role: 'auditor', forceId: 'west' }),
    ).rejects.toThrow('already exists');
    await expect(
      createUser(t.deps, systemActor('test'), { email: 'x@west.example', role: 'wizard' as never, forceId: 'west' }),
    ).rejects.toThrow('Check the details');
    const rows = await t.database.query(`select 1 from users where email = 'x@west.example'`);
    expect(rows).toHaveLength(0);
  });
});

describe('API tokens', () => {
  it('acts as the user until revoked, then answers 401', async () => {
    const client = new TestClient(t.app);
    await forgetUsedCode('aa@west.example');
    await signInWithPassword(client, 'aa@west.example');
    await client.post(
      '/sign-in/two-factor',
      { code: await currentTotpCode(totpSecret), next: '/' },
      { formPage: '/sign-in/two-factor' },
    );
    const created = await client.post('/account/tokens', { name: 'reporting script' }, { formPage: '/account' });
    const token = /id="new-token">([^<]+)</.exec(created.body)?.[1] ?? '';
    expect(token).toMatch(/^prb_/);
    const me = await api(t.app, 'GET', '/api/v1/me', token);
    expect(me.statusCode).toBe(200);
    expect(me.json<{ email: string }>().email).toBe('aa@west.example');
    const [stored] = await t.database.query<{ token_hash: string }>(
      `select token_hash from api_tokens where name = 'reporting script'`,
    );
    expect(stored?.token_hash).not.toContain(token.slice(4));
    const id = /action="\/account\/tokens\/([0-9a-f-]+)\/revoke"/.exec(created.body)?.[1] ?? '';
    await client.post(`/account/tokens/${id}/revoke`, {}, { formPage: '/account' });
    expect((await api(t.app, 'GET', '/api/v1/me', token)).statusCode).toBe(401);
  });

  it('refuses /account and token creation to a visitor who is not signed in', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.get('/account')).statusCode).toBe(303);
    const res = await anon.post('/account/tokens', { name: 'sneaky' });
    expect(res.statusCode).toBe(303);
    expect(await t.database.query(`select 1 from api_tokens where name = 'sneaky'`)).toHaveLength(0);
  });
});
