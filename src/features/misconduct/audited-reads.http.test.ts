import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, api, type TestApp } from '../../../test/support/test-app.ts';
import { buildCaseWorld, as, type CaseWorld } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';

/** Issue 12: reads of case content that were not audited. Each read is one event, lists included (not per row). */

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

async function eventsOf(type: string): Promise<{ payload: Record<string, unknown>; actor_user_id: string }[]> {
  return t.database.query(`select payload, actor_user_id from audit_events where event_type = $1 order by seq`, [type]);
}

describe('reads of case content are audited', () => {
  it.each(['links', 'team', 'evidence'])('the %s of a case, on the API and the page', async (part) => {
    const before = (await eventsOf('case.viewed')).filter((e) => e.payload['part'] === part).length;
    expect((await api(t.app, 'GET', `/api/v1/cases/${w.normal.id}/${part}`, w.tokens.aa)).statusCode).toBe(200);
    expect((await as(t, w, 'aa').get(`/cases/${w.normal.id}/${part}`)).statusCode).toBe(200);
    const after = (await eventsOf('case.viewed')).filter((e) => e.payload['part'] === part);
    expect(after).toHaveLength(before + 2);
    expect(after.at(-1)).toMatchObject({
      actor_user_id: w.accounts.aa.user.id,
      payload: { caseId: w.normal.id, part },
    });
  });

  it('the case list and a search of it: one event per request with the search words, not one per row', async () => {
    const before = (await eventsOf('case.listed')).length;
    const res = await api(t.app, 'GET', '/api/v1/cases?view=all&q=Offensive', w.tokens.aa);
    expect(res.statusCode).toBe(200);
    expect((await as(t, w, 'aa').get('/cases?view=all')).statusCode).toBe(200);
    const after = await eventsOf('case.listed');
    expect(after).toHaveLength(before + 2);
    expect(after.at(-2)?.payload).toMatchObject({ view: 'all', query: 'Offensive', resultCount: 2 });
    expect(after.at(-1)?.payload).toMatchObject({ view: 'all', query: null, resultCount: 2 });
  });

  it('a refused read records nothing', async () => {
    const before = (await eventsOf('case.viewed')).length;
    expect((await api(t.app, 'GET', `/api/v1/cases/${w.normal.id}/links`, w.tokens.east)).statusCode).toBe(404);
    expect((await api(t.app, 'GET', `/api/v1/cases/${w.normal.id}/evidence`, w.tokens.outsider)).statusCode).toBe(404);
    expect(await eventsOf('case.viewed')).toHaveLength(before);
  });
});
