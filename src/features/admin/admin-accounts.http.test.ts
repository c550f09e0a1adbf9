import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, sessionCookieFor } from '../../../test/support/factories.ts';
import { FormClient } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';

let t: TestApp;
let admin: FormClient;
let eastAdmin: FormClient;
let aa: FormClient;
let adminToken = '';
let aaToken = '';
let adminId = '';
let eastUserId = '';

const users = () =>
  t.database.query<{ email: string; role: string; status: string; force_id: string; version: number }>(
    `select email, role, status, force_id, version from users order by email`,
  );
const audits = (type: string) =>
  t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where event_type = $1`, [type]);
const userId = async (email: string) =>
  (await t.database.query<{ id: string }>(`select id from users where email = $1`, [email]))[0]?.id ?? '';

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://probity.west.example' });
  await createForce(t.deps.db, 'west');
  await createForce(t.deps.db, 'east');
  const a = await createAccount(t.deps, { email: 'admin@west.example', role: 'administrator', forceId: 'west' });
  adminId = a.user.id;
  admin = new FormClient(t.app, await sessionCookieFor(t.deps, a.user.id));
  adminToken = (await createApiToken(t.deps, systemActor('test', 'west'), a.user.id, 'test')).token;
  const e = await createAccount(t.deps, { email: 'admin@east.example', role: 'administrator', forceId: 'east' });
  eastAdmin = new FormClient(t.app, await sessionCookieFor(t.deps, e.user.id));
  const eastUser = await createAccount(t.deps, {
    email: 'inv@east.example',
    role: 'psd_investigator',
    forceId: 'east',
  });
  eastUserId = eastUser.user.id;
  const authority = await createAccount(t.deps, {
    email: 'aa@west.example',
    role: 'appropriate_authority',
    forceId: 'west',
  });
  aa = new FormClient(t.app, await sessionCookieFor(t.deps, authority.user.id));
  aaToken = (await createApiToken(t.deps, systemActor('test', 'west'), authority.user.id, 'test')).token;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('account administration', () => {
  it('creates an account in the administrator’s force and e-mails its set-up link (PUBLIC_URL)', async () => {
    const res = await admin.post(
      '/admin/users',
      { displayName: 'Ivy Investigator', email: 'Ivy@West.example', role: 'psd_investigator' },
      '/admin/users/new',
    );
    expect(res.statusCode).toBe(303);
    const id = await userId('ivy@west.example');
    expect(res.headers.location).toBe(`/admin/users/${id}?created=1`);
    const page = await admin.get(`/admin/users/${id}?created=1`);
    expect(page.body).toContain('Account created. The set-up link was e-mailed.');
    expect(page.body).toContain('Not yet');
    const mail = await t.database.query<{ to_address: string; text_body: string; kind: string }>(
      `select to_address, text_body, kind from outbox where user_id = $1`,
      [id],
    );
    expect(mail).toEqual([
      {
        to_address: 'ivy@west.example',
        kind: 'account_setup',
        text_body: expect.stringMatching(/https:\/\/probity\.west\.example\/account\/setup\/[\w-]+/) as string,
      },
    ]);
    expect((await audits('user.created'))[0]?.n).toBe(1);
    const list = await admin.get('/admin/users');
    expect(list.body).toContain('Ivy Investigator');
    expect(list.body).not.toContain('inv@east.example');
  });

  it('refuses bad input with a clear message (400), creating nothing', async () => {
    const before = await users();
    const bad = await admin.post(
      '/admin/users',
      { displayName: 'X', email: 'not-an-email', role: 'wizard' },
      '/admin/users/new',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an email address in the correct format');
    const dup = await admin.post(
      '/admin/users',
      { displayName: 'Again', email: 'ivy@west.example', role: 'psd_investigator' },
      '/admin/users/new',
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('Already in use');
    const viaApi = await api(t.app, 'POST', '/api/v1/admin/users', adminToken, { email: 'x@west.example' });
    expect(viaApi.statusCode).toBe(400);
    expect(await users()).toEqual(before);
  });

  it('changes a role (ending sessions), refuses a stale version, and audits the change', async () => {
    const id = await userId('ivy@west.example');
    const [row] = (await users()).filter((u) => u.email === 'ivy@west.example');
    const ok = await admin.post(
      `/admin/users/${id}`,
      { version: String(row?.version), displayName: 'Ivy Ingham', role: 'appropriate_authority', forceId: 'west' },
      `/admin/users/${id}`,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('The account was changed.');
    const stale = await admin.post(
      `/admin/users/${id}`,
      { version: String(row?.version), displayName: 'Ivy', role: 'auditor', forceId: 'west' },
      `/admin/users/${id}`,
    );
    expect(stale.statusCode).toBe(409);
    const self = await api(t.app, 'POST', `/api/v1/admin/users/${adminId}`, adminToken, {
      version: 1,
      displayName: 'Admin',
      role: 'psd_investigator',
      forceId: 'west',
    });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('You cannot change your own role or force');
    expect((await users()).find((u) => u.email === 'ivy@west.example')?.role).toBe('appropriate_authority');
    expect((await audits('user.updated'))[0]?.n).toBe(1);
  });

  it('disables an account (its sessions end, sign-in refused) and enables it again', async () => {
    const target = await createAccount(t.deps, {
      email: 'dan@west.example',
      role: 'psd_investigator',
      forceId: 'west',
    });
    const dan = new FormClient(t.app, await sessionCookieFor(t.deps, target.user.id));
    expect((await dan.get('/account')).statusCode).toBe(200);
    const off = await admin.post(`/admin/users/${target.user.id}/disable`, {}, `/admin/users/${target.user.id}`);
    expect(off.statusCode).toBe(200);
    expect((await dan.get('/account')).statusCode).toBe(303);
    const listed = await api(t.app, 'GET', `/api/v1/admin/users/${target.user.id}`, adminToken);
    expect(listed.json()).toMatchObject({ status: 'disabled', lastSignedInAt: expect.any(String) as string });
    const on = await api(t.app, 'POST', `/api/v1/admin/users/${target.user.id}/status`, adminToken, {
      status: 'active',
    });
    expect(on.json()).toMatchObject({ status: 'active' });
    const selfOff = await api(t.app, 'POST', `/api/v1/admin/users/${adminId}/status`, adminToken, {
      status: 'disabled',
    });
    expect(selfOff.statusCode).toBe(400);
    const nonsense = await api(t.app, 'POST', `/api/v1/admin/users/${target.user.id}/status`, adminToken, {
      status: 'gone',
    });
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.body).toContain('Status must be');
    expect((await audits('user.disabled'))[0]?.n).toBe(1);
    expect((await audits('user.enabled'))[0]?.n).toBe(1);
  });

  it('resets the second factor: the authenticator is forgotten and a new set-up link e-mailed', async () => {
    const target = await createAccount(t.deps, {
      email: 'eve@west.example',
      role: 'psd_investigator',
      forceId: 'west',
    });
    const res = await api(t.app, 'POST', `/api/v1/admin/users/${target.user.id}/reset-second-factor`, adminToken, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ secondFactorEnrolled: false });
    const mail = await t.database.query<{ kind: string }>(`select kind from outbox where user_id = $1`, [
      target.user.id,
    ]);
    expect(mail).toEqual([{ kind: 'account_reset' }]);
    expect((await audits('user.second_factor_reset'))[0]?.n).toBe(1);
  });

  it("answers 404 to another force's administrator and to a role without user.manage, changing nothing", async () => {
    const id = await userId('ivy@west.example');
    const before = await users();
    expect((await eastAdmin.get(`/admin/users/${id}`)).statusCode).toBe(404);
    expect((await eastAdmin.post(`/admin/users/${id}/disable`, {}, '/admin/users')).statusCode).toBe(404);
    expect((await admin.post(`/admin/users/${eastUserId}/disable`, {}, '/admin/users')).statusCode).toBe(404);
    expect((await aa.get('/admin/users')).statusCode).toBe(404);
    const created = await aa.post('/admin/users', { displayName: 'Z', email: 'z@west.example', role: 'officer' }, '/');
    expect(created.statusCode).toBe(404);
    expect((await api(t.app, 'GET', '/api/v1/admin/users', aaToken)).statusCode).toBe(404);
    expect((await api(t.app, 'GET', '/api/v1/admin/users')).statusCode).toBe(401);
    const visitor = await new FormClient(t.app).get('/admin/users');
    expect(visitor.statusCode).toBe(303);
    expect(await users()).toEqual(before);
  });
});
