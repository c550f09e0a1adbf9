import { describe, expect, it } from 'vitest';
import { createTestApp, TestClient } from '../../../test/support/test-app.ts';
import { createAccount, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { currentTotpCode } from './credentials.ts';
import {
  t,
  totpSecret,
  advanceClock,
  useSignInWorld,
  forgetUsedCode,
  signInWithPassword,
} from '../../../test/fixtures/auth/sign-in.http-fixtures.ts';

/** Signing in: the second factor, the same answer for every failure, and slowing down guessing. */
useSignInWorld();

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
    advanceClock(16 * 60_000);
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
      advanceClock((waits.at(-1) ?? 0) * 1000);
      expect((await signInWithPassword(stranger, email, 'guess')).statusCode).toBe(401);
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 300]);
    advanceClock(301_000);
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
    advanceClock(16_000);
    expect((await code(8)).statusCode).toBe(400);
  });

  it('lets the public in with a password alone', async () => {
    const res = await signInWithPassword(new TestClient(t.app), 'member@public.example');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/people');
  });
});
