import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createForce, sessionCookieFor } from '../../../test/support/factories.ts';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import type { Role } from '../../kernel/access/roles.ts';
import { REPORT_TEXT, reportFields, sendReport } from '../../../test/fixtures/reporting/reporting.http-fixtures.ts';
import type { Deadline } from './list-deadlines.ts';

/**
 * Issue 18: a confidential report's clocks (owner kind 'report' in the one clock store) on the deadline lists,
 * under the inbox's need-to-know: the confidential unit of the report's force alone — never a PSD investigator,
 * the appropriate authority, an administrator, a vetting officer or another force's unit. Two reports are
 * received on Monday 2 March 2026, so each must be acknowledged by Monday 9 March (7 days, a force target [R]);
 * the second is assigned to the second member of the unit.
 */

type Mine = { today: string; overdueCount: number; overdue: Deadline[]; dueThisWeek: Deadline[]; later: Deadline[] };
type ForceList = { today: string; overdueCount: number; items: Deadline[] };

let t: TestApp;
let today = '2026-03-02';
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
let first = '';
let second = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${today}T10:00:00Z`));
  await createForce(t.deps.db, 'west', 'Westshire Police');
  await createForce(t.deps.db, 'east', 'Eastshire Police');
  const people: [string, Role, string][] = [
    ['unit', 'confidential_unit', 'west'],
    ['unit2', 'confidential_unit', 'west'],
    ['psd', 'psd_investigator', 'west'],
    ['aa', 'appropriate_authority', 'west'],
    ['admin', 'administrator', 'west'],
    ['vetting', 'vetting_officer', 'west'],
    ['eastUnit', 'confidential_unit', 'east'],
  ];
  for (const [who, role, forceId] of people) {
    const { user } = await createAccount(t.deps, { email: `${who}@${forceId}.example`, role, forceId });
    ids[who] = user.id;
    tokens[who] = (await createApiToken(t.deps, systemActor('test', forceId), user.id, 'test')).token;
  }
  const reportIds = async () => (await t.database.query<{ id: string }>('select id from reports')).map((r) => r.id);
  await sendReport(t.app, 'west', reportFields());
  first = (await reportIds())[0]!;
  await sendReport(t.app, 'west', reportFields({ category: 'racism' }));
  second = (await reportIds()).find((id) => id !== first)!;
  const assigned = await api(t.app, 'POST', `/api/v1/reports/${second}/assign`, tokens['unit'], {
    version: 1,
    assignedTo: ids['unit2'],
  });
  expect(assigned.statusCode).toBe(200);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** A page as the user's browser reads it today (a session started today: an older one would have lapsed). */
const page = async (who: string, url: string) =>
  new TestClient(t.app).setCookie('probity_session', await sessionCookieFor(t.deps, ids[who]!)).get(url);
const call = (who: string, url: string) => api(t.app, 'GET', url, tokens[who]);
const mine = async (who: string) => {
  const res = await call(who, '/api/v1/deadlines');
  expect(res.statusCode, who).toBe(200);
  return res.json<Mine>();
};
const reportRows = (items: Deadline[]) => items.filter((d) => d.kind === 'report');
const allOf = (m: Mine) => [...m.overdue, ...m.dueThisWeek, ...m.later];

describe('confidential reports’ clocks on the deadline lists', () => {
  it('lists a report’s clocks to the unit, named by the day received, linking to the report, nothing more', async () => {
    today = '2026-03-02';
    const body = await mine('unit');
    // The first report is nobody's yet, so the whole unit's; the second is the second member's.
    expect(reportRows(allOf(body))).toEqual([
      expect.objectContaining({
        kind: 'report',
        caseId: null,
        caseReference: null,
        complaintId: null,
        reportId: first,
        reference: 'Confidential report received 2 March 2026',
        href: `/reports/${first}`,
        period: 'report_acknowledgement',
        periodLabel: 'Acknowledge a confidential report to the reporter',
        confidence: 'R',
        state: 'running',
        dueOn: '2026-03-09',
        daysUntilDue: 7,
        ownerUserId: null,
      }),
      expect.objectContaining({ reportId: first, period: 'report_feedback', dueOn: '2026-06-09' }),
    ]);
    const theirs = reportRows(allOf(await mine('unit2')));
    // Two reports received the same day are listed by due date, then in no particular order.
    expect(theirs.map((d) => [d.period, d.reportId === first ? 'first' : 'second']).sort()).toEqual([
      ['report_acknowledgement', 'first'],
      ['report_acknowledgement', 'second'],
      ['report_feedback', 'first'],
      ['report_feedback', 'second'],
    ]);
    expect(theirs.find((d) => d.reportId === second)).toMatchObject({ ownerUserId: ids['unit2'], ownerName: 'unit2' });

    const res = await page('unit', '/deadlines');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/reports/${first}"`);
    expect(res.body).toContain('Confidential report received 2 March 2026');
    expect(res.body).toContain('Good practice, not statute: a force target [R]');
    expect(res.body).toContain('href="/deadlines/overdue"');
    // Nothing of what was reported or who reported it, nor its kind.
    for (const body of [res.body, JSON.stringify(theirs)]) {
      expect(body).not.toContain(REPORT_TEXT);
      expect(body).not.toContain('Quill');
      expect(body).not.toContain('Northgate');
      expect(body).not.toMatch(/isogyn|acism/);
    }
  });

  it('shows nothing of it to an investigator, the appropriate authority, a vetting officer or another force’s unit, and 404s its report', async () => {
    today = '2026-03-02';
    for (const who of ['psd', 'aa', 'vetting', 'eastUnit']) {
      const body = await mine(who);
      expect(reportRows(allOf(body)), who).toEqual([]);
      expect(JSON.stringify(body), who).not.toContain(first);
      const res = await page(who, '/deadlines');
      expect(res.statusCode, who).toBe(200);
      expect(res.body, who).not.toContain('Confidential report received');
      expect(res.body, who).not.toContain(first);
      for (const id of [first, second]) {
        expect((await page(who, `/reports/${id}`)).statusCode, who).toBe(404);
        expect((await call(who, `/api/v1/reports/${id}`)).statusCode, who).toBe(404);
      }
    }
    // An administrator may read no owner kind's clocks: the lists are a 404, as is the report.
    expect((await call('admin', '/api/v1/deadlines')).statusCode).toBe(404);
    expect((await call('admin', '/api/v1/deadlines/overdue')).statusCode).toBe(404);
    expect((await page('admin', '/deadlines')).statusCode).toBe(404);
    expect((await page('admin', `/reports/${first}`)).statusCode).toBe(404);
  });

  it('counts both reports as overdue on the unit’s force list, the assigned one as its assignee’s', async () => {
    today = '2026-03-12';
    const unit = await mine('unit');
    expect(unit.overdueCount).toBe(1);
    expect(reportRows(unit.overdue).map((d) => [d.reportId, d.period, d.daysUntilDue])).toEqual([
      [first, 'report_acknowledgement', -3],
    ]);
    const force = await call('unit', '/api/v1/deadlines/overdue');
    expect(force.statusCode).toBe(200);
    const list = force.json<ForceList>();
    expect(list.overdueCount).toBe(2);
    expect(list.items.map((d) => [d.kind, d.reportId, d.period, d.ownerName])).toEqual(
      expect.arrayContaining([
        ['report', first, 'report_acknowledgement', null],
        ['report', second, 'report_acknowledgement', 'unit2'],
      ]),
    );
    expect(list.items).toHaveLength(2);
    const res = await page('unit', '/deadlines/overdue');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/id="force-overdue-count">2</);
    expect(res.body).toContain('Overdue by 3 days');
    expect(res.body).toContain(`href="/reports/${second}"`);
    expect(res.body).toContain('Confidential reporting unit');
    expect(res.body).not.toContain(REPORT_TEXT);
    for (const who of ['psd', 'aa', 'vetting', 'eastUnit']) {
      const theirs = (await call(who, '/api/v1/deadlines/overdue')).json<ForceList>();
      expect(reportRows(theirs.items), who).toEqual([]);
      expect(theirs.overdueCount, who).toBe(0);
      const forcePage = await page(who, '/deadlines/overdue');
      expect(forcePage.statusCode, who).toBe(200);
      expect(forcePage.body, who).not.toContain('Confidential report received');
    }
  });

  it('meets the acknowledgement clock when the unit acknowledges, which leaves the lists', async () => {
    today = '2026-03-12';
    const ack = await api(t.app, 'POST', `/api/v1/reports/${first}/acknowledge`, tokens['unit'], { version: 1 });
    expect(ack.statusCode).toBe(200);
    const stored = await t.database.query(
      `select period, state, met_on::text, due_on::text from clocks where report_id = $1 order by period`,
      [first],
    );
    // Acknowledged after its day: the feedback clock still runs from the end of the acknowledgement period.
    expect(stored).toEqual([
      { period: 'report_acknowledgement', state: 'met', met_on: '2026-03-12', due_on: '2026-03-09' },
      { period: 'report_feedback', state: 'running', met_on: null, due_on: '2026-06-09' },
    ]);
    const unit = await mine('unit');
    expect(unit.overdueCount).toBe(0);
    expect(reportRows(allOf(unit)).map((d) => [d.reportId, d.period])).toEqual([[first, 'report_feedback']]);
    const list = (await call('unit', '/api/v1/deadlines/overdue')).json<ForceList>();
    expect(list.items.map((d) => [d.reportId, d.period])).toEqual([[second, 'report_acknowledgement']]);
    // The report page shows the stored clock as met, late.
    const report = await page('unit', `/reports/${first}`);
    expect(report.body).toMatch(/data-clock="report_acknowledgement"[\s\S]*?Met 12 March 2026 \(late\)/);
  });

  it('meets both clocks when the unit closes a report, and meets feedback when a message is marked as feedback', async () => {
    today = '2026-03-13';
    const version = async (id: string) =>
      (await t.database.query<{ version: number }>('select version from reports where id = $1', [id]))[0]!.version;
    const closed = await api(t.app, 'POST', `/api/v1/reports/${second}/status`, tokens['unit2'], {
      version: await version(second),
      status: 'no_action',
    });
    expect(closed.statusCode).toBe(200);
    const feedback = await api(t.app, 'POST', `/api/v1/reports/${first}/messages`, tokens['unit'], {
      version: await version(first),
      body: 'We have looked into what you told us and taken action.',
      feedback: true,
    });
    expect(feedback.statusCode).toBe(201);
    expect(
      await t.database.query(
        `select report_id, period, state, met_on::text from clocks where owner_kind = 'report' order by report_id = $1 desc, period`,
        [first],
      ),
    ).toEqual([
      { report_id: first, period: 'report_acknowledgement', state: 'met', met_on: '2026-03-12' },
      { report_id: first, period: 'report_feedback', state: 'met', met_on: '2026-03-13' },
      { report_id: second, period: 'report_acknowledgement', state: 'met', met_on: '2026-03-13' },
      { report_id: second, period: 'report_feedback', state: 'met', met_on: '2026-03-13' },
    ]);
    for (const who of ['unit', 'unit2']) expect(reportRows(allOf(await mine(who))), who).toEqual([]);
    expect((await call('unit', '/api/v1/deadlines/overdue')).json<ForceList>()).toMatchObject({
      overdueCount: 0,
      items: [],
    });
  });

  it('offers the Deadlines link to whoever has some owner kind’s deadlines to see, and to nobody else', async () => {
    today = '2026-03-12';
    const link = 'href="/deadlines"';
    expect((await page('vetting', '/vetting')).body).toContain(link);
    expect((await page('unit', '/reports')).body).toContain(link);
    expect((await page('psd', '/cases')).body).toContain(link);
    const admin = await page('admin', '/admin/users');
    expect(admin.statusCode).toBe(200);
    expect(admin.body).not.toContain(link);
  });
});
