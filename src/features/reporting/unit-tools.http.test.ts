import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createForce, sessionCookieFor } from '../../../test/support/factories.ts';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import type { Role } from '../../kernel/access/roles.ts';
import { receiptOf, reportFields, sendReport } from '../../../test/fixtures/reporting/reporting.http-fixtures.ts';

/**
 * The confidential unit's tools on a report (issue 18): assignment, sub-statuses and the feedback day, the
 * acknowledgement and feedback clocks, retaliation flags, the identity revealed only with a second custodian.
 */
let t: TestApp;
let now = new Date('2026-03-02T10:00:00Z');
const cookies: Record<string, string> = {};
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let anonId = '';
let namedId = '';
let namedReceipt = '';

beforeAll(async () => {
  t = await createTestApp({}, () => now);
  await createForce(t.deps.db, 'west', 'Westshire Police');
  await createForce(t.deps.db, 'east', 'Eastshire Police');
  const people: [string, Role, string][] = [
    ['unit', 'confidential_unit', 'west'],
    ['unit2', 'confidential_unit', 'west'],
    ['psd', 'psd_investigator', 'west'],
    ['eastUnit', 'confidential_unit', 'east'],
  ];
  for (const [who, role, forceId] of people) {
    const { user } = await createAccount(t.deps, { email: `${who}@${forceId}.example`, role, forceId });
    ids[who] = user.id;
    cookies[who] = await sessionCookieFor(t.deps, user.id);
    tokens[who] = (await createApiToken(t.deps, systemActor('test', forceId), user.id, 'test')).token;
  }
  await sendReport(t.app, 'west', reportFields());
  anonId = (await t.database.query<{ id: string }>('select id from reports'))[0]!.id;
  namedReceipt = receiptOf(
    await sendReport(
      t.app,
      'west',
      reportFields({
        anonymity: 'confidential',
        identityName: 'Alex Witherspoon',
        identityRole: 'PC, Bravo shift',
        identityContact: 'personal phone 07700 900123',
      }),
    ),
  );
  namedId = (await t.database.query<{ id: string }>('select id from reports where not anonymous'))[0]!.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const as = (who: string) => new TestClient(t.app).setCookie('probity_session', cookies[who]!);
const version = async (id: string) =>
  String((await t.database.query<{ version: number }>('select version from reports where id = $1', [id]))[0]!.version);
const row = async (id: string) =>
  (
    await t.database.query<Record<string, unknown>>(
      `select status, assigned_to, retaliation_flags, acknowledged_on::text, feedback_on::text,
        retaliation_flagged_on::text, identity_revealed_on::text from reports where id = $1`,
      [id],
    )
  )[0]!;
/** Moves the clock on; the sessions of the test users are made again, as they would have signed in again. */
const at = async (iso: string) => {
  now = new Date(iso);
  for (const who of Object.keys(ids)) cookies[who] = await sessionCookieFor(t.deps, ids[who]!);
};
const state = async () =>
  JSON.stringify([
    await t.database.query('select * from reports order by id'),
    await t.database.query('select * from report_identity_reveals order by id'),
    await t.database.query('select count(*)::int as n from report_messages'),
  ]);
const events = async (type: string) =>
  (
    await t.database.query<{ payload: Record<string, unknown> }>(
      'select payload from audit_events where event_type = $1 order by seq',
      [type],
    )
  ).map((e) => e.payload);
const post = (who: string, path: string, fields: Record<string, string>) =>
  as(who).post(path, fields, { formPage: '/account' });

describe('assignment and sub-statuses', () => {
  it('assigns a report to a member of the unit, refusing a stale form, someone outside the unit and other roles', async () => {
    const before = await state();
    const v = await version(anonId);
    expect((await post('unit', `/reports/${anonId}/assign`, { version: v, assignedTo: ids['psd']! })).statusCode).toBe(
      400,
    );
    expect((await post('psd', `/reports/${anonId}/assign`, { version: v, assignedTo: ids['unit2']! })).statusCode).toBe(
      404,
    );
    expect((await post('eastUnit', `/reports/${anonId}/assign`, { version: v, assignedTo: '' })).statusCode).toBe(404);
    expect(await state()).toBe(before);

    const ok = await post('unit', `/reports/${anonId}/assign`, { version: v, assignedTo: ids['unit2']! });
    expect(ok.statusCode).toBe(303);
    expect((await row(anonId))['assigned_to']).toBe(ids['unit2']);
    const stale = await post('unit', `/reports/${anonId}/assign`, { version: v, assignedTo: ids['unit']! });
    expect(stale.statusCode).toBe(409);
    expect((await row(anonId))['assigned_to']).toBe(ids['unit2']);
    expect(await events('report.assigned')).toEqual([
      { type: 'report.assigned', reportId: anonId, assignedTo: ids['unit2'] },
    ]);

    const inbox = await as('unit').get('/reports');
    expect(inbox.body).toMatch(new RegExp(`data-report="${anonId}"[\\s\\S]*?unit2`));
    const page = await as('unit').get(`/reports/${anonId}`);
    expect(page.body).toContain('Assigned to');
    expect(page.body).toMatch(/<option value="[^"]+" selected>unit2<\/option>/);
  });

  it('moves through assessing and investigating to a closed outcome, which is the feedback', async () => {
    const to = async (status: string) =>
      api(t.app, 'POST', `/api/v1/reports/${anonId}/status`, tokens['unit'], {
        version: Number(await version(anonId)),
        status,
      });
    expect((await to('assessing')).statusCode).toBe(200);
    expect(await row(anonId)).toMatchObject({ status: 'assessing', acknowledged_on: '2026-03-02', feedback_on: null });
    expect((await to('investigating')).statusCode).toBe(200);
    expect((await to('in_progress')).statusCode).toBe(400);
    await at('2026-03-20T10:00:00Z');
    expect((await to('no_action')).statusCode).toBe(200);
    expect(await row(anonId)).toMatchObject({ status: 'no_action', feedback_on: '2026-03-20' });
    expect((await to('assessing')).statusCode).toBe(422);
    expect((await events('report.status_changed')).map((e) => e['to'])).toEqual([
      'assessing',
      'investigating',
      'no_action',
    ]);
  });
});

describe('the acknowledgement and feedback clocks', () => {
  it('shows each report’s clocks in the inbox and on the report, overdue once past, met by a feedback message', async () => {
    await at('2026-03-12T10:00:00Z');
    const inbox = await as('unit').get('/reports');
    const namedRow = new RegExp(`data-report="${namedId}"[\\s\\S]*?</tr>`).exec(inbox.body)![0];
    // Received 2 March: 7 days to acknowledge (9 March), then feedback by 9 June (from the end of the 7 days).
    expect(namedRow).toContain('Overdue');
    expect(namedRow).toContain('9 June 2026');
    expect(inbox.body).toMatch(/id="overdue-count">1</);
    const page = await as('unit').get(`/reports/${namedId}`);
    expect(page.body).toMatch(/data-clock="report_acknowledgement"[\s\S]*?9 March 2026[\s\S]*?Overdue/);
    expect(page.body).toContain('not UK statute');

    await post('unit', `/reports/${namedId}/acknowledge`, { version: await version(namedId) });
    await post('unit', `/reports/${namedId}/messages`, {
      version: await version(namedId),
      body: 'We are looking into it',
    });
    expect((await row(namedId))['feedback_on']).toBeNull();
    await post('unit', `/reports/${namedId}/messages`, {
      version: await version(namedId),
      body: 'We have spoken to the shift’s inspector',
      feedback: 'yes',
    });
    expect((await row(namedId))['feedback_on']).toBe('2026-03-12');
    const after = await as('unit').get(`/reports/${namedId}`);
    expect(after.body).toMatch(/data-clock="report_acknowledgement"[\s\S]*?Met 12 March 2026 \(late\)/);
    expect(after.body).toMatch(/data-clock="report_feedback"[\s\S]*?Met 12 March 2026</);
  });
});

describe('retaliation flags', () => {
  it('lets the reporter flag it through the follow-up and the unit through the API; the inbox highlights and counts', async () => {
    const reporter = new TestClient(t.app);
    await reporter.post('/report/west/follow-up', { receipt: namedReceipt }, { csrf: false });
    const empty = await reporter.post(
      '/report/west/retaliation',
      { retaliation: '' },
      { formPage: '/report/west/status' },
    );
    expect(empty.statusCode).toBe(400);
    const sent = await reporter.post(
      '/report/west/retaliation',
      { retaliation: 'I was moved off Bravo shift the week after' },
      { formPage: '/report/west/status' },
    );
    expect(sent.statusCode).toBe(303);
    expect(await row(namedId)).toMatchObject({ retaliation_flags: 1, retaliation_flagged_on: '2026-03-12' });
    expect(JSON.stringify(await t.database.query('select * from report_messages'))).not.toContain('moved off');

    const inbox = await as('unit').get('/reports');
    expect(inbox.body).toMatch(new RegExp(`data-report="${namedId}" data-retaliation="flagged"`));
    expect(inbox.body).not.toMatch(new RegExp(`data-report="${anonId}" data-retaliation`));
    expect(inbox.body).toMatch(/id="flagged-count">1</);
    const page = await as('unit').get(`/reports/${namedId}`);
    expect(page.body).toContain('Retaliation: I was moved off Bravo shift the week after');

    const before = await state();
    const refused = await api(t.app, 'POST', `/api/v1/reports/${namedId}/retaliation`, tokens['psd'], {
      version: Number(await version(namedId)),
      body: 'x',
    });
    expect(refused.statusCode).toBe(404);
    expect(await state()).toBe(before);
    const flagged = await api(t.app, 'POST', `/api/v1/reports/${namedId}/retaliation`, tokens['unit'], {
      version: Number(await version(namedId)),
      body: 'A vetting review of the reporter was opened',
    });
    expect(flagged.statusCode).toBe(200);
    expect((await row(namedId))['retaliation_flags']).toBe(2);
    const blank = await post('unit', `/reports/${namedId}/retaliation`, {
      version: await version(namedId),
      retaliation: '',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toMatch(/id="retaliation-reason-error"[\s\S]*?Say what happened/);
    const byPage = await post('unit', `/reports/${namedId}/retaliation`, {
      version: await version(namedId),
      retaliation: 'Transferred to nights',
    });
    expect(byPage.statusCode).toBe(303);
    expect((await row(namedId))['retaliation_flags']).toBe(3);
    expect(await events('report.retaliation_flagged')).toEqual([
      { type: 'report.retaliation_flagged', reportId: namedId },
      { type: 'report.retaliation_flagged', reportId: namedId },
    ]);
  });
});

describe('the identity given in confidence', () => {
  it('stays sealed until a second custodian approves a request with reasons; the reporter is told', async () => {
    const sealed = await as('unit').get(`/reports/${namedId}`);
    expect(sealed.body).not.toContain('Witherspoon');
    expect(sealed.body).toContain('id="identity-sealed"');
    expect(
      (await post('unit', `/reports/${anonId}/identity/request`, { version: await version(anonId), reason: 'x' }))
        .statusCode,
    ).toBe(422);
    expect(
      (await post('unit', `/reports/${namedId}/identity/request`, { version: await version(namedId), reason: '' }))
        .statusCode,
    ).toBe(400);

    const asked = await post('unit', `/reports/${namedId}/identity/request`, {
      version: await version(namedId),
      reason: 'Needed as a witness at the misconduct hearing',
    });
    expect(asked.statusCode).toBe(303);
    const [request] = await t.database.query<{ id: string; reason: string }>('select * from report_identity_reveals');
    expect(request!.reason).not.toContain('witness');

    // The requester cannot approve their own request: refused, nothing changed, still sealed.
    const own = await as('unit').get(`/reports/${namedId}`);
    expect(own.body).not.toContain('id="reveal-decide-form"');
    const before = await state();
    const self = await post('unit', `/reports/${namedId}/identity/decide`, {
      version: await version(namedId),
      requestId: request!.id,
      decision: 'approved',
      reason: 'I approve my own',
    });
    expect(self.statusCode).toBe(403);
    const viaApi = await api(t.app, 'POST', `/api/v1/reports/${namedId}/identity/decide`, tokens['unit'], {
      version: Number(await version(namedId)),
      requestId: request!.id,
      decision: 'approved',
      reason: 'I approve my own',
    });
    expect(viaApi.statusCode).toBe(403);
    expect(
      (
        await post('psd', `/reports/${namedId}/identity/decide`, {
          version: await version(namedId),
          requestId: request!.id,
          decision: 'approved',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(await state()).toBe(before);
    expect((await as('unit').get(`/reports/${namedId}`)).body).not.toContain('Witherspoon');

    const second = await as('unit2').get(`/reports/${namedId}`);
    expect(second.body).toContain('id="reveal-decide-form"');
    expect(second.body).toContain('Needed as a witness at the misconduct hearing');
    const approved = await post('unit2', `/reports/${namedId}/identity/decide`, {
      version: await version(namedId),
      requestId: request!.id,
      decision: 'approved',
      reason: 'Necessary and proportionate for the hearing',
    });
    expect(approved.statusCode).toBe(303);
    expect((await row(namedId))['identity_revealed_on']).toBe('2026-03-12');

    const revealed = await as('unit').get(`/reports/${namedId}`);
    expect(revealed.body).toContain('Alex Witherspoon');
    expect(revealed.body).toContain('personal phone 07700 900123');
    expect(revealed.body).toContain('Necessary and proportionate for the hearing');
    expect(await events('report.identity_reveal_requested')).toEqual([
      { type: 'report.identity_reveal_requested', reportId: namedId, requestId: request!.id },
    ]);
    expect(await events('report.identity_reveal_decided')).toEqual([
      { type: 'report.identity_reveal_decided', reportId: namedId, requestId: request!.id, decision: 'approved' },
    ]);
    expect((await events('report.identity_viewed')).length).toBe(1);
    // The open-case form does not show the identity: it neither opens it nor records a view of it.
    const caseForm = await as('unit').get(`/reports/${namedId}/case`);
    expect(caseForm.statusCode).toBe(200);
    expect(caseForm.body).not.toContain('Witherspoon');
    expect((await events('report.identity_viewed')).length).toBe(1);
    const audit = JSON.stringify(await t.database.query('select * from audit_events'));
    expect(audit).not.toContain('Witherspoon');
    expect(audit).not.toContain('witness');

    const reporter = new TestClient(t.app);
    await reporter.post('/report/west/follow-up', { receipt: namedReceipt }, { csrf: false });
    const status = await reporter.get('/report/west/status');
    expect(status.body).toContain('id="identity-revealed"');
    expect(status.body).toContain('12 March 2026');
  });
});

describe('statistics', () => {
  it('shows the unit its force’s figures with small numbers suppressed; 404 to others', async () => {
    const page = await as('unit').get('/reports/statistics');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Reports by status');
    expect(page.body).toContain('[c]');
    expect(page.body).not.toContain(namedId);
    expect((await as('psd').get('/reports/statistics')).statusCode).toBe(404);
    const viaApi = await api(t.app, 'GET', '/api/v1/reports/statistics', tokens['eastUnit']);
    const tables = viaApi.json<{ tables: { id: string; rows: { key: string; cells: { text: string }[] }[] }[] }>()
      .tables;
    expect(
      tables.find((x) => x.id === 'reports-by-status')!.rows.find((r) => r.key === '__total__')!.cells[0]!.text,
    ).toBe('0');
    const west = await api(t.app, 'GET', '/api/v1/reports/statistics', tokens['unit']);
    const total = west.json<{ tables: typeof tables }>().tables;
    // Two reports: every count below the threshold of 5 is hidden, the total included.
    expect(
      total.find((x) => x.id === 'reports-by-status')!.rows.find((r) => r.key === '__total__')!.cells[0]!.text,
    ).toBe('[c]');
    expect(await events('report.statistics_viewed')).toHaveLength(3);
  });
});
