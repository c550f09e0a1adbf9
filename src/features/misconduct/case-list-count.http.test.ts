import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { buildCaseWorld, caseInput, type CaseWorld } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from './open-case.ts';

/**
 * The case list counts only up to PROBITY_CASE_LIST_COUNT_LIMIT (here 3): past it the page says "more than"
 * and the API says `moreThanTotal`, while the rows are the same as ever. Under the limit the count is exact.
 */

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp({ caseListCountLimit: 3 });
  w = await buildCaseWorld(t);
  for (const person of [w.people.gina, w.people.carol, w.people.dave])
    await openCase(t.deps, w.aa, caseInput([person.id]), null);
});

afterAll(async () => {
  await t?.close();
});

type CaseList = { total: number; moreThanTotal: boolean; page: number; pageCount: number; items: { id: string }[] };

describe('the case list past its count limit', () => {
  it('answers the API with the count up to the limit and moreThanTotal, and every row', async () => {
    const res = await api(t.app, 'GET', '/api/v1/cases?view=all', w.tokens.aa);
    expect(res.statusCode).toBe(200);
    const body = res.json<CaseList>();
    expect(body).toMatchObject({ total: 3, moreThanTotal: true, page: 1, pageCount: 1 });
    expect(body.items).toHaveLength(5);
  });

  it('counts exactly when fewer cases match than the limit', async () => {
    const res = await api(t.app, 'GET', '/api/v1/cases?view=all', w.tokens.named);
    const body = res.json<CaseList>();
    expect(body.moreThanTotal).toBe(false);
    expect(body.total).toBe(body.items.length);
    expect(body.total).toBeLessThanOrEqual(3);
  });

  it('says "more than" on the page and asks for a filter', async () => {
    const res = await new TestClient(t.app).setCookie('probity_session', w.cookies.aa).get('/cases?view=all');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /id="result-count" role="status">More than 3 cases\. Narrow the list with the filters to count them\.<\/p>/,
    );
    const exact = await new TestClient(t.app).setCookie('probity_session', w.cookies.aa).get('/cases?view=mine');
    expect(exact.body).toMatch(/id="result-count" role="status">\d+ cases?<\/p>/);
  });
});
