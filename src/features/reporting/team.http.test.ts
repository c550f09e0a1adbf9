import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createForce, sessionCookieFor } from '../../../test/support/factories.ts';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import type { Role } from '../../kernel/access/roles.ts';
import {
  jpegWithGps,
  receiptOf,
  REPORT_TEXT,
  reportFields,
  sendReport,
} from '../../../test/fixtures/reporting/reporting.http-fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const tokens: Record<string, string> = {};
let reportId = '';
let receipt = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  await createForce(t.deps.db, 'west', 'Westshire Police');
  await createForce(t.deps.db, 'east', 'Eastshire Police');
  const people: [string, Role, string][] = [
    ['unit', 'confidential_unit', 'west'],
    ['psd', 'psd_investigator', 'west'],
    ['aa', 'appropriate_authority', 'west'],
    ['admin', 'administrator', 'west'],
    ['eastUnit', 'confidential_unit', 'east'],
  ];
  for (const [who, role, forceId] of people) {
    const { user } = await createAccount(t.deps, { email: `${who}@${forceId}.example`, role, forceId });
    cookies[who] = await sessionCookieFor(t.deps, user.id);
    tokens[who] = (await createApiToken(t.deps, systemActor('test', forceId), user.id, 'test')).token;
  }
  const sent = await sendReport(t.app, 'west', reportFields(), await jpegWithGps());
  receipt = receiptOf(sent);
  reportId = (await t.database.query<{ id: string }>('select id from reports'))[0]!.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const as = (who: string) => new TestClient(t.app).setCookie('probity_session', cookies[who]!);
const version = async () =>
  String(
    (await t.database.query<{ version: number }>('select version from reports where id = $1', [reportId]))[0]!.version,
  );
const state = async () =>
  JSON.stringify([
    await t.database.query('select status, version from reports'),
    await t.database.query('select count(*)::int as n from report_messages'),
  ]);

