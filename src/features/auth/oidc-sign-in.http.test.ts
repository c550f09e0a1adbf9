import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../kernel/config/config.ts';
import { createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { startOidcTestProvider } from '../../../test/support/oidc-test-provider.ts';
import { currentTotpCode } from './credentials.ts';

/**
 * Single sign-on against a real OpenID Provider (oidc-provider) on a random port: Probity's callback is
 * requested through the test app, the provider's pages over HTTP, as the browser in between would.
 */
let t: TestApp;
let op: Awaited<ReturnType<typeof startOidcTestProvider>>;
let clock = new Date();
let aaTotp = '';
const REDIRECT = 'http://127.0.0.1:3000/sign-in/oidc/callback';

beforeAll(async () => {
  op = await startOidcTestProvider({ redirectUri: REDIRECT });
  const oidc = loadConfig({
    PROBITY_DATA_DIR: 'memory://',
    PROBITY_OIDC_ISSUER: op.issuer,
    PROBITY_OIDC_CLIENT_ID: op.clientId,
    PROBITY_OIDC_CLIENT_SECRET: op.clientSecret,
    PROBITY_OIDC_MATCH_EMAIL: '1',
    PROBITY_OIDC_GROUP_ROLES: '{"psd-vetting": "vetting_officer"}',
  }).oidc;
  expect(oidc?.redirectUri).toBe(REDIRECT);
  t = await createTestApp({ oidc }, () => clock);
  await createForce(t.deps.db, 'west');
  aaTotp =
    (await createAccount(t.deps, { email: 'aa@west.example', role: 'appropriate_authority', forceId: 'west' }))
      .totpSecret ?? '';
  await t.database.query(`update users set oidc_subject = 'sub-aa' where email = 'aa@west.example'`);
  await createAccount(t.deps, { email: 'inv@west.example', role: 'psd_investigator', forceId: 'west' });
  await createAccount(t.deps, { email: 'gone@west.example', role: 'psd_investigator', forceId: 'west' });
  await t.database.query(
    `update users set oidc_subject = 'sub-gone', status = 'disabled' where email = 'gone@west.example'`,
  );
  await createAccount(t.deps, { email: 'vet@west.example', role: 'psd_investigator', forceId: 'west' });
  await t.database.query(`update users set oidc_subject = 'sub-vet' where email = 'vet@west.example'`);
  op.accounts.set('sub-aa', { email: 'aa@west.example' });
  op.accounts.set('sub-inv', { email: 'INV@west.example' });
  op.accounts.set('sub-stranger', { email: 'stranger@elsewhere.example' });
  op.accounts.set('sub-gone', { email: 'gone@west.example' });
  op.accounts.set('sub-vet', { email: 'vet@west.example', groups: ['all-staff', 'psd-vetting'] });
}, 120_000);

afterAll(async () => {
  await t?.close();
  await op?.close();
});

/** Starts single sign-on at Probity: the provider's authorization URL it redirects to. */
async function begin(client: TestClient, next = '/people'): Promise<URL> {
  const res = await client.get(`/sign-in/oidc?next=${encodeURIComponent(next)}`);
  expect(res.statusCode).toBe(303);
  const url = new URL(String(res.headers.location));
  expect(url.origin).toBe(op.issuer);
  return url;
}

async function lastAudit(type: string) {
  const [row] = await t.database.query<{ payload: Record<string, unknown>; actor_user_id: string | null }>(
    `select payload, actor_user_id from audit_events where event_type = $1 order by seq desc limit 1`,
    [type],
  );
  return row;
}

async function userRow(email: string) {
  const [row] = await t.database.query<{ id: string; oidc_subject: string | null; role: string }>(
    `select id, oidc_subject, role from users where email = $1`,
    [email],
  );
  return row;
}

describe('single sign-on with OpenID Connect', () => {
  it('offers the button on the sign-in page and asks with PKCE (S256), state and nonce', async () => {
    const client = new TestClient(t.app);
    const page = await client.get('/sign-in');
    expect(page.body).toContain('Sign in with your organisation');
    const url = await begin(client);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
  });

  it('signs a staff member in without Probity’s code when the provider asserts MFA in amr', async () => {
    const client = new TestClient(t.app);
    const callback = await op.signIn((await begin(client)).href, 'sub-aa', true);
    const res = await client.get(callback);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/people');
    expect((await client.get('/people')).statusCode).toBe(200);
    const aa = await userRow('aa@west.example');
    const signedIn = await lastAudit('user.signed_in');
    expect(signedIn?.payload).toMatchObject({ userId: aa?.id, method: 'oidc+mfa' });
  });

  it('asks for Probity’s own code when amr asserts a single factor, then lets them in', async () => {
    const client = new TestClient(t.app);
    const callback = await op.signIn((await begin(client)).href, 'sub-aa', false);
    const res = await client.get(callback);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in/two-factor?next=%2Fpeople');
    expect((await client.get('/people')).statusCode).toBe(303);
    await t.database.query(`update users set totp_last_step = null where email = 'aa@west.example'`);
    const ok = await client.post(
      '/sign-in/two-factor',
      { code: await currentTotpCode(aaTotp), next: '/people' },
      { formPage: '/sign-in/two-factor' },
    );
    expect(ok.statusCode).toBe(303);
    expect((await client.get('/people')).statusCode).toBe(200);
    expect((await lastAudit('user.signed_in'))?.payload).toMatchObject({ method: 'oidc+totp' });
  });

  it('links an account by its e-mail on the first sign-in when allowed, and by sub from then on', async () => {
    const client = new TestClient(t.app);
    const res = await client.get(await op.signIn((await begin(client)).href, 'sub-inv', true));
    expect(res.statusCode).toBe(303);
    const inv = await userRow('inv@west.example');
    expect(inv?.oidc_subject).toBe('sub-inv');
    expect((await lastAudit('user.oidc_linked'))?.payload).toMatchObject({ userId: inv?.id, matchedBy: 'email' });
    // The e-mail claim no longer matters: the subject finds the account even when the address changes.
    op.accounts.set('sub-inv', { email: 'renamed@west.example' });
    const again = new TestClient(t.app);
    expect((await again.get(await op.signIn((await begin(again)).href, 'sub-inv', true))).statusCode).toBe(303);
    expect((await again.get('/people')).statusCode).toBe(200);
  });

  it('maps a configured group claim to the role', async () => {
    const client = new TestClient(t.app);
    const res = await client.get(await op.signIn((await begin(client)).href, 'sub-vet', true));
    expect(res.statusCode).toBe(303);
    expect((await userRow('vet@west.example'))?.role).toBe('vetting_officer');
    expect((await lastAudit('user.updated'))?.payload).toMatchObject({
      changes: { role: { from: 'psd_investigator', to: 'vetting_officer' } },
    });
  });

  it('refuses an unknown account, and audits it', async () => {
    const client = new TestClient(t.app);
    const res = await client.get(await op.signIn((await begin(client)).href, 'sub-stranger', true));
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('There is no Probity account for you');
    expect((await client.get('/people')).statusCode).toBe(303);
    expect((await lastAudit('user.sign_in_failed'))?.payload).toMatchObject({
      email: 'stranger@elsewhere.example',
      reason: 'unknown_account',
    });
  });

  it('refuses a disabled account', async () => {
    const client = new TestClient(t.app);
    const res = await client.get(await op.signIn((await begin(client)).href, 'sub-gone', true));
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('not active');
    expect((await client.get('/people')).statusCode).toBe(303);
    expect((await lastAudit('user.sign_in_failed'))?.payload).toMatchObject({ reason: 'not_active' });
  });

  it('refuses an answer whose state is not the one this browser was given', async () => {
    const client = new TestClient(t.app);
    const url = await begin(client);
    url.searchParams.set('state', 'forged-state-value');
    const res = await client.get(await op.signIn(url.href, 'sub-aa', true));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('did not complete');
    expect((await client.get('/people')).statusCode).toBe(303);
    expect((await lastAudit('user.sign_in_failed'))?.payload).toMatchObject({ reason: 'oidc_failed' });
  });

  it('refuses an ID token whose nonce is not the one this browser was given', async () => {
    const client = new TestClient(t.app);
    const url = await begin(client);
    url.searchParams.set('nonce', 'a-nonce-of-another-sign-in');
    const res = await client.get(await op.signIn(url.href, 'sub-aa', true));
    expect(res.statusCode).toBe(400);
    expect((await client.get('/people')).statusCode).toBe(303);
  });

  it('refuses a callback without the sign-in cookie, or with one altered', async () => {
    const client = new TestClient(t.app);
    const callback = await op.signIn((await begin(client)).href, 'sub-aa', true);
    const stranger = new TestClient(t.app);
    expect((await stranger.get(callback)).statusCode).toBe(400);
    stranger.setCookie('probity_oidc', 'eyJzdGF0ZSI6IngifQ.forged');
    expect((await stranger.get(callback)).statusCode).toBe(400);
    expect((await stranger.get('/people')).statusCode).toBe(303);
  });

  it('refuses a sign-in that took longer than ten minutes (the state cookie is too old)', async () => {
    const client = new TestClient(t.app);
    const callback = await op.signIn((await begin(client)).href, 'sub-aa', true);
    const started = clock;
    clock = new Date(started.getTime() + 11 * 60_000);
    try {
      const res = await client.get(callback);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('took too long');
      expect((await lastAudit('user.sign_in_failed'))?.payload).toMatchObject({ reason: 'oidc_expired' });
    } finally {
      clock = started;
    }
    expect((await client.get('/people')).statusCode).toBe(303);
  });

  it('signs out of Probity and offers the provider’s end-session URL', async () => {
    const client = new TestClient(t.app);
    await client.get(await op.signIn((await begin(client)).href, 'sub-aa', true));
    const out = await client.post('/sign-out', {}, { formPage: '/account' });
    expect(out.headers.location).toBe('/sign-in?signedOut=1');
    expect((await client.get('/people')).statusCode).toBe(303);
    const page = await client.get('/sign-in?signedOut=1');
    expect(page.body).toContain(`${op.issuer}/session/end?client_id=${op.clientId}`);
  });

  it('with local sign-in off, refuses staff the password form but still lets the public use it', async () => {
    const oidc = t.deps.config.oidc;
    if (!oidc) throw new Error('no oidc configuration');
    await createAccount(t.deps, { email: 'member@public.example', role: 'public', forceId: 'west', withTotp: false });
    t.deps.config.oidc = { ...oidc, localSignIn: false };
    try {
      const staff = await new TestClient(t.app).post('/sign-in', {
        email: 'aa@west.example',
        password: TEST_PASSWORD,
        next: '/',
      });
      expect(staff.statusCode).toBe(401);
      expect(staff.body).toContain('Staff sign in through their organisation');
      expect((await lastAudit('user.sign_in_failed'))?.payload).toMatchObject({ reason: 'local_disabled' });
      const member = await new TestClient(t.app).post('/sign-in', {
        email: 'member@public.example',
        password: TEST_PASSWORD,
        next: '/',
      });
      expect(member.statusCode).toBe(303);
    } finally {
      t.deps.config.oidc = oidc;
    }
  });
});
