import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createPerson } from '../../../test/support/factories.ts';
import { FormClient } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  buildComplaintWorld,
  COMPLAINT_TODAY,
  complaintInput,
  type ComplaintWorld,
} from '../../../test/fixtures/complaints/complaints.http-fixtures.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { runSweep } from '../scheduler/scheduler.ts';
import { logComplaint } from './log-complaint.ts';

/**
 * Complaints about the chief officer (Police Reform Act 2002 s.29 and Sch 3 para 1; Complaints and Misconduct
 * Regs 2020 reg 5): the local policing body — the PCC office — is the appropriate authority. Its users log and
 * handle them with the same screens; the force's complaints function sees none of them (404) unless given
 * need-to-know, which lets them read it and nothing more; the PCC office sees none of the force's complaints.
 */

let t: TestApp;
let w: ComplaintWorld;
let chiefComplaint = '';
let eastPccToken = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${COMPLAINT_TODAY}T10:00:00Z`));
  w = await buildComplaintWorld(t);
  const eastPcc = await createAccount(t.deps, { email: 'pcc@east.example', role: 'pcc_oversight', forceId: 'east' });
  eastPccToken = (await createApiToken(t.deps, systemActor('test', 'east'), eastPcc.user.id, 'test')).token;
  const chief = await createPerson(t.deps.db, 'west', { givenName: 'Charles', familyName: 'Chief' });
  chiefComplaint = (await logComplaint(t.deps, w.accounts.pcc.principal, complaintInput([chief.id]), null)).id;
});

afterAll(async () => {
  await t?.close();
});

type Who = keyof ComplaintWorld['tokens'];
const call = (who: Who | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, who ? w.tokens[who] : undefined, body);
const one = async <T>(sql: string, params: unknown[] = []) => (await t.database.query<T>(sql, params))[0];
const state = async () => ({
  complaint: await one(`select status, version from complaints where id = $1`, [chiefComplaint]),
  access: (await one<{ n: number }>(`select count(*)::int as n from complaint_access`))?.n,
  decisions: (await one<{ n: number }>(`select count(*)::int as n from complaint_decisions`))?.n,
  audit: (await one<{ n: number }>(`select count(*)::int as n from audit_events`))?.n,
});
const initialHandling = {
  version: 1,
  contactMadeOn: '2026-02-24',
  complainantWishes: 'Wants it recorded',
  complainantWantsRecorded: true,
  handling: 'recorded',
  decidedOn: '2026-02-24',
  reasons: 'The complainant asked',
};

describe('a complaint about the chief officer', () => {
  it('is logged by the PCC office with the local policing body as its appropriate authority', async () => {
    const chief = await createPerson(t.deps.db, 'west', { givenName: 'Carol', familyName: 'Deputy' });
    const res = await call('pcc', 'POST', '/api/v1/complaints', complaintInput([chief.id]));
    expect(res.statusCode).toBe(201);
    const logged = res.json<{ id: string }>().id;
    expect(await one(`select appropriate_authority from complaints where id = $1`, [logged])).toEqual({
      appropriate_authority: 'local_policing_body',
    });
    const list = await call('pcc', 'GET', '/api/v1/complaints');
    const ids = list.json<{ items: { id: string }[] }>().items.map((c) => c.id);
    expect(ids).toContain(chiefComplaint);
    expect(ids).toContain(logged);
    expect(ids).not.toContain(w.complaint.id);
    expect((await call('pcc', 'GET', `/api/v1/complaints/${chiefComplaint}`)).statusCode).toBe(200);
    // The PCC office sees none of the force's own complaints.
    expect((await call('pcc', 'GET', `/api/v1/complaints/${w.complaint.id}`)).statusCode).toBe(404);
    const page = await new FormClient(t.app, w.cookies.pcc).get(`/complaints/${chiefComplaint}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The local policing body (the PCC office): the complaint is about the chief officer');
  });

  it('is a 404 to the force’s complaints handler and appropriate authority and to another force, nothing changed', async () => {
    const before = await state();
    for (const who of ['handler', 'aa', 'east'] as const) {
      expect((await call(who, 'GET', `/api/v1/complaints/${chiefComplaint}`)).statusCode).toBe(404);
      const list = await call(who, 'GET', '/api/v1/complaints');
      expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(chiefComplaint);
      const decided = await call(who, 'POST', `/api/v1/complaints/${chiefComplaint}/initial-handling`, initialHandling);
      expect(decided.statusCode).toBe(404);
    }
    expect((await new FormClient(t.app, w.cookies.aa).get(`/complaints/${chiefComplaint}`)).statusCode).toBe(404);
    expect({ ...(await state()), audit: before.audit }).toEqual(before);
  });

  it('is handled by the PCC office with the same decisions', async () => {
    const logged = await logComplaint(t.deps, w.accounts.pcc.principal, complaintInput([]), null);
    const res = await call('pcc', 'POST', `/api/v1/complaints/${logged.id}/initial-handling`, initialHandling);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'recorded', version: 2 });
    // Its appropriate authority is the policing body, so the IOPC reviews it (C&M Regs 2020 reg 32).
    const handled = await call('pcc', 'POST', `/api/v1/complaints/${logged.id}/handling`, {
      version: 2,
      route: 'otherwise_than_by_investigation',
      startedOn: '2026-02-25',
      reasons: 'Proportionate',
    });
    expect(handled.statusCode).toBe(200);
    expect(handled.json()).toMatchObject({ status: 'being_handled', reviewBody: 'iopc' });
  });
});

