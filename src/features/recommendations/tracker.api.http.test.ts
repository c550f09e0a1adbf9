import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import {
  apiCall,
  buildWorld,
  multipart,
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

describe('one item, each side', () => {
  const item = () => `${base}/items/${w.items.r3.id}`;
  const position = async (who: Who = 'aa') => (await call(who, 'GET', item())).json<{ position: Position }>().position;

  it('reads an item with the force’s response', async () => {
    const res = await call('pcc', 'GET', item());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      item: { label: 'R3' },
      position: { selfStatus: 'not_started' },
      actions: [],
      evidence: [],
      comments: [],
    });
    await refused('GET', item(), undefined, ['investigator', 'vetting']);
  });

  it('sets the owner, the force’s status, the verified status and the sign-off, each by its own side only', async () => {
    await refused('POST', `${item()}/owner`, { ownerUserId: w.accounts.aa.user.id, version: 0 }, [
      'pcc',
      'investigator',
    ]);
    expect(
      (await call('aa', 'POST', `${item()}/owner`, { ownerUserId: w.accounts.aa.user.id, version: 0 })).json(),
    ).toMatchObject({ version: 1 });
    await refused('POST', `${item()}/self-assessment`, { status: 'addressed', version: 1 }, ['pcc', 'vetting']);
    expect((await call('aa', 'POST', `${item()}/self-assessment`, { status: 'nearly', version: 1 })).statusCode).toBe(
      400,
    );
    expect(
      (await call('aa', 'POST', `${item()}/self-assessment`, { status: 'addressed', version: 1 })).statusCode,
    ).toBe(200);
    expect(await position()).toMatchObject({
      selfStatus: 'addressed',
      verifiedStatus: null,
      difference: 'not_assessed',
    });
    await refused('POST', `${item()}/verification`, { status: 'addressed', version: 2 }, [
      'aa',
      'chief',
      'investigator',
    ]);
    expect(
      (await call('pcc', 'POST', `${item()}/verification`, { status: 'awaiting_review', version: 2 })).statusCode,
    ).toBe(200);
    expect(await position('pcc')).toMatchObject({
      difference: 'force_ahead',
      differenceText: 'The force says addressed, but the commissioner’s office has verified only awaiting review.',
    });
    await refused('POST', `${item()}/sign-off`, { version: 3 }, ['aa', 'pcc', 'investigator']);
    expect((await call('chief', 'POST', `${item()}/sign-off`, { version: 2 })).statusCode).toBe(409);
    expect((await call('chief', 'POST', `${item()}/sign-off`, { version: 3 })).statusCode).toBe(200);
    expect((await position()).signedOff).toMatchObject({ status: 'addressed' });
    expect(
      (await call('aa', 'POST', `${item()}/self-assessment`, { status: 'being_progressed', version: 4 })).statusCode,
    ).toBe(200);
    expect((await position()).signedOff).toBeNull();
  });

  it('adds and updates actions (force side)', async () => {
    await refused('POST', `${item()}/actions`, { description: 'x', dueOn: '2026-06-01' }, ['pcc', 'investigator']);
    expect((await call('aa', 'POST', `${item()}/actions`, { description: '', dueOn: 'soon' })).statusCode).toBe(400);
    const added = await call('aa', 'POST', `${item()}/actions`, {
      description: 'Review every transferee (test)',
      dueOn: '2026-05-01',
    });
    expect(added.statusCode).toBe(201);
    const { id } = added.json<{ id: string }>();
    expect((await position()).overdue).toEqual(['action']);
    await refused('POST', `${item()}/actions/${id}`, { doneOn: '2026-05-09', version: 1 }, ['pcc', 'eastAa']);
    expect((await call('aa', 'POST', `${item()}/actions/${id}`, { doneOn: '2026-05-09', version: 1 })).json()).toEqual({
      id,
      version: 2,
    });
    expect((await call('aa', 'GET', item())).json<{ actions: unknown[] }>().actions).toEqual([
      {
        id,
        description: 'Review every transferee (test)',
        dueOn: '2026-05-01',
        doneOn: '2026-05-09',
        overdue: false,
        version: 2,
      },
    ]);
    expect((await call('aa', 'POST', `${item()}/actions/${id}`, { dueOn: null, version: 1 })).statusCode).toBe(409);
  });

  it('adds evidence as a link (JSON) or a file (multipart) and downloads the file', async () => {
    await refused('POST', `${item()}/evidence`, { title: 'Policy', url: 'https://example.org/p' }, [
      'pcc',
      'investigator',
    ]);
    expect((await call('aa', 'POST', `${item()}/evidence`, { title: 'Policy' })).statusCode).toBe(400);
    expect(
      (await call('aa', 'POST', `${item()}/evidence`, { title: 'Policy', url: 'https://example.org/p' })).json(),
    ).toMatchObject({
      kind: 'link',
      title: 'Policy',
      sha256: null,
    });
    const body = multipart(
      { title: 'Minutes' },
      { name: 'minutes.txt', type: 'text/plain', content: Buffer.from('API evidence bytes') },
    );
    const file = await t.app.inject({
      method: 'POST',
      url: `${item()}/evidence`,
      headers: { ...body.headers, authorization: `Bearer ${w.tokens.aa}` },
      payload: body.payload,
    });
    expect(file.statusCode).toBe(201);
    const { id, sha256 } = file.json<{ id: string; sha256: string }>();
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await call('pcc', 'GET', `${item()}/evidence/${id}`);
    expect(download.body).toBe('API evidence bytes');
    expect((await call('eastAa', 'GET', `${item()}/evidence/${id}`)).statusCode).toBe(404);
    expect((await call(null, 'GET', `${item()}/evidence/${id}`)).statusCode).toBe(401);
  });

  it('adds comments from either side, refusing roles with neither', async () => {
    await refused('POST', `${item()}/comments`, { body: 'x' }, ['investigator', 'vetting']);
    expect((await call('aa', 'POST', `${item()}/comments`, { body: '' })).statusCode).toBe(400);
    expect((await call('pcc', 'POST', `${item()}/comments`, { body: 'Verified from minutes' })).json()).toMatchObject({
      side: 'commissioner',
    });
    expect((await call('chief', 'POST', `${item()}/comments`, { body: 'Noted' })).json()).toMatchObject({
      side: 'force',
    });
    const comments = (await call('aa', 'GET', item())).json<{ comments: { side: string; author: string }[] }>()
      .comments;
    expect(comments.map((c) => [c.side, c.author]).sort()).toEqual([
      ['commissioner', 'pcc'],
      ['force', 'chief'],
    ]);
  });

  it('lists by rule, and refuses a list it does not know', async () => {
    const unverified = await call('pcc', 'GET', `${base}/list?show=status&side=commissioner&status=awaiting_review`);
    expect(unverified.json<{ items: { item: { label: string } }[] }>().items.map((i) => i.item.label)).toEqual(['R3']);
    expect((await call('pcc', 'GET', `${base}/list?show=sideways`)).statusCode).toBe(400);
    await refused('GET', `${base}/list?show=overdue`, undefined, ['investigator']);
    const east = await call('eastAa', 'GET', `${base}/list?show=status&side=force&status=not_started`);
    const eastItems = east.json<{ items: { item: { id: string }; position: Position }[] }>().items;
    expect(eastItems).toHaveLength(9);
    expect(eastItems.find((i) => i.item.id === w.items.r3.id)?.position).toMatchObject({
      selfStatus: 'not_started',
      verifiedStatus: null,
      signedOff: null,
      version: 0,
    });
  });
});
