import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { sessionCookieFor } from '../../../test/support/factories.ts';
import { FormClient } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  buildComplaintWorld,
  type ComplaintWho,
  type ComplaintWorld,
} from '../../../test/fixtures/complaints/complaints.http-fixtures.ts';
import type { Deadline } from './list-deadlines.ts';

/**
 * Issue 16: a public complaint's clocks (owner kind 'complaint' in the one clock store) on the force's deadline lists beside the case
 * clocks, under the complaints' need-to-know (complaint.read, own force, never about oneself). The complaint
 * is logged on 2026-02-23, so its first contact (10 working days, a force target [R]) is due on 2026-03-09.
 */

type Mine = { today: string; overdueCount: number; overdue: Deadline[]; dueThisWeek: Deadline[]; later: Deadline[] };
type ForceList = { today: string; overdueCount: number; items: Deadline[] };

let t: TestApp;
let w: ComplaintWorld;
let today = '2026-03-02';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${today}T10:00:00Z`));
  w = await buildComplaintWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const call = (who: ComplaintWho, url: string) => api(t.app, 'GET', url, w.tokens[who]);
const mine = async (who: ComplaintWho) => {
  const res = await call(who, '/api/v1/deadlines');
  expect(res.statusCode).toBe(200);
  return res.json<Mine>();
};
const complaintRows = (m: Mine) => [...m.overdue, ...m.dueThisWeek, ...m.later].filter((d) => d.kind === 'complaint');

describe('complaint clocks on the deadline lists', () => {
  it('lists the first-contact clock to a complaints handler, as a complaint linking to it', async () => {
    today = '2026-03-02';
    const body = await mine('handler');
    expect(body.overdueCount).toBe(0);
    expect(body.later).toEqual([
      expect.objectContaining({
        kind: 'complaint',
        caseId: null,
        caseReference: null,
        complaintId: w.complaint.id,
        reference: 'WEST-C-2026-00001',
        href: `/complaints/${w.complaint.id}`,
        period: 'complaint_first_contact',
        periodLabel: 'First contact with the complainant about how they want the complaint handled',
        state: 'running',
        dueOn: '2026-03-09',
        daysUntilDue: 7,
        ownerUserId: null,
      }),
    ]);
    const page = await new FormClient(t.app, w.cookies.handler).get('/deadlines');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/complaints/${w.complaint.id}"`);
    expect(page.body).toContain('WEST-C-2026-00001');
    expect(page.body).toContain('First contact with the complainant');
  });

  it('hides it from another force’s handler, an investigator without complaint.read and the officer complained about', async () => {
    today = '2026-03-02';
    for (const who of ['east', 'investigator', 'subject'] as const) {
      expect(complaintRows(await mine(who)), who).toEqual([]);
      const page = await new FormClient(t.app, w.cookies[who]).get('/deadlines');
      expect(page.statusCode, who).toBe(200);
      expect(page.body, who).not.toContain('WEST-C-2026-00001');
    }
    // The PCC office reads complaints about the chief officer only (complaints-scope.ts): none of the force's.
    const pcc = await call('pcc', '/api/v1/deadlines');
    expect(pcc.statusCode).toBe(200);
    expect(complaintRows(pcc.json<Mine>())).toEqual([]);
    expect((await new FormClient(t.app, w.cookies.pcc).get('/deadlines')).body).not.toContain('WEST-C-2026-00001');
  });

  it('counts it as overdue once its due date has passed, by the one definition, on both lists', async () => {
    today = '2026-03-12';
    const body = await mine('handler');
    expect(body.overdueCount).toBe(1);
    expect(body.overdue.map((d) => [d.kind, d.reference, d.daysUntilDue])).toEqual([
      ['complaint', 'WEST-C-2026-00001', -3],
    ]);
    const force = await call('aa', '/api/v1/deadlines/overdue');
    expect(force.statusCode).toBe(200);
    const list = force.json<ForceList>();
    expect(list.overdueCount).toBe(1);
    expect(list.items.map((d) => [d.kind, d.reference])).toEqual([['complaint', 'WEST-C-2026-00001']]);
    // A session made ten days ago has lapsed: sign in again today.
    const cookie = await sessionCookieFor(t.deps, w.accounts.aa.user.id);
    const page = await new FormClient(t.app, cookie).get('/deadlines/overdue');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Overdue by 3 days');
    expect(page.body).toContain(`href="/complaints/${w.complaint.id}"`);
    expect((await call('east', '/api/v1/deadlines/overdue')).json<ForceList>()).toMatchObject({
      overdueCount: 0,
      items: [],
    });
  });
});
