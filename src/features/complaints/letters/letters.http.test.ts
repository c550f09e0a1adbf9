import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { FormClient } from '../../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  buildComplaintWorld,
  COMPLAINT_TODAY,
  complaintInput,
  type ComplaintWho,
  type ComplaintWorld,
} from '../../../../test/fixtures/complaints/complaints.http-fixtures.ts';

/** The letters to complainants: written from the record as HTML and PDF, kept, e-mailed or listed for post. */

let t: TestApp;
let w: ComplaintWorld;
let id = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${COMPLAINT_TODAY}T10:00:00Z`));
  w = await buildComplaintWorld(t);
  const res = await call(
    'handler',
    'POST',
    '/api/v1/complaints',
    complaintInput([], {
      complainants: [
        { name: 'Jane Jones', basis: 'adversely_affected', email: 'jane@example.org', contactMethod: 'email' },
        { name: 'Tom Jones', basis: 'adversely_affected', address: '3 Mill Lane, Westford', contactMethod: 'post' },
      ],
    }),
  );
  if (res.statusCode !== 201) throw new Error(res.body);
  id = res.json<{ id: string }>().id;
});

afterAll(async () => {
  await t?.close();
});

const call = (who: ComplaintWho, method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, w.tokens[who], body);
const as = (who: ComplaintWho) => new FormClient(t.app, w.cookies[who]);
const rows = async <T>(sql: string): Promise<T[]> => {
  const result: unknown = await t.database.db.execute(sql);
  return (result as { rows: T[] }).rows;
};
const step = async (path: string, body: Record<string, unknown>) => {
  const res = await call('handler', 'POST', `/api/v1/complaints/${id}/${path}`, body);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
};
const letterIds = async (kind: string) =>
  (await rows<{ id: string; delivery: string }>(
    `select id, delivery from complaint_letters where kind = '${kind}' and complaint_id = '${id}' order by delivery`,
  )) ?? [];

describe('letters to the complainants', () => {
  it('writes an acknowledgement from the page: e-mailed to the complainant who chose e-mail, listed for post otherwise', async () => {
    const client = as('handler');
    const res = await client.post(`/complaints/${id}/letters`, { kind: 'acknowledgement' }, `/complaints/${id}`);
    expect(res.statusCode).toBe(303);
    const letters = await letterIds('acknowledgement');
    expect(letters.map((l) => l.delivery)).toEqual(['email', 'post']);
    const outbox = await rows<{ to_address: string; subject: string; html_body: string; kind: string }>(
      `select to_address, subject, html_body, kind from outbox where kind like 'complaint_letter.%'`,
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to_address: 'jane@example.org', kind: 'complaint_letter.acknowledgement' });
    expect(outbox[0]?.subject).toContain('WEST-C-2026-00002');
    expect(outbox[0]?.html_body).toContain('Dear Jane Jones');
    expect(outbox[0]?.html_body).toContain('which we received on 20 February 2026');
    expect(outbox[0]?.html_body).toContain('We will contact you by');

    const page = await client.get(`/complaints/${id}`);
    expect(page.body).toContain('id="letters"');
    expect(page.body).toContain('Sent by e-mail');
    expect(page.body).toContain('To post');

    const html = await client.get(`/complaints/${id}/letters/${letters[1]?.id}`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Dear Tom Jones');
    const pdf = await client.get(`/complaints/${id}/letters/${letters[1]?.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('attachment');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a letter that does not fit the complaint’s state, writing nothing', async () => {
    const before = (await rows<{ n: number }>('select count(*)::int as n from complaint_letters'))[0]?.n;
    const res = await call('handler', 'POST', `/api/v1/complaints/${id}/letters`, { kind: 'outcome' });
    expect(res.statusCode).toBe(422);
    const page = await as('handler').post(`/complaints/${id}/letters`, { kind: 'withdrawal' }, `/complaints/${id}`);
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('once the withdrawal is recorded');
    const bad = await call('handler', 'POST', `/api/v1/complaints/${id}/letters`, { kind: 'ransom_note' });
    expect(bad.statusCode).toBe(400);
    expect((await rows<{ n: number }>('select count(*)::int as n from complaint_letters'))[0]?.n).toBe(before);
  });

  it('writes the outcome letter with every reg 33(2) element once the outcome notice is recorded', async () => {
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
      reasons: 'Proportionate',
    });
    const progress = await call('handler', 'POST', `/api/v1/complaints/${id}/letters`, { kind: 'progress_update' });
    expect(progress.statusCode).toBe(200);
    const view = await call('handler', 'GET', `/api/v1/complaints/${id}`);
    const allegation = view.json<{ allegations: { id: string }[] }>().allegations[0]?.id;
    await step('outcomes', {
      version: 4,
      decidedOn: '2026-03-01',
      outcomes: [
        { allegationId: allegation, outcome: 'service_not_acceptable', actions: ['apology', 'reflective_practice'] },
      ],
      reasons: 'The call was not answered',
    });
    const early = await call('handler', 'POST', `/api/v1/complaints/${id}/letters`, { kind: 'outcome' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Record the outcome notice first');
    await step('outcome-notice', { version: 5, notifiedOn: '2026-03-02' });

    const res = await call('handler', 'POST', `/api/v1/complaints/${id}/letters`, { kind: 'outcome' });
    expect(res.statusCode).toBe(200);
    const [letter] = await rows<{ html: string; written_on: string }>(
      `select html, written_on::text from complaint_letters where kind = 'outcome' and delivery = 'email'`,
    );
    expect(letter?.written_on).toBe('2026-03-02');
    const html = letter?.html ?? '';
    // The outcome, per allegation.
    expect(html).toContain('Individual behaviours: Impolite language/tone: The service provided was not acceptable.');
    expect(html).toContain('Action taken: Apology; Referred to the reflective practice review process.');
    // The other processes it led to, and that their progress will be told.
    expect(html).toContain('Your complaint led to: Referred to the reflective practice review process.');
    // The right of review, the body and why, the time limit and how to apply.
    expect(html).toContain('you have the right to apply for a review');
    expect(html).toContain('carried out by the local policing body (the Police and Crime Commissioner)');
    expect(html).toContain('none of the grounds for an IOPC review applies');
    expect(html).toContain('that is by 30 March 2026 (Police (Complaints and Misconduct) Regulations 2020 reg 29(2))');
    expect(html).toContain('How to apply:');
  });

  it('writes the withdrawal confirmation of a withdrawn complaint, saying there is nothing more to review', async () => {
    const other = await call('handler', 'POST', '/api/v1/complaints', complaintInput([]));
    const otherId = other.json<{ id: string }>().id;
    const done = await call('handler', 'POST', `/api/v1/complaints/${otherId}/withdrawal`, {
      version: 1,
      withdrawnOn: '2026-03-02',
      signedNotice: true,
    });
    expect(done.statusCode).toBe(200);
    const res = await call('handler', 'POST', `/api/v1/complaints/${otherId}/letters`, { kind: 'withdrawal' });
    expect(res.statusCode).toBe(200);
    const [letter] = await rows<{ html: string }>(
      `select html from complaint_letters where kind = 'withdrawal' and complaint_id = '${otherId}'`,
    );
    expect(letter?.html).toContain('recorded the withdrawal on 2 March 2026');
    expect(letter?.html).toContain('reg 38');
  });

  it('shows a letter only to those who may see the complaint', async () => {
    const [letter] = await letterIds('acknowledgement');
    for (const who of ['investigator', 'east', 'pcc'] as const) {
      const res = await as(who).get(`/complaints/${id}/letters/${letter?.id}/pdf`);
      expect(res.statusCode, who).toBe(404);
    }
    expect(
      (await call('east', 'POST', `/api/v1/complaints/${id}/letters`, { kind: 'acknowledgement' })).statusCode,
    ).toBe(404);
  });
});
