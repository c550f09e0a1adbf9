import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, api, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, sessionCookieFor } from '../../../test/support/factories.ts';
import {
  as,
  buildCaseWorld,
  principalOfWorld,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { FormClient } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { allocateCase } from '../misconduct/allocate-case.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';

let t: TestApp;
let w: CaseWorld;
let westAdmin = '';
let eastAdmin = '';
let westAdminToken = '';

const version = async (caseId: string) =>
  (await t.database.query<{ version: number }>(`select version from cases where id = $1`, [caseId]))[0]?.version ?? 0;
const allocate = async (caseId: string, leadId: string) =>
  allocateCase(
    t.deps,
    principalOfWorld(w, 'aa'),
    { caseId, version: await version(caseId), leadInvestigatorId: leadId },
    null,
  );
const noticeIds = async (userId: string) =>
  (await t.database.query<{ id: string }>(`select id from notifications where user_id = $1`, [userId])).map(
    (r) => r.id,
  );

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  const admin = await createAccount(t.deps, { email: 'admin@west.example', role: 'administrator', forceId: 'west' });
  westAdmin = await sessionCookieFor(t.deps, admin.user.id);
  westAdminToken = (await createApiToken(t.deps, systemActor('test', 'west'), admin.user.id, 'test')).token;
  const east = await createAccount(t.deps, { email: 'admin@east.example', role: 'administrator', forceId: 'east' });
  eastAdmin = await sessionCookieFor(t.deps, east.user.id);
  await allocate(w.normal.id, w.accounts.lead.user.id);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('notices in the app', () => {
  it('tells the new lead of an allocation: a count in the header and the notice with its link', async () => {
    const lead = as(t, w, 'lead');
    const account = await lead.get('/account');
    expect(account.body).toMatch(/id="header-notifications">Notifications <strong[^>]*>1<span/);
    const page = await lead.get('/account/notifications');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`has been allocated to you as lead investigator.`);
    expect(page.body).toContain(`href="/cases/${w.normal.id}"`);
    const mail = await t.database.query<{ to_address: string; text_body: string }>(
      `select to_address, text_body from outbox where kind = 'case_allocated'`,
    );
    expect(mail.map((m) => m.to_address)).toEqual(['lead@west.example']);
    expect(mail[0]?.text_body).not.toContain('Offensive messages');
  });

  it('never names a case the reader may no longer see', async () => {
    await allocate(w.restricted.id, w.accounts.lead.user.id);
    let page = await as(t, w, 'lead').get('/account/notifications');
    expect(page.body).toContain(`href="/cases/${w.restricted.id}"`);
    // Taken off the restricted case, the lead may no longer see it: the notice stays, anonymous.
    await allocate(w.restricted.id, w.accounts.investigator.user.id);
    page = await as(t, w, 'lead').get('/account/notifications');
    expect(page.body).not.toContain(w.restricted.id);
    expect(page.body).toContain('A notice about a record you can no longer see.');
    const res = await api(t.app, 'GET', '/api/v1/notifications', w.tokens.lead);
    const body = res.json<{ items: { reference: string; link: string | null }[] }>();
    expect(body.items.filter((i) => i.link === null)).toEqual([expect.objectContaining({ reference: '—' })]);
  });

  it("marks the user's own notices read, and nobody else's", async () => {
    const [own] = await noticeIds(w.accounts.lead.user.id);
    const [theirs] = await noticeIds(w.accounts.investigator.user.id);
    if (!own || !theirs) throw new Error('no notices');
    const lead = as(t, w, 'lead');
    const marked = await lead.post('/account/notifications/read', { id: theirs }, '/account/notifications');
    expect(marked.statusCode).toBe(303);
    const unreadTheirs = await t.database.query(`select 1 from notifications where id = $1 and read_at is null`, [
      theirs,
    ]);
    expect(unreadTheirs).toHaveLength(1);
    await lead.post('/account/notifications/read', { id: own }, '/account/notifications');
    const after = await t.database.query(`select 1 from notifications where id = $1 and read_at is not null`, [own]);
    expect(after).toHaveLength(1);
    const bad = await lead.post('/account/notifications/read', { id: 'nonsense' }, '/account/notifications');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a notice to mark as read');
    const apiBad = await api(t.app, 'POST', '/api/v1/notifications/read', w.tokens.lead, { ids: ['x'] });
    expect(apiBad.statusCode).toBe(400);
    expect(apiBad.body).toContain('Each notice id must be a UUID');
    const all = await api(t.app, 'POST', '/api/v1/notifications/read', w.tokens.lead, { all: true });
    expect(all.json()).toEqual({ marked: 1 });
  });

  it('keeps each user’s e-mail choice and refuses nonsense', async () => {
    const lead = as(t, w, 'lead');
    const saved = await lead.post('/account/notifications/delivery', { delivery: 'digest' }, '/account/notifications');
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Your e-mail choice was saved.');
    const bad = await lead.post('/account/notifications/delivery', { delivery: 'weekly' }, '/account/notifications');
    expect(bad.statusCode).toBe(400);
    const rows = await t.database.query<{ email: string; notification_delivery: string }>(
      `select email, notification_delivery from users where notification_delivery = 'digest'`,
    );
    expect(rows).toEqual([{ email: 'lead@west.example', notification_delivery: 'digest' }]);
  });

  it('sends a visitor to sign in and answers 401 on the API', async () => {
    const page = await new FormClient(t.app).get('/account/notifications');
    expect(page.statusCode).toBe(303);
    expect(String(page.headers.location)).toMatch(/^\/sign-in/);
    expect((await api(t.app, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
  });
});

describe('the outbox page', () => {
  it("shows administrators their force's outbox, and nobody else", async () => {
    const page = await new FormClient(t.app, westAdmin).get('/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lead@west.example');
    expect(page.body).toContain('No SMTP server is configured');
    const east = await new FormClient(t.app, eastAdmin).get('/admin/outbox');
    expect(east.statusCode).toBe(200);
    expect(east.body).not.toContain('lead@west.example');
    expect((await as(t, w, 'aa').get('/admin/outbox')).statusCode).toBe(404);
    expect((await api(t.app, 'GET', '/api/v1/admin/outbox', w.tokens.aa)).statusCode).toBe(404);
    const viaApi = await api(t.app, 'GET', '/api/v1/admin/outbox', westAdminToken);
    expect(viaApi.json<{ items: { toAddress: string }[] }>().items.map((i) => i.toAddress)).toContain(
      'lead@west.example',
    );
  });
});
