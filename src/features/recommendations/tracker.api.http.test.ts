import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import {
  apiCall,
  buildWorld,
  snapshot,
  TODAY,
  type Who,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';

/** /api/v1/recommendations: every route for visitors (401), users without the ability or on the wrong side (404), bad input (400), stale (409) and the happy path. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
  w = await buildWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const call = (who: Who | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
  apiCall(t, w, who, method, url, body);
const base = '/api/v1/recommendations';
type Position = {
  selfStatus: string;
  verifiedStatus: string | null;
  difference: string;
  differenceText: string | null;
  version: number;
  signedOff: { status: string } | null;
  overdue: string[];
};

/** Refused for a visitor (401) and for each of `refused` (404), with nothing changed. */
async function refused(method: 'GET' | 'POST', url: string, body: unknown, who: Who[]) {
  const before = await snapshot(t);
  expect((await call(null, method, url, body)).statusCode, `anonymous ${url}`).toBe(401);
  for (const one of who) expect((await call(one, method, url, body)).statusCode, `${one} ${method} ${url}`).toBe(404);
  expect(await snapshot(t)).toBe(before);
}

describe('reports and items', () => {
  it('lists reports and shows one with the force’s position on each item', async () => {
    const list = await call('chief', 'GET', `${base}/reports`);
    expect(list.statusCode).toBe(200);
    const reports = list.json<{ items: { title: string; counts: { items: number; overdue: number } }[] }>().items;
    expect(reports.map((r) => [r.title, r.counts.items, r.counts.overdue])).toEqual([
      ['An inspection of vetting (test)', 4, 1],
    ]);
    const one = await call('aa', 'GET', `${base}/reports/${w.report.id}`);
    const items = one.json<{ items: { item: { label: string }; position: Position }[] }>().items;
    expect(items.map((i) => i.item.label)).toEqual(['R1', 'R2', 'R3', 'AFI1']);
    expect(items[0]?.position).toMatchObject({
      selfStatus: 'not_started',
      verifiedStatus: null,
      difference: 'not_assessed',
      overdue: ['deadline'],
      version: 0,
    });
    await refused('GET', `${base}/reports`, undefined, ['investigator', 'vetting']);
    await refused('GET', `${base}/reports/${w.report.id}`, undefined, ['investigator']);
    expect((await call('aa', 'GET', `${base}/reports/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('adds a report and an item (commissioner’s office only), explaining bad input', async () => {
    const report = {
      publisher: 'IOPC',
      title: 'Learning report (test)',
      publishedOn: '2026-03-01',
      reportType: 'other',
    };
    await refused('POST', `${base}/reports`, report, ['aa', 'chief', 'investigator']);
    const before = await snapshot(t);
    const bad = await call('pcc', 'POST', `${base}/reports`, { ...report, title: '', publishedOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(await snapshot(t)).toBe(before);
    const created = await call('pcc', 'POST', `${base}/reports`, report);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const item = {
      kind: 'area_for_improvement',
      number: 1,
      text: 'Learn (test).',
      ownerBody: 'IOPC',
      deadline: null,
      themes: ['learning'],
    };
    await refused('POST', `${base}/reports/${id}/items`, item, ['aa', 'chief', 'vetting']);
    const added = await call('pcc', 'POST', `${base}/reports/${id}/items`, item);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ label: 'AFI1', ownerBody: 'IOPC', textVerified: false, version: 1 });
    const again = await call('pcc', 'POST', `${base}/reports/${id}/items`, item);
    expect(again.statusCode).toBe(400);
    expect(again.json<ApiError>().error.fields).toEqual({ number: 'Area for improvement 1 is already in this report' });
  });

  it('imports CSV all or nothing, and edits an item with its version', async () => {
    const csv = fs.readFileSync(new URL('../../../test/fixtures/recommendations/items.csv', import.meta.url), 'utf8');
    const created = await call('pcc', 'POST', `${base}/reports`, {
      publisher: 'HMICFRS',
      title: 'API CSV (test)',
      publishedOn: '2026-01-01',
      reportType: 'force',
    });
    const id = created.json<{ id: string }>().id;
    await refused('POST', `${base}/reports/${id}/import`, { csv }, ['aa', 'investigator']);
    const before = await snapshot(t);
    const bad = await call('pcc', 'POST', `${base}/reports/${id}/import`, {
      csv: 'kind,number,text,owner_body\nrecommendation,0,Zero,NPCC\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.fields?.['file']).toBe('Line 2: number must be 1 or more');
    expect(await snapshot(t)).toBe(before);
    expect((await call('pcc', 'POST', `${base}/reports/${id}/import`, { csv })).json()).toEqual({
      lines: 4,
      added: 4,
      updated: 0,
      unchanged: 0,
    });

    const edit = {
      kind: 'recommendation',
      number: 2,
      text: 'Forces should record vetting rationale (checked).',
      ownerBody: 'ChiefConstables',
      deadline: '2026-12-31',
      themes: ['vetting'],
      textVerified: true,
      version: 1,
    };
    await refused('POST', `${base}/items/${w.items.r2.id}`, edit, ['aa', 'chief', 'investigator']);
    const ok = await call('pcc', 'POST', `${base}/items/${w.items.r2.id}`, edit);
    expect(ok.json()).toEqual({ id: w.items.r2.id, changed: ['text', 'textVerified'], version: 2 });
    expect((await call('pcc', 'POST', `${base}/items/${w.items.r2.id}`, edit)).statusCode).toBe(409);
    expect(
      (await call('pcc', 'POST', `${base}/items/${w.items.r2.id}`, { ...edit, number: 3, version: 2 })).statusCode,
    ).toBe(400);
  });
});

describe('the OpenAPI document', () => {
  it('describes every tracker route under the recommendations tag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, { tags?: string[] }>> }>().paths;
    const ours = Object.entries(paths).filter(([p]) => p.startsWith('/api/v1/recommendations'));
    expect(ours.map(([p]) => p).sort()).toEqual(
      [
        '/api/v1/recommendations/items/{itemId}',
        '/api/v1/recommendations/items/{itemId}/actions',
        '/api/v1/recommendations/items/{itemId}/actions/{actionId}',
        '/api/v1/recommendations/items/{itemId}/comments',
        '/api/v1/recommendations/items/{itemId}/evidence',
        '/api/v1/recommendations/items/{itemId}/evidence/{evidenceId}',
        '/api/v1/recommendations/items/{itemId}/owner',
        '/api/v1/recommendations/items/{itemId}/self-assessment',
        '/api/v1/recommendations/items/{itemId}/sign-off',
        '/api/v1/recommendations/items/{itemId}/verification',
        '/api/v1/recommendations/list',
        '/api/v1/recommendations/reports',
        '/api/v1/recommendations/reports/{reportId}',
        '/api/v1/recommendations/reports/{reportId}/import',
        '/api/v1/recommendations/reports/{reportId}/items',
        '/api/v1/recommendations/reports/{reportId}/responses',
        '/api/v1/recommendations/responses/{responseId}',
        '/api/v1/recommendations/responses/{responseId}/pdf',
        '/api/v1/recommendations/responses/{responseId}/publish',
      ].sort(),
    );
    for (const [, methods] of ours)
      for (const op of Object.values(methods)) expect(op.tags).toEqual(['recommendations']);
  });
});
