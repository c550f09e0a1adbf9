import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  apiCall,
  buildWorld,
  multipart,
  snapshot,
  TODAY,
  type Who,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';

/** /api/v1/recommendations/items: one item, each side, for visitors (401), the wrong side (404), bad input (400), stale (409) and the happy path. */

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
