import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createForce, createPerson, sessionCookieFor } from '../../../test/support/factories.ts';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import type { Role } from '../../kernel/access/roles.ts';
import {
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
let subjectId = '';

const COPIED = 'A sergeant shares photos of female colleagues in a shift group chat';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  await createForce(t.deps.db, 'west', 'Westshire Police');
  const people: [string, Role][] = [
    ['unit', 'confidential_unit'],
    ['psd', 'psd_investigator'],
  ];
  for (const [who, role] of people) {
    const { user } = await createAccount(t.deps, { email: `${who}@west.example`, role, forceId: 'west' });
    cookies[who] = await sessionCookieFor(t.deps, user.id);
    tokens[who] = (await createApiToken(t.deps, systemActor('test', 'west'), user.id, 'test')).token;
  }
  const subject = await createPerson(t.deps.db, 'west', {
    givenName: 'Zebedee',
    familyName: 'Quill',
    identifiers: [{ kind: 'collar', value: '4711', validFrom: '2010-04-01' }],
  });
  subjectId = subject.id;
  receipt = receiptOf(await sendReport(t.app, 'west', reportFields()));
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
const form = async (overrides: Record<string, string | string[]> = {}) => ({
  version: await version(),
  subjects: '4711',
  caseType: 'conduct_matter',
  categoryCode: 'behaviours.unprofessional',
  standards: 'discreditable_conduct',
  summary: 'Sharing images of colleagues in a group chat',
  description: COPIED,
  ...overrides,
});
const counts = async () =>
  JSON.stringify([
    await t.database.query('select count(*)::int as n from cases'),
    await t.database.query('select status, version from reports'),
  ]);

describe('opening a conduct case from a report', () => {
  it('is 404 to a PSD investigator, on the form, the page action and the API, and changes nothing', async () => {
    const before = await counts();
    expect((await as('psd').get(`/reports/${reportId}/case`)).statusCode).toBe(404);
    expect((await as('psd').post(`/reports/${reportId}/case`, await form(), { formPage: '/account' })).statusCode).toBe(
      404,
    );
    const viaApi = await api(t.app, 'POST', `/api/v1/reports/${reportId}/case`, tokens['psd'], {
      version: 1,
      subjectPersonIds: [subjectId],
    });
    expect(viaApi.statusCode).toBe(404);
    expect(await counts()).toBe(before);
  });

  it('refuses a form without subjects or text with the reasons, writing nothing', async () => {
    const page = await as('unit').get(`/reports/${reportId}/case`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(REPORT_TEXT);
    const before = await counts();
    const bad = await as('unit').post(
      `/reports/${reportId}/case`,
      await form({ subjects: 'NOBODY', description: '' }),
      { formPage: '/account' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('matches no one you can see');
    expect(await counts()).toBe(before);
  });

  it('previews a redaction without writing, and refuses a passage that is not in the text', async () => {
    const before = await counts();
    const preview = await as('unit').post(
      `/reports/${reportId}/case`,
      await form({ redactions: 'female colleagues\nshift group', preview: '1' }),
      { formPage: '/account' },
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toMatch(
      /id="redaction-preview"[\s\S]*A sergeant shares photos of \[redacted\] in a \[redacted\] chat/,
    );
    const missing = await as('unit').post(
      `/reports/${reportId}/case`,
      await form({ redactions: 'female colleagues\nCanteen' }),
      { formPage: '/account' },
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('so not redacted: “Canteen”');
    expect(await counts()).toBe(before);
  });

  it('opens the case with the copied text and source, and nothing on it leads back to the report', async () => {
    const res = await as('unit').post(
      `/reports/${reportId}/case`,
      await form({ summary: 'Sharing images of Female Colleagues in a group chat', redactions: 'female colleagues' }),
      { formPage: '/account' },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/reports/${reportId}?done=case`);
    const cases = await t.database.query<{ id: string; source: string; summary: string; reference: string }>(
      'select * from cases',
    );
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      source: 'anonymous_report',
      summary: 'Sharing images of [redacted] in a group chat',
    });
    // The case receives the redacted text only; the report keeps the original and notes what was redacted.
    const [allegation] = await t.database.query<{ description: string }>('select description from allegations');
    expect(allegation!.description).toBe('A sergeant shares photos of [redacted] in a shift group chat');
    expect(JSON.stringify(await t.database.query('select * from cases, allegations'))).not.toMatch(
      /female colleagues/i,
    );
    const subjects = await t.database.query<{ person_id: string }>('select person_id from case_subjects');
    expect(subjects.map((s) => s.person_id)).toEqual([subjectId]);
    const parties = await t.database.query('select * from case_parties');
    expect(parties).toEqual([]);

    const caseRows = JSON.stringify([
      cases,
      await t.database.query('select * from allegations'),
      await t.database.query(`select * from audit_events where subject_type <> 'report'`),
    ]);
    expect(caseRows).not.toContain(reportId);
    expect(caseRows).not.toContain(receipt);
    expect(caseRows).not.toContain(receipt.split('-')[0]!);
    expect(caseRows).not.toContain(REPORT_TEXT);
    const [opened] = await t.database.query<{ payload: unknown }>(
      `select payload from audit_events where event_type = 'report.case_opened'`,
    );
    expect(JSON.stringify(opened!.payload)).not.toContain(cases[0]!.id);
    expect(JSON.stringify(opened!.payload)).not.toContain(cases[0]!.reference);

    const report = await as('unit').get(`/reports/${reportId}?done=case`);
    expect(report.body).toContain('Conduct case opened');
    expect(report.body).toContain(`Conduct case ${cases[0]!.reference} opened from this report`);
    expect(report.body).toContain('Passages redacted from the text copied to the case:\n- female colleagues');
    expect(JSON.stringify(opened!.payload)).toContain('"redactions":1');
    expect(report.body).not.toContain('id="open-case"');

    const reporter = new TestClient(t.app);
    await reporter.post('/report/west/follow-up', { receipt }, { csrf: false });
    const status = await reporter.get('/report/west/status');
    expect(status.body).toContain('A case has been opened.');
    expect(status.body).not.toContain(cases[0]!.reference);
  });

  it('opens a case only once; the API keeps the same rule', async () => {
    const again = await api(t.app, 'POST', `/api/v1/reports/${reportId}/case`, tokens['unit'], {
      version: Number(await version()),
      subjectPersonIds: [subjectId],
      categoryCode: 'behaviours.unprofessional',
      standards: ['discreditable_conduct'],
      summary: 'Sharing images of colleagues',
      description: COPIED,
    });
    expect(again.statusCode).toBe(422);
    expect((await t.database.query('select id from cases')).length).toBe(1);
  });
});
