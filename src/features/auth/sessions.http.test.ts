import { describe, expect, it } from 'vitest';
import { TestClient, api } from '../../../test/support/test-app.ts';
import { currentTotpCode } from './credentials.ts';
import { createUser } from './create-user.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import {
  t,
  totpSecret,
  advanceClock,
  useSignInWorld,
  forgetUsedCode,
  signInWithPassword,
} from '../../../test/fixtures/auth/sign-in.http-fixtures.ts';

/** Sessions and their time-outs, one-time set-up links and API tokens. */
useSignInWorld();

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
    advanceClock(31 * 60_000);
    expect((await client.get('/account')).statusCode).toBe(303);
  });

  it('ends a session at the absolute time-out however active it is', async () => {
    const client = await fullSession();
    // 24 visits 29 minutes apart: never idle for 30 minutes, and 11 h 36 min in all.
    for (let i = 0; i < 24; i++) {
      advanceClock(29 * 60_000);
      expect((await client.get('/account')).statusCode).toBe(200);
    }
    advanceClock(29 * 60_000);
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
