import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import {
  buildCaseWorld,
  snapshot,
  type CaseWorld,
  type Who,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-11-25T10:00:00Z'));
  w = await buildCaseWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const as = (who: Who) => new TestClient(t.app).setCookie('probity_session', w.cookies[who]);

describe('criminal proceedings and the draft PCC report pages', () => {
  it('records a charge with a sub judice period through the form', async () => {
    const page = `/cases/${w.normal.id}/criminal`;
    const [subject] = await t.database.query<{ id: string }>(
      `select id from case_subjects where case_id = $1 limit 1`,
      [w.normal.id],
    );
    const res = await as('aa').post(
      page,
      {
        subjectId: subject?.id ?? '',
        kind: 'charge',
        'occurredOn-day': '10',
        'occurredOn-month': '4',
        'occurredOn-year': '2026',
        'subJudiceFrom-day': '10',
        'subJudiceFrom-month': '4',
        'subJudiceFrom-year': '2026',
        'subJudiceTo-day': '1',
        'subJudiceTo-month': '6',
        'subJudiceTo-year': '2026',
        details: 'Charged with harassment',
      },
      { formPage: page },
    );
    expect(res.statusCode).toBe(303);
    const list = await as('aa').get(page);
    expect(list.body).toContain('Charged with harassment');
    expect(list.body).toContain('10 April 2026 to 1 June 2026');
  });

  it('explains bad input and records nothing', async () => {
    const page = `/cases/${w.normal.id}/criminal`;
    const before = await t.database.query(`select count(*)::int as n from criminal_proceedings`);
    const res = await as('aa').post(
      page,
      { subjectId: '', kind: '', 'occurredOn-day': '31', 'occurredOn-month': '2', 'occurredOn-year': '2026' },
      { formPage: page },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date must be a real date');
    expect(await t.database.query(`select count(*)::int as n from criminal_proceedings`)).toEqual(before);
  });

  it('drafts the regulation 19 report from the case', async () => {
    const res = await as('aa').get(`/cases/${w.normal.id}/pcc-report`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('regulation 19');
    expect(res.body).toContain('10 March 2025');
    expect(res.body).toContain('Relevant period ends');
  });

  for (const path of ['criminal', 'pcc-report']) {
    it(`refuses /cases/{id}/${path} without need-to-know (404) and sends visitors to sign in`, async () => {
      for (const who of ['outsider', 'east', 'pcc', 'aaSubject'] as Who[]) {
        expect((await as(who).get(`/cases/${w.normal.id}/${path}`)).statusCode).toBe(404);
      }
      expect((await as('aaUnnamed').get(`/cases/${w.restricted.id}/${path}`)).statusCode).toBe(404);
      const anon = await new TestClient(t.app).get(`/cases/${w.normal.id}/${path}`);
      expect(anon.statusCode).toBe(303);
    });
  }

  it('refuses a criminal-proceedings post without need-to-know, changing nothing', async () => {
    const [subject] = await t.database.query<{ id: string }>(
      `select id from case_subjects where case_id = $1 limit 1`,
      [w.restricted.id],
    );
    const before = await snapshot(t);
    const body = {
      subjectId: subject?.id ?? '',
      kind: 'arrest',
      'occurredOn-day': '1',
      'occurredOn-month': '5',
      'occurredOn-year': '2026',
    };
    const res = await as('aaUnnamed').post(`/cases/${w.restricted.id}/criminal`, body, { formPage: '/account' });
    expect(res.statusCode).toBe(404);
    const anon = await new TestClient(t.app).post(`/cases/${w.restricted.id}/criminal`, body);
    expect(anon.statusCode).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('criminal proceedings and PCC report API', () => {
  it('records through the API and refuses without a token or need-to-know', async () => {
    const { api } = await import('../../../test/support/test-app.ts');
    const [subject] = await t.database.query<{ id: string }>(
      `select id from case_subjects where case_id = $1 limit 1`,
      [w.normal.id],
    );
    const body = { subjectId: subject?.id ?? '', kind: 'arrest', occurredOn: '2026-03-01' };
    expect(
      (await api(t.app, 'POST', `/api/v1/cases/${w.normal.id}/criminal-proceedings`, undefined, body)).statusCode,
    ).toBe(401);
    expect(
      (await api(t.app, 'POST', `/api/v1/cases/${w.normal.id}/criminal-proceedings`, w.tokens.outsider, body))
        .statusCode,
    ).toBe(404);
    const ok = await api(t.app, 'POST', `/api/v1/cases/${w.normal.id}/criminal-proceedings`, w.tokens.aa, body);
    expect(ok.statusCode).toBe(201);
    const report = await api(t.app, 'GET', `/api/v1/cases/${w.normal.id}/pcc-report`, w.tokens.aa);
    expect(report.json<{ cameToAttentionOn: string; relevantPeriodEnds: string }>()).toMatchObject({
      cameToAttentionOn: '2025-03-10',
      relevantPeriodEnds: '2026-03-10',
    });
    expect(
      (await api(t.app, 'GET', `/api/v1/cases/${w.restricted.id}/pcc-report`, w.tokens.aaUnnamed)).statusCode,
    ).toBe(404);
    expect((await api(t.app, 'GET', `/api/v1/cases/${w.normal.id}/pcc-report`)).statusCode).toBe(401);
  });
});
