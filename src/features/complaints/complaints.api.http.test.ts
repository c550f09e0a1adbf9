import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import {
  buildComplaintWorld,
  COMPLAINT_TODAY,
  complaintInput,
  type ComplaintWho,
  type ComplaintWorld,
} from '../../../test/fixtures/complaints/complaints.http-fixtures.ts';

/** /api/v1/complaints: logging to outcome, the Schedule 3 rules as 400s, and need-to-know as 404s. */

type Complaint = {
  id: string;
  version: number;
  status: string;
  reviewBody: string | null;
  reviewBodyReason: string | null;
  reviewWindowEndsOn: string | null;
  allegations: { id: string; outcome: string | null }[];
  decisions: { kind: string }[];
  clocks: { period: string; dueOn: string; state: string; metOn: string | null }[];
};

let t: TestApp;
let w: ComplaintWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${COMPLAINT_TODAY}T10:00:00Z`));
  w = await buildComplaintWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const call = (who: ComplaintWho | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, who ? w.tokens[who] : undefined, body);
const fieldsOf = (res: { json: <T>() => T }) => res.json<ApiError>().error.fields ?? {};
const read = async (id: string) => (await call('handler', 'GET', `/api/v1/complaints/${id}`)).json<Complaint>();

describe('the complaints API', () => {
  it('logs a complaint with a reference and the first-contact clock, and lists it', async () => {
    const res = await call('handler', 'POST', '/api/v1/complaints', complaintInput([w.people.bob.id]));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ reference: 'WEST-C-2026-00002', version: 1, firstContactDueOn: '2026-03-09' });
    const list = await call('handler', 'GET', '/api/v1/complaints');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ total: number }>().total).toBe(2);
  });

  it('refuses an ineligible complainant with the s.12 reason, and writes nothing', async () => {
    const res = await call(
      'handler',
      'POST',
      '/api/v1/complaints',
      complaintInput([w.people.bob.id], {
        complainants: [
          { name: 'PC Colleague', basis: 'witness', onDutyAtTime: true, contactMethod: 'post', address: '1 High St' },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)['complainants.0.basis']).toMatch(/on duty at the time.*s\.12\(7\)/);
    expect((await call('handler', 'GET', '/api/v1/complaints')).json<{ total: number }>().total).toBe(2);
  });

  it('takes a complaint from logging to outcome, with the clocks and the reg 32 review body', async () => {
    const id = w.complaint.id;
    const outside = await call('handler', 'POST', `/api/v1/complaints/${id}/initial-handling`, {
      version: 1,
      contactMadeOn: '2026-02-24',
      complainantWishes: 'Wants an apology, would accept it informally',
      complainantWantsRecorded: false,
      recordingGrounds: ['criminal_or_disciplinary'],
      handling: 'outside_schedule_3',
      decidedOn: '2026-02-24',
      reasons: 'Minor',
    });
    expect(outside.statusCode).toBe(400);
    expect(fieldsOf(outside)['handling']).toMatch(/must be recorded under Schedule 3.*para 2\(6B\)/);

    const recorded = await call('handler', 'POST', `/api/v1/complaints/${id}/initial-handling`, {
      version: 1,
      contactMadeOn: '2026-02-24',
      complainantWishes: 'Wants it investigated',
      complainantWantsRecorded: true,
      recordingGrounds: ['criminal_or_disciplinary'],
      handling: 'recorded',
      decidedOn: '2026-02-24',
      reasons: 'Recording is mandatory',
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ version: 2, status: 'recorded', progressUpdateDueOn: '2026-03-24' });

    const notReferred = await call('aa', 'POST', `/api/v1/complaints/${id}/referral`, {
      version: 2,
      referralGrounds: ['serious_assault'],
      referred: false,
      decidedOn: '2026-02-25',
      reasons: 'No',
    });
    expect(notReferred.statusCode).toBe(400);
    expect(fieldsOf(notReferred)['referred']).toMatch(/must be referred to the IOPC/);
    const referred = await call('aa', 'POST', `/api/v1/complaints/${id}/referral`, {
      version: 2,
      referralGrounds: ['serious_assault'],
      referred: true,
      decidedOn: '2026-02-25',
      iopcDecision: 'local',
      iopcDecidedOn: '2026-02-27',
      reasons: 'Alleged serious assault',
    });
    expect(referred.statusCode).toBe(200);

    const notInvestigated = await call('aa', 'POST', `/api/v1/complaints/${id}/handling`, {
      version: 3,
      route: 'otherwise_than_by_investigation',
      startedOn: '2026-02-27',
      reasons: 'Proportionate',
    });
    expect(notInvestigated.statusCode).toBe(400);
    expect(fieldsOf(notInvestigated)['route']).toMatch(/must be investigated/);
    const handled = await call('aa', 'POST', `/api/v1/complaints/${id}/handling`, {
      version: 3,
      route: 'investigation',
      startedOn: '2026-02-27',
      reasons: 'Local investigation as the IOPC decided',
    });
    expect(handled.statusCode).toBe(200);
    expect(handled.json()).toMatchObject({
      status: 'being_handled',
      reviewBody: 'iopc',
      twelveMonthReportDueOn: '2027-02-20',
    });
    expect(handled.json<{ reviewBodyReason: string }>().reviewBodyReason).toMatch(/referred to the IOPC/);

    const before = await read(id);
    const allegation = before.allegations[0]?.id ?? '';
    const outcomes = await call('aa', 'POST', `/api/v1/complaints/${id}/outcomes`, {
      version: 4,
      decidedOn: '2026-03-01',
      notifiedOn: '2026-03-02',
      outcomes: [
        { allegationId: allegation, outcome: 'service_not_acceptable', actions: ['apology', 'reflective_practice'] },
      ],
      learning: 'Stop briefings to cover courtesy',
      reasons: 'Bodycam shows the language',
    });
    expect(outcomes.statusCode).toBe(200);
    // 28 days beginning with the day after the notice of Monday 2 March 2026 (C&M Regs reg 29(2)).
    expect(outcomes.json()).toMatchObject({ status: 'finalised', reviewWindowEndsOn: '2026-03-30' });

    const after = await read(id);
    expect(after.allegations[0]).toMatchObject({ outcome: 'service_not_acceptable' });
    expect(after.decisions.map((d) => d.kind)).toEqual([
      'logged',
      'initial_handling',
      'referral',
      'handling',
      'outcomes',
    ]);
    const clock = (period: string) => after.clocks.find((k) => k.period === period);
    expect(clock('complaint_first_contact')).toMatchObject({ state: 'met', metOn: '2026-02-24' });
    expect(clock('complaint_progress_update')).toMatchObject({ state: 'cancelled' });
    expect(clock('pcc_report_first')).toMatchObject({ state: 'cancelled' });
    expect(clock('complaint_outcome_notice')).toMatchObject({ state: 'met', metOn: '2026-03-02' });
    expect(clock('complainant_review_window')).toMatchObject({ state: 'running', dueOn: '2026-03-30' });

    const late = await call('aa', 'POST', `/api/v1/complaints/${id}/withdrawal`, {
      version: 5,
      withdrawnOn: '2026-03-02',
      signedNotice: true,
    });
    expect(late.statusCode).toBe(422);
  });

  it('records progress updates and a later outcome notice, which opens the PCC review window', async () => {
    const { id } = (await call('handler', 'POST', '/api/v1/complaints', complaintInput([w.people.bob.id]))).json<{
      id: string;
    }>();
    const step = async (path: string, body: Record<string, unknown>) => {
      const res = await call('handler', 'POST', `/api/v1/complaints/${id}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      return res.json<Record<string, unknown>>();
    };
    await step('initial-handling', {
      version: 1,
      contactMadeOn: '2026-02-23',
      complainantWishes: 'Wants it recorded',
      complainantWantsRecorded: true,
      handling: 'recorded',
      decidedOn: '2026-02-23',
      reasons: 'Asked for',
    });
    await step('referral', { version: 2, referred: false, decidedOn: '2026-02-23', reasons: 'No ground applies' });
    await step('handling', {
      version: 3,
      route: 'otherwise_than_by_investigation',
      startedOn: '2026-02-24',
      reasons: 'An explanation will do',
    });
    expect(await step('progress-updates', { version: 4, sentOn: '2026-02-26' })).toMatchObject({
      nextUpdateDueOn: '2026-03-26',
    });
    const allegation = (await read(id)).allegations[0]?.id ?? '';
    expect(
      await step('outcomes', {
        version: 5,
        decidedOn: '2026-02-27',
        outcomes: [{ allegationId: allegation, outcome: 'service_acceptable', actions: ['explanation'] }],
        reasons: 'Explained',
      }),
    ).toMatchObject({ reviewWindowEndsOn: null });
    // Outcome on Friday 27 February; notice given Monday 2 March: 28 days from 3 March end on 30 March.
    expect(await step('outcome-notice', { version: 6, notifiedOn: '2026-03-02' })).toMatchObject({
      reviewWindowEndsOn: '2026-03-30',
    });
    const after = await read(id);
    expect(after.reviewBody).toBe('local_policing_body');
    const progress = after.clocks.filter((k) => k.period === 'complaint_progress_update');
    expect(progress.map((k) => [k.state, k.dueOn])).toEqual([
      ['met', '2026-03-23'],
      ['cancelled', '2026-03-26'],
    ]);
    expect(after.clocks.find((k) => k.period === 'complaint_outcome_notice')).toMatchObject({
      state: 'met',
      dueOn: '2026-03-06',
      metOn: '2026-03-02',
    });
    const again = await call('handler', 'POST', `/api/v1/complaints/${id}/outcome-notice`, {
      version: 7,
      notifiedOn: '2026-03-02',
    });
    expect(again.statusCode).toBe(422);
  });

  it('withdraws on a signed notice only (reg 38), ending the clocks', async () => {
    const logged = (await call('handler', 'POST', '/api/v1/complaints', complaintInput([]))).json<{ id: string }>();
    const unsigned = await call('handler', 'POST', `/api/v1/complaints/${logged.id}/withdrawal`, {
      version: 1,
      withdrawnOn: '2026-03-01',
      signedNotice: false,
    });
    expect(unsigned.statusCode).toBe(400);
    const stale = await call('handler', 'POST', `/api/v1/complaints/${logged.id}/withdrawal`, {
      version: 9,
      withdrawnOn: '2026-03-01',
      signedNotice: true,
    });
    expect(stale.statusCode).toBe(409);
    const res = await call('handler', 'POST', `/api/v1/complaints/${logged.id}/withdrawal`, {
      version: 1,
      withdrawnOn: '2026-03-01',
      signedNotice: true,
    });
    expect(res.statusCode).toBe(200);
    const after = await read(logged.id);
    expect(after).toMatchObject({ status: 'withdrawn', reviewBody: 'none' });
    expect(after.clocks.every((k) => k.state === 'cancelled')).toBe(true);
  });

  it('audits every read and change of a complaint, without the complainant’s words', async () => {
    const events = async () => {
      const r = await t.database.db.execute(
        `select event_type, payload::text as payload from audit_events where subject_type = 'complaint' and subject_id = '${w.complaint.id}'`,
      );
      return (r as { rows: { event_type: string; payload: string }[] }).rows;
    };
    const before = (await events()).filter((e) => e.event_type === 'complaint.viewed').length;
    await read(w.complaint.id);
    const after = await events();
    expect(after.filter((e) => e.event_type === 'complaint.viewed')).toHaveLength(before + 1);
    expect(after.map((e) => e.event_type)).toContain('complaint.logged');
    expect(after.some((e) => e.payload.includes('Jane Jones') || e.payload.includes('Swore at me'))).toBe(false);
  });

  it('answers 404 to the officer complained about, another force, and a role without complaint abilities', async () => {
    const url = `/api/v1/complaints/${w.complaint.id}`;
    for (const who of ['subject', 'east', 'investigator', 'pcc'] as const) {
      expect((await call(who, 'GET', url)).statusCode, who).toBe(404);
      expect(
        (await call(who, 'POST', `${url}/withdrawal`, { version: 1, withdrawnOn: '2026-03-01', signedNotice: true }))
          .statusCode,
        who,
      ).toBe(404);
    }
    const listed = (await call('subject', 'GET', '/api/v1/complaints')).json<{ items: { id: string }[] }>();
    expect(listed.items.map((i) => i.id)).not.toContain(w.complaint.id);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
  });
});