describe('need-to-know given on a complaint about the chief officer', () => {
  const grant = (who: Who | null, body: unknown) =>
    call(who, 'POST', `/api/v1/complaints/${chiefComplaint}/need-to-know`, body);
  const toAa = { email: 'aa@west.example', reason: 'To preserve the body-worn video' };

  it('refuses the signed-out, those without need-to-know and another force, changing nothing', async () => {
    const before = await state();
    expect((await grant(null, toAa)).statusCode).toBe(401);
    for (const who of ['handler', 'aa', 'investigator'] as const) expect((await grant(who, toAa)).statusCode).toBe(404);
    const east = await api(t.app, 'POST', `/api/v1/complaints/${chiefComplaint}/need-to-know`, eastPccToken, toAa);
    expect(east.statusCode).toBe(404);
    expect(await state()).toEqual(before);
  });

  it('refuses bad input with a 400 naming the field, changing nothing', async () => {
    const before = await state();
    const cases: [unknown, string][] = [
      [{ email: 'not an e-mail', reason: 'x' }, 'email'],
      [{ email: 'aa@west.example', reason: '' }, 'reason'],
      // Holds no complaint.read; another force's account; the chief officer's complaint's own subject is not a user.
      [{ email: 'inv@west.example', reason: 'x' }, 'email'],
      [{ email: 'handler@east.example', reason: 'x' }, 'email'],
      // Already sees it.
      [{ email: 'pcc@west.example', reason: 'x' }, 'email'],
    ];
    for (const [body, field] of cases) {
      const res = await grant('pcc', body);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json<ApiError>().error.fields ?? {})).toContain(field);
    }
    expect(await state()).toEqual(before);
  });

  it('lets the account read the complaint, not decide on it, and is audited', async () => {
    const res = await grant('pcc', toAa);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: chiefComplaint, userId: w.accounts.aa.user.id });
    expect((await call('aa', 'GET', `/api/v1/complaints/${chiefComplaint}`)).statusCode).toBe(200);
    const page = await new FormClient(t.app, w.cookies.aa).get(`/complaints/${chiefComplaint}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`action="/complaints/${chiefComplaint}/withdrawal"`);
    expect(page.body).toContain('To preserve the body-worn video');
    const before = await state();
    const refused = await call('aa', 'POST', `/api/v1/complaints/${chiefComplaint}/withdrawal`, {
      version: 2,
      withdrawnOn: '2026-03-01',
      signedNotice: true,
    });
    expect(refused.statusCode).toBe(404);
    expect({ ...(await state()), audit: before.audit }).toEqual(before);
    // The handler was given nothing and still gets a 404.
    expect((await call('handler', 'GET', `/api/v1/complaints/${chiefComplaint}`)).statusCode).toBe(404);
    expect(
      await one(`select event_type, payload->>'userId' as user_id from audit_events where event_type = $1`, [
        'complaint.access_granted',
      ]),
    ).toEqual({ event_type: 'complaint.access_granted', user_id: w.accounts.aa.user.id });
  });

  it('is given from the complaint page too, and a bad form is shown again with its error', async () => {
    const pcc = new FormClient(t.app, w.cookies.pcc);
    const bad = await pcc.post(
      `/complaints/${chiefComplaint}/need-to-know`,
      { version: '2', email: 'nobody@west.example', reason: 'Evidence' },
      `/complaints/${chiefComplaint}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the e-mail of an active account of your force that may read complaints');
    const ok = await pcc.post(
      `/complaints/${chiefComplaint}/need-to-know`,
      { version: '2', email: 'handler@west.example', reason: 'Evidence' },
      `/complaints/${chiefComplaint}`,
    );
    expect(ok.statusCode).toBe(303);
    expect((await call('handler', 'GET', `/api/v1/complaints/${chiefComplaint}`)).statusCode).toBe(200);
  });
});

