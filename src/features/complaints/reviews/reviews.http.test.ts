import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createAccount, sessionCookieFor } from '../../../../test/support/factories.ts';
import { dateFields, FormClient } from '../../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  buildComplaintWorld,
  COMPLAINT_TODAY,
  complaintInput,
  type ComplaintWho,
  type ComplaintWorld,
} from '../../../../test/fixtures/complaints/complaints.http-fixtures.ts';

/** Review applications and the PCC office's review queue (C&M Regs 2020 regs 29, 32; Sch 3 paras 6A, 25, 31–32). */

let t: TestApp;
let w: ComplaintWorld;
let eastPcc = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${COMPLAINT_TODAY}T10:00:00Z`));
  w = await buildComplaintWorld(t);
  const east = await createAccount(t.deps, { email: 'pcc@east.example', role: 'pcc_oversight', forceId: 'east' });
  eastPcc = await sessionCookieFor(t.deps, east.user.id);
});

afterAll(async () => {
  await t?.close();
});

const call = (who: ComplaintWho, method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, w.tokens[who], body);
const as = (who: ComplaintWho) => new FormClient(t.app, w.cookies[who]);

/** A complaint about the service taken to its outcome, handled otherwise than by investigation, notified on 2 March 2026. */
async function finalised(handling: 'recorded' | 'outside_schedule_3' = 'recorded'): Promise<string> {
  const id = (await call('handler', 'POST', '/api/v1/complaints', complaintInput([]))).json<{ id: string }>().id;
  const step = async (path: string, body: Record<string, unknown>) => {
    const res = await call('handler', 'POST', `/api/v1/complaints/${id}/${path}`, body);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  };
  await step('initial-handling', {
    version: 1,
    contactMadeOn: '2026-02-23',
    complainantWishes: 'Wants it recorded',
    complainantWantsRecorded: handling === 'recorded',
    handling,
    decidedOn: '2026-02-23',
    reasons: 'As agreed',
  });
  if (handling === 'outside_schedule_3') return id;
  await step('referral', { version: 2, referred: false, decidedOn: '2026-02-23', reasons: 'No ground applies' });
  await step('handling', {
    version: 3,
    route: 'otherwise_than_by_investigation',
    startedOn: '2026-02-24',
    reasons: 'Proportionate',
  });
  const view = await call('handler', 'GET', `/api/v1/complaints/${id}`);
  const allegation = view.json<{ allegations: { id: string }[] }>().allegations[0]?.id;
  await step('outcomes', {
    version: 4,
    decidedOn: '2026-03-01',
    notifiedOn: '2026-03-02',
    outcomes: [{ allegationId: allegation, outcome: 'service_acceptable' }],
    reasons: 'The call handler followed the policy',
  });
  return id;
}

describe('reviews', () => {
  let applied: Promise<string> | undefined;
  /**
   * A finalised complaint with the complainant's application for a review logged: by the first test, or here
   * when a later test runs alone.
   */
  const application = () =>
    (applied ??= finalised().then(async (id) => {
      await call('handler', 'POST', `/api/v1/complaints/${id}/reviews`, {
        receivedOn: '2026-03-02',
        grounds: 'Nobody listened to the recording',
      });
      return id;
    }));
  const reviewOf = async (complaintId: string) =>
    (
      await t.database.query<{ id: string }>(`select id from complaint_reviews where complaint_id = $1`, [complaintId])
    )[0]?.id ?? '';

  it('logs a complainant’s application from the complaint page, to the local policing body', async () => {
    const complaintId = await finalised();
    const res = await as('handler').post(
      `/complaints/${complaintId}/reviews`,
      { ...dateFields('receivedOn', '2026-03-02'), grounds: 'Nobody listened to the recording' },
      `/complaints/${complaintId}`,
    );
    expect(res.statusCode).toBe(303);
    applied = Promise.resolve(complaintId);
    const again = await call('handler', 'POST', `/api/v1/complaints/${complaintId}/reviews`, {
      receivedOn: '2026-03-02',
      grounds: 'Again',
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('already waiting');
  });

  it('refuses an application where no review is available, or after the reg 29(2) time limit', async () => {
    const outside = await finalised('outside_schedule_3');
    const none = await call('handler', 'POST', `/api/v1/complaints/${outside}/reviews`, {
      receivedOn: '2026-03-02',
      grounds: 'Unhappy',
    });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('No review is available');
    const bad = await call('handler', 'POST', `/api/v1/complaints/${outside}/reviews`, {
      receivedOn: 'soon',
      grounds: '',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('shows the application in the PCC office’s queue, where the review is upheld with recommendations', async () => {
    const complaintId = await application();
    const pcc = as('pcc');
    const queue = await pcc.get('/complaint-reviews');
    expect(queue.statusCode).toBe(200);
    const reviewId = /href="\/complaint-reviews\/([0-9a-f-]{36})"/.exec(queue.body)?.[1] ?? '';
    expect(reviewId).not.toBe('');
    const page = await pcc.get(`/complaint-reviews/${reviewId}`);
    expect(page.body).toContain('Nobody listened to the recording');
    expect(page.body).toContain('The call handler followed the policy');
    expect(page.body).not.toContain('jane@example.org');

    const missing = await pcc.post(
      `/complaint-reviews/${reviewId}/outcome`,
      { version: '1', result: 'upheld', ...dateFields('decidedOn', '2026-03-02') },
      `/complaint-reviews/${reviewId}`,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('an upheld review makes recommendations');
    const upheld = await pcc.post(
      `/complaint-reviews/${reviewId}/outcome`,
      {
        version: '1',
        result: 'upheld',
        recommendations: 'Listen to the call recording and write again',
        ...dateFields('decidedOn', '2026-03-02'),
      },
      `/complaint-reviews/${reviewId}`,
    );
    expect(upheld.statusCode).toBe(303);
    const after = await pcc.get(`/complaint-reviews/${reviewId}`);
    expect(after.body).toContain('Upheld, 2 March 2026. Recommendations: Listen to the call recording and write again');
    const complaintPage = await as('handler').get(`/complaints/${complaintId}`);
    expect(complaintPage.body).toContain(
      'to the local policing body: Upheld on 2 March 2026. Recommendations: Listen to the call recording and write again',
    );
    const twice = await call('pcc', 'POST', `/api/v1/complaint-reviews/${reviewId}/outcome`, {
      version: 2,
      result: 'not_upheld',
      decidedOn: '2026-03-02',
    });
    expect(twice.statusCode).toBe(422);
  });

  it('forwards an application the IOPC must review', async () => {
    const id = await finalised();
    const applied = await call('handler', 'POST', `/api/v1/complaints/${id}/reviews`, {
      receivedOn: '2026-03-02',
      grounds: 'The officer was a chief superintendent',
    });
    const review = applied.json<{ id: string }>().id;
    const res = await call('pcc', 'POST', `/api/v1/complaint-reviews/${review}/forward`, {
      version: 1,
      forwardedOn: '2026-03-02',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'forwarded' });
    expect((await as('pcc').get(`/complaint-reviews/${review}`)).body).toContain(
      'Forwarded to the IOPC on 2 March 2026',
    );
  });

  it('keeps the queue to the PCC office of the force: 404 for others, nothing changed', async () => {
    const complaintId = await application();
    const reviewId = await reviewOf(complaintId);
    expect((await as('handler').get('/complaint-reviews')).statusCode).toBe(404);
    expect((await as('handler').get(`/complaint-reviews/${reviewId}`)).statusCode).toBe(404);
    const east = new FormClient(t.app, eastPcc);
    expect((await east.get(`/complaint-reviews/${reviewId}`)).statusCode).toBe(404);
    expect((await east.get('/complaint-reviews')).body).not.toContain(reviewId);
    expect(
      (
        await call('pcc', 'POST', `/api/v1/complaints/${complaintId}/reviews`, {
          receivedOn: '2026-03-02',
          grounds: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});
