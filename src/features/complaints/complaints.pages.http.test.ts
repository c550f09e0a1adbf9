import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { dateFields, FormClient } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  buildComplaintWorld,
  COMPLAINT_TODAY,
  type ComplaintWho,
  type ComplaintWorld,
} from '../../../test/fixtures/complaints/complaints.http-fixtures.ts';

/** The complaint pages, without JavaScript: list, log form, the complaint page and its decision forms. */

let t: TestApp;
let w: ComplaintWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${COMPLAINT_TODAY}T10:00:00Z`));
  w = await buildComplaintWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const as = (who: ComplaintWho) => new FormClient(t.app, w.cookies[who]);
const count = async (table: string) => {
  const r = await t.database.db.execute(`select count(*)::int as n from ${table}`);
  return (r as { rows: { n: number }[] }).rows[0]?.n ?? 0;
};

const logForm = (extra: Record<string, string | string[]> = {}) => ({
  channel: 'phone',
  ...dateFields('receivedOn', '2026-02-27'),
  ...dateFields('loggedOn', '2026-02-27'),
  summary: 'Nobody came after my burglary call',
  desiredOutcome: 'An explanation',
  name: 'Sam Smith',
  basis: 'adversely_affected',
  contactMethod: 'post',
  address: '2 Mill Lane',
  subjectKind: 'service',
  subjectDescription: 'Control room',
  'allegation0-categoryCode': 'duties.action_after_contact',
  'allegation0-description': 'No officer attended',
  ...extra,
});

describe('the complaint pages', () => {
  it('lists the force’s complaints for a handler, with the log button', async () => {
    const res = await as('handler').get('/complaints');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('WEST-C-2026-00001');
    expect(res.body).toContain('Log a complaint');
  });

  it('logs a complaint from the form and shows it', async () => {
    const client = as('handler');
    const res = await client.post('/complaints', logForm(), '/complaints/new');
    expect(res.statusCode).toBe(303);
    const page = await client.get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nobody came after my burglary call');
    expect(page.body).toContain('Record the initial handling');
    expect(page.body).toContain('First contact with the complainant');
  });

  it('re-shows the form with the s.12 reason for a witness complaining about the service, writing nothing', async () => {
    const before = await count('complaints');
    const res = await as('handler').post('/complaints', logForm({ basis: 'witness' }), '/complaints/new');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('s.12(1B)');
    expect(await count('complaints')).toBe(before);
  });

  it('explains the para 2(6B) refusal on the complaint page, then records it under Schedule 3', async () => {
    const client = as('handler');
    const url = `/complaints/${w.complaint.id}`;
    const form = {
      version: '1',
      ...dateFields('contactMadeOn', '2026-02-24'),
      complainantWishes: 'Wants it looked into',
      complainantWantsRecorded: 'no',
      recordingGrounds: ['article_2_or_3'],
      handling: 'outside_schedule_3',
      ...dateFields('decidedOn', '2026-02-24'),
      reasons: 'Minor',
    };
    const refused = await client.post(`${url}/initial-handling`, form, url);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('must be recorded under Schedule 3');
    const ok = await client.post(`${url}/initial-handling`, { ...form, handling: 'recorded' }, url);
    expect(ok.statusCode).toBe(303);
    const page = await client.get(url);
    expect(page.body).toContain('Recorded under Schedule 3');
    expect(page.body).toContain('Record the referral decision');
  });

  it('is a 404 for the officer complained about, another force and a role without complaint abilities', async () => {
    for (const who of ['subject', 'east', 'investigator'] as const) {
      expect((await as(who).get(`/complaints/${w.complaint.id}`)).statusCode, who).toBe(404);
    }
    expect((await as('investigator').get('/complaints')).statusCode).toBe(404);
    expect((await as('subject').get('/complaints')).body).not.toContain('WEST-C-2026-00001');
  });
});
