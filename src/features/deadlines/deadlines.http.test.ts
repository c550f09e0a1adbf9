import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, api, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, sessionCookieFor } from '../../../test/support/factories.ts';
import { cases } from '../../db/schema/index.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import type { Deadline, MyDeadlines } from './list-deadlines.ts';
import { startClock, type StartClockInput } from '../clocks/start-clock.ts';

/** Monday 21 December 2026, midday: the day every page and API call in this file is made. */
const NOW = new Date('2026-12-21T12:00:00Z');

let t: TestApp;
const users: Record<string, string> = {};
const cookies: Record<string, string> = {};
const tokens: Record<string, string> = {};
const refs = { led: 'WEST-2025-0001', restricted: 'WEST-2025-0002', east: 'EAST-2025-0001' };
const ids: Record<string, string> = {};

async function insertCase(
  forceId: string,
  reference: string,
  values: { leadInvestigatorId?: string; confidentiality?: 'normal' | 'restricted' } = {},
) {
  const [row] = await t.deps.db
    .insert(cases)
    .values({
      forceId,
      reference,
      source: 'internal_report',
      caseType: 'conduct_matter',
      cameToAttentionOn: '2025-12-19',
      regimeVersion: '2020+2025',
      summary: 'A test case',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no case');
  return row.id;
}

async function clock(
  input: Partial<StartClockInput> & Pick<StartClockInput, 'forceId' | 'caseId' | 'period' | 'startOn'>,
) {
  return t.deps.db.transaction((tx) =>
    startClock(tx, t.deps, {
      allegationId: randomUUID(),
      subjectId: null,
      regimeVersion: '2020+2025',
      ownerUserId: null,
      ...input,
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp({}, () => NOW);
  await createForce(t.deps.db, 'west');
  await createForce(t.deps.db, 'east');
  const accounts = {
    investigator: await createAccount(t.deps, { email: 'inv@west.example', role: 'psd_investigator', forceId: 'west' }),
    colleague: await createAccount(t.deps, {
      email: 'colleague@west.example',
      role: 'psd_investigator',
      forceId: 'west',
    }),
    outsider: await createAccount(t.deps, {
      email: 'outsider@west.example',
      role: 'psd_investigator',
      forceId: 'west',
    }),
    aa: await createAccount(t.deps, { email: 'aa@west.example', role: 'appropriate_authority', forceId: 'west' }),
    pcc: await createAccount(t.deps, { email: 'pcc@west.example', role: 'pcc_oversight', forceId: 'west' }),
    officer: await createAccount(t.deps, { email: 'officer@west.example', role: 'officer', forceId: 'west' }),
    east: await createAccount(t.deps, { email: 'aa@east.example', role: 'appropriate_authority', forceId: 'east' }),
  };
  for (const [name, a] of Object.entries(accounts)) {
    users[name] = a.user.id;
    cookies[name] = await sessionCookieFor(t.deps, a.user.id);
    tokens[name] = (await createApiToken(t.deps, systemActor('test', a.user.forceId), a.user.id, 'test')).token;
  }
  // A case the investigator leads: the 12-month report (due Sat 19 Dec, overdue by 2 days), a suspension review due
  // Wed 23 Dec (in 2 days), a barred-list return due Tue 5 Jan 2027 (later), and a clock the outsider owns.
  ids.led = await insertCase('west', refs.led, { leadInvestigatorId: users.investigator });
  await clock({
    forceId: 'west',
    caseId: ids.led,
    allegationId: null,
    period: 'pcc_report_first',
    startOn: '2025-12-19',
  });
  await clock({ forceId: 'west', caseId: ids.led, period: 'suspension_review', startOn: '2026-11-25' });
  await clock({ forceId: 'west', caseId: ids.led, period: 'barred_list_return', startOn: '2026-12-24' });
  await clock({
    forceId: 'west',
    caseId: ids.led,
    period: 'pre_hearing',
    startOn: '2026-12-01',
    ownerUserId: users.outsider,
  });
  // A restricted case led by the colleague, with a clock the investigator OWNS but may not see.
  ids.restricted = await insertCase('west', refs.restricted, {
    leadInvestigatorId: users.colleague,
    confidentiality: 'restricted',
  });
  await clock({
    forceId: 'west',
    caseId: ids.restricted,
    period: 'outcome_report',
    startOn: '2026-12-10',
    ownerUserId: users.investigator,
  });
  ids.east = await insertCase('east', refs.east);
  await clock({
    forceId: 'east',
    caseId: ids.east,
    allegationId: null,
    period: 'pcc_report_first',
    startOn: '2025-12-19',
  });
});

afterAll(async () => {
  await t?.close();
});

const as = (who: string) => new TestClient(t.app).setCookie('probity_session', cookies[who] ?? '');
const refsOf = (items: Deadline[]) => items.map((d) => d.caseReference);

describe('GET /deadlines (your deadlines)', () => {
  it('groups the investigator’s deadlines into overdue, this week and later, with tags, dates and links to the case', async () => {
    const res = await as('investigator').get('/deadlines');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Overdue</caption>');
    expect(res.body).toContain('Due in the next 7 days</caption>');
    expect(res.body).toContain('Overdue by 2 days');
    expect(res.body).toMatch(/Due in 1 day\s*</);
    expect(res.body).toContain('Due in 2 days');
    // Barred List Regs 2017 reg 3(1): 5 WD beginning with Thursday 24 Dec 2026 end on Monday 4 January 2027.
    expect(res.body).toContain('Due in 14 days');
    expect(res.body).toContain('19 December 2026');
    expect(res.body).toContain('4 January 2027');
    expect(res.body).toContain(`href="/cases/${ids.led}"`);
    expect(res.body).toContain('Default length not yet checked against the regulations [R]'); // the suspension review interval
    expect(res.body).not.toContain(refs.restricted);
  });

  it('answers the API with the same groups', async () => {
    const res = await api(t.app, 'GET', '/api/v1/deadlines', tokens.investigator);
    expect(res.statusCode).toBe(200);
    const body = res.json<MyDeadlines>();
    expect(body.today).toBe('2026-12-21');
    expect(body.overdue.map((d) => [d.period, d.dueOn, d.daysUntilDue, d.confidence])).toEqual([
      ['pcc_report_first', '2026-12-19', -2, 'V'],
    ]);
    // The pre-hearing clock (15 working days from Tue 1 Dec → Tue 22 Dec) is the outsider's, on the investigator's case.
    expect(body.dueThisWeek.map((d) => [d.period, d.dueOn, d.ownerName])).toEqual([
      ['pre_hearing', '2026-12-22', 'outsider'],
      ['suspension_review', '2026-12-23', null],
    ]);
    expect(body.later.map((d) => [d.period, d.dueOn])).toEqual([['barred_list_return', '2027-01-04']]);
    expect([...refsOf(body.overdue), ...refsOf(body.dueThisWeek), ...refsOf(body.later)]).not.toContain(
      refs.restricted,
    );
  });

  it('lists the clocks of a case for its lead, even one owned by somebody else', async () => {
    const res = await api(t.app, 'GET', '/api/v1/deadlines', tokens.colleague);
    const body = res.json<MyDeadlines>();
    expect(
      [...body.overdue, ...body.dueThisWeek, ...body.later].map((d) => [d.caseReference, d.period, d.ownerName]),
    ).toEqual([['WEST-2025-0002', 'outcome_report', 'inv']]);
  });

  it('shows an investigator without need-to-know none of a case’s clocks, even one they own', async () => {
    const res = await api(t.app, 'GET', '/api/v1/deadlines', tokens.outsider);
    expect(res.json<MyDeadlines>()).toEqual({
      today: '2026-12-21',
      overdueCount: 0,
      overdue: [],
      dueThisWeek: [],
      later: [],
    });
    const page = await as('outsider').get('/deadlines');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You have no running deadlines.');
    expect(page.body).not.toContain(refs.led);
  });

  it("refuses a role that reads no owner kind's clocks with 404, and a visitor who is not signed in", async () => {
    expect((await as('officer').get('/deadlines')).statusCode).toBe(404);
    expect((await api(t.app, 'GET', '/api/v1/deadlines', tokens.officer)).statusCode).toBe(404);
    const page = await new TestClient(t.app).get('/deadlines');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Fdeadlines');
    const anon = await api(t.app, 'GET', '/api/v1/deadlines');
    expect(anon.statusCode).toBe(401);
    expect(anon.json<ApiError>().error.code).toBe('unauthenticated');
  });
});

describe('GET /deadlines/overdue (the force’s due and overdue deadlines)', () => {
  it('lists every due or overdue deadline of the cases the appropriate authority may see, with its owner', async () => {
    const res = await as('aa').get('/deadlines/overdue');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Deadlines due or overdue</caption>');
    expect(res.body).toContain(refs.led);
    expect(res.body).toContain('Overdue by 2 days');
    expect(res.body).toContain('Not allocated');
    // Restricted to its named people, and another force's case: never shown.
    expect(res.body).not.toContain(refs.restricted);
    expect(res.body).not.toContain(refs.east);
    const body = (await api(t.app, 'GET', '/api/v1/deadlines/overdue', tokens.aa)).json<{
      today: string;
      items: Deadline[];
    }>();
    expect(body.items.map((d) => [d.caseReference, d.period, d.periodLabel, d.confidence])).toEqual([
      [refs.led, 'pcc_report_first', 'First report to the local policing body on an investigation not completed', 'V'],
    ]);
  });

  it('shows an investigator the due and overdue deadlines of the cases they may see (the README lists them)', async () => {
    const page = await as('investigator').get('/deadlines/overdue');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(refs.led);
    expect(page.body).not.toContain(refs.restricted);
    const body = (await api(t.app, 'GET', '/api/v1/deadlines/overdue', tokens.investigator)).json<{
      items: Deadline[];
    }>();
    expect(refsOf(body.items)).toEqual([refs.led]);
    // The outsider leads nothing and sees none of these cases.
    const outsider = (await api(t.app, 'GET', '/api/v1/deadlines/overdue', tokens.outsider)).json<{
      items: Deadline[];
    }>();
    expect(outsider.items).toEqual([]);
  });

  it('audits each read of a deadline list as one event', async () => {
    const count = async () =>
      (
        await t.database.query<{ n: number }>(
          `select count(*)::int as n from audit_events where event_type = 'deadlines.listed'`,
        )
      )[0]?.n ?? 0;
    const before = await count();
    await api(t.app, 'GET', '/api/v1/deadlines', tokens.investigator);
    await api(t.app, 'GET', '/api/v1/deadlines/overdue', tokens.aa);
    expect(await count()).toBe(before + 2);
  });

  it('shows the PCC office (which handles complaints about the chief officer) no case clock, and needs signing in', async () => {
    // The PCC office reads complaints (its own, about the chief officer), so it has the lists, but no case's clock.
    const pcc = await api(t.app, 'GET', '/api/v1/deadlines/overdue', tokens.pcc);
    expect(pcc.statusCode).toBe(200);
    expect(refsOf(pcc.json<{ items: Deadline[] }>().items)).toEqual([]);
    expect((await api(t.app, 'GET', '/api/v1/deadlines/overdue', tokens.officer)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get('/deadlines/overdue')).statusCode).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/deadlines/overdue')).statusCode).toBe(401);
  });

  it('shows another force only its own deadlines', async () => {
    const body = (await api(t.app, 'GET', '/api/v1/deadlines/overdue', tokens.east)).json<{ items: Deadline[] }>();
    expect(refsOf(body.items)).toEqual([refs.east]);
  });
});

describe('OpenAPI', () => {
  it('documents both deadline endpoints under the deadlines tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get?: { tags?: string[] } }>;
    }>();
    expect(doc.paths['/api/v1/deadlines']?.get?.tags).toEqual(['deadlines']);
    expect(doc.paths['/api/v1/deadlines/overdue']?.get?.tags).toEqual(['deadlines']);
  });
});