describe('the confidential unit', () => {
  it('alone sees the inbox and the report: PSD, the appropriate authority, administrators and another force get 404', async () => {
    const inbox = await as('unit').get('/reports');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain(`/reports/${reportId}`);
    expect(inbox.body).not.toContain(REPORT_TEXT);
    const before = await state();
    for (const who of ['psd', 'aa', 'admin', 'eastUnit']) {
      if (who !== 'eastUnit') expect((await as(who).get('/reports')).statusCode).toBe(404);
      expect((await as(who).get(`/reports/${reportId}`)).statusCode).toBe(404);
      expect((await api(t.app, 'GET', `/api/v1/reports/${reportId}`, tokens[who])).statusCode).toBe(404);
      const post = await as(who).post(`/reports/${reportId}/acknowledge`, { version: '1' }, { formPage: '/account' });
      expect(post.statusCode).toBe(404);
    }
    expect((await as('eastUnit').get('/reports')).body).not.toContain(reportId);
    expect(await state()).toBe(before);
    expect((await as('psd').get('/cases')).body).not.toContain('Confidential reports');
  });

  it('reads the report, every read audited, without the identity', async () => {
    const page = await as('unit').get(`/reports/${reportId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(REPORT_TEXT);
    expect(page.body).toContain('evidence-1.jpg');
    const events = await t.database.query<{ event_type: string }>(
      `select event_type from audit_events where event_type like 'report.%' order by seq`,
    );
    // The west unit's inbox, the east unit's (empty) inbox, and the one read of the report.
    expect(events.map((e) => e.event_type).sort()).toEqual([
      'report.inbox_viewed',
      'report.inbox_viewed',
      'report.viewed',
    ]);
    const audit = JSON.stringify(await t.database.query('select * from audit_events'));
    expect(audit).not.toContain(REPORT_TEXT);
    expect(audit).not.toContain(receipt);
  });

  it('downloads the photo without its EXIF, audited', async () => {
    const [file] = await t.database.query<{ id: string }>('select id from report_files');
    const res = await as('unit').get(`/reports/${reportId}/files/${file!.id}`);
    expect(res.statusCode).toBe(200);
    expect((await sharp(res.rawPayload).metadata()).exif).toBeUndefined();
    expect(res.rawPayload.includes(Buffer.from('PhoneCo'))).toBe(false);
    const [n] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'report.file_read'`,
    );
    expect(n!.n).toBe(1);
  });

  it('acknowledges, asks a question and keeps a note; the reporter reads the first two only, and answers', async () => {
    expect(
      (
        await as('unit').post(
          `/reports/${reportId}/acknowledge`,
          { version: await version() },
          { formPage: '/account' },
        )
      ).statusCode,
    ).toBe(303);
    const ask = await as('unit').post(
      `/reports/${reportId}/messages`,
      { version: await version(), body: 'Which group chat was it?' },
      { formPage: '/account' },
    );
    expect(ask.statusCode).toBe(303);
    await as('unit').post(
      `/reports/${reportId}/notes`,
      { version: await version(), body: 'Check against the Bravo rota' },
      { formPage: '/account' },
    );
    const empty = await as('unit').post(
      `/reports/${reportId}/messages`,
      { version: await version(), body: '' },
      { formPage: '/account' },
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write the message');
    const stale = await as('unit').post(`/reports/${reportId}/acknowledge`, { version: '1' }, { formPage: '/account' });
    expect(stale.statusCode).toBe(409);

    const reporter = new TestClient(t.app);
    await reporter.post('/report/west/follow-up', { receipt }, { csrf: false });
    const status = await reporter.get('/report/west/status');
    expect(status.body).toContain('Acknowledged: the confidential unit has read your report.');
    expect(status.body).toContain('Which group chat was it?');
    expect(status.body).not.toContain('Bravo rota');
    await reporter.post(
      '/report/west/messages',
      { body: 'The Bravo shift WhatsApp group' },
      { formPage: '/report/west/status' },
    );

    const page = await as('unit').get(`/reports/${reportId}`);
    expect(page.body).toContain('The Bravo shift WhatsApp group');
    expect(page.body).toContain('Internal note');
    const stored = JSON.stringify(await t.database.query('select * from report_messages'));
    expect(stored).not.toContain('group chat');
    expect(stored).not.toContain('Bravo');
  });

  it('works through the API with the same rules', async () => {
    const list = await api(t.app, 'GET', '/api/v1/reports', tokens['unit']);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string; status: string }[] }>().items).toEqual([
      expect.objectContaining({ id: reportId, status: 'acknowledged' }),
    ]);
    expect((await api(t.app, 'GET', '/api/v1/reports', tokens['admin'])).statusCode).toBe(404);
    expect((await api(t.app, 'GET', '/api/v1/reports')).statusCode).toBe(401);
    const one = await api(t.app, 'GET', `/api/v1/reports/${reportId}`, tokens['unit']);
    expect(one.json<{ content: { whatHappened: string } }>().content.whatHappened).toBe(REPORT_TEXT);
    const note = await api(t.app, 'POST', `/api/v1/reports/${reportId}/notes`, tokens['unit'], {
      version: Number(await version()),
      body: 'API note',
    });
    expect(note.statusCode).toBe(201);
    const moved = await api(t.app, 'POST', `/api/v1/reports/${reportId}/status`, tokens['unit'], {
      version: Number(await version()),
      status: 'no_action',
    });
    expect(moved.statusCode).toBe(200);
    const again = await api(t.app, 'POST', `/api/v1/reports/${reportId}/status`, tokens['unit'], {
      version: Number(await version()),
      status: 'referred',
    });
    expect(again.statusCode).toBe(422);
    const bad = await api(t.app, 'POST', `/api/v1/reports/${reportId}/status`, tokens['unit'], {
      version: 1,
      status: 'case_opened',
    });
    expect(bad.statusCode).toBe(400);
  });
});