describe('reminders of a complaint about the chief officer', () => {
  it('go to the PCC office who handle it, never to the force’s function, even one given need-to-know', async () => {
    // Both complaints were logged on 23 February: their first contact is due on 9 March.
    const sweep = await runSweep({ ...t.deps, now: () => new Date('2026-03-09T10:00:00Z') }, null);
    expect(sweep.reminders.reminders).toBeGreaterThanOrEqual(2);
    const told = await t.database.query<{ email: string; subject_id: string }>(
      `select u.email, n.subject_id from notifications n join users u on u.id = n.user_id order by u.email, n.subject_id`,
    );
    expect(told.filter((n) => n.subject_id === chiefComplaint).map((n) => n.email)).toEqual(['pcc@west.example']);
    expect(told.filter((n) => n.subject_id === w.complaint.id).map((n) => n.email)).toEqual([
      'aa@west.example',
      'handler@west.example',
    ]);
  });
});

describe('a complaint the force logged that turns out to be about the chief officer', () => {
  const pass = (who: Who | null, id: string, body: unknown) =>
    call(who, 'POST', `/api/v1/complaints/${id}/local-policing-body`, body);
  const stateOf = async (id: string) => ({
    complaint: await one(`select appropriate_authority, version from complaints where id = $1`, [id]),
    decisions: (await one<{ n: number }>(`select count(*)::int as n from complaint_decisions`))?.n,
  });

  it('refuses the signed-out, another force and bad input, and the PCC office cannot reach it, changing nothing', async () => {
    const logged = await logComplaint(t.deps, w.accounts.handler.principal, complaintInput([]), null);
    const before = await stateOf(logged.id);
    const body = { version: 1, reasons: 'About the chief constable' };
    expect((await pass(null, logged.id, body)).statusCode).toBe(401);
    for (const who of ['east', 'pcc', 'investigator'] as const)
      expect((await pass(who, logged.id, body)).statusCode).toBe(404);
    const bad = await pass('handler', logged.id, { version: 1, reasons: '' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json<ApiError>().error.fields ?? {})).toEqual(['reasons']);
    expect((await pass('handler', logged.id, { ...body, version: 7 })).statusCode).toBe(409);
    expect(await stateOf(logged.id)).toEqual(before);
  });

  it('passes to the local policing body: the PCC office then handles it and the force gets 404', async () => {
    const logged = await logComplaint(t.deps, w.accounts.handler.principal, complaintInput([]), null);
    const res = await pass('handler', logged.id, { version: 1, reasons: 'About the chief constable' });
    expect(res.statusCode).toBe(200);
    expect(await stateOf(logged.id)).toMatchObject({
      complaint: { appropriate_authority: 'local_policing_body', version: 2 },
    });
    for (const who of ['handler', 'aa'] as const)
      expect((await call(who, 'GET', `/api/v1/complaints/${logged.id}`)).statusCode).toBe(404);
    const read = await call('pcc', 'GET', `/api/v1/complaints/${logged.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<{ decisions: { kind: string }[] }>().decisions.map((d) => d.kind)).toContain('transferred');
    // Already the local policing body's: nothing to pass.
    expect((await pass('pcc', logged.id, { version: 2, reasons: 'Again' })).statusCode).toBe(422);
    const audited = await one(
      `select payload->>'to' as to from audit_events where event_type = 'complaint.transferred' and subject_id = $1`,
      [logged.id],
    );
    expect(audited).toEqual({ to: 'local_policing_body' });
  });

  it('is offered on the force’s complaint page as a form', async () => {
    const logged = await logComplaint(t.deps, w.accounts.handler.principal, complaintInput([]), null);
    const client = new FormClient(t.app, w.cookies.handler);
    const page = await client.get(`/complaints/${logged.id}`);
    expect(page.body).toContain(`action="/complaints/${logged.id}/local-policing-body"`);
    const res = await client.post(
      `/complaints/${logged.id}/local-policing-body`,
      { version: '1', reasons: 'About the chief constable' },
      `/complaints/${logged.id}`,
    );
    expect(res.statusCode).toBe(303);
    expect((await client.get(`/complaints/${logged.id}`)).statusCode).toBe(404);
  });
});
