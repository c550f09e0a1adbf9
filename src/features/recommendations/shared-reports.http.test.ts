import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  apiCall,
  buildWorld,
  client,
  snapshot,
  TODAY,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';

/**
 * A shared (national) report is maintained by the force that owns it (west's commissioner's office added it):
 * east tracks it and may add its own local items, which only east sees and changes; east's attempts to change
 * the report or its national items are answered 404 and change nothing.
 */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
  w = await buildWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const itemBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'recommendation',
  number: 11,
  text: 'East will brief every vetting officer (local).',
  ownerBody: 'ChiefConstables',
  deadline: null,
  themes: [],
  textVerified: false,
  ...extra,
});

type ReportJson = { items: { item: { id: string; label: string; local: boolean } }[] };

const addLocalItem = () =>
  apiCall(t, w, 'eastPcc', 'POST', `/api/v1/recommendations/reports/${w.report.id}/items`, itemBody());
let added: Promise<string> | undefined;
/** East's local item on west's report: added by the first test, or here when a later test runs alone. */
const localItem = () => (added ??= addLocalItem().then((res) => res.json<{ id: string }>().id));

describe('shared recommendation reports', () => {
  it('lets another force add a local item that only that force sees', async () => {
    const res = await addLocalItem();
    expect(res.statusCode).toBe(201);
    const item = res.json<{ id: string; local: boolean }>();
    expect(item.local).toBe(true);
    const localId = item.id;
    added = Promise.resolve(localId);
    const east = (
      await apiCall(t, w, 'eastPcc', 'GET', `/api/v1/recommendations/reports/${w.report.id}`)
    ).json<ReportJson>();
    expect(east.items.map((i) => i.item.id)).toContain(localId);
    // The owner and every other west user never see east's local item, in the report, the lists or on its own.
    for (const who of ['pcc', 'aa', 'chief'] as const) {
      const west = (
        await apiCall(t, w, who, 'GET', `/api/v1/recommendations/reports/${w.report.id}`)
      ).json<ReportJson>();
      expect(west.items.map((i) => i.item.id)).not.toContain(localId);
      expect((await apiCall(t, w, who, 'GET', `/api/v1/recommendations/items/${localId}`)).statusCode).toBe(404);
      expect((await client(t, w, who).get(`/recommendations/items/${localId}`)).statusCode).toBe(404);
      expect((await client(t, w, who).get(`/recommendations/reports/${w.report.id}`)).body).not.toContain('(local)');
    }
    const page = await client(t, w, 'eastPcc').get(`/recommendations/items/${localId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Local item');
  });

  it('answers 404 to another force changing a national item or loading items, and changes nothing', async () => {
    const before = await snapshot(t);
    const national = w.items.r1;
    const edit = await apiCall(t, w, 'eastPcc', 'POST', `/api/v1/recommendations/items/${national.id}`, {
      ...itemBody({ number: national.number, text: 'Rewritten by east' }),
      version: national.version,
    });
    expect(edit.statusCode).toBe(404);
    expect((await client(t, w, 'eastPcc').get(`/recommendations/items/${national.id}/edit`)).statusCode).toBe(404);
    const form = await client(t, w, 'eastPcc').post(
      `/recommendations/items/${national.id}/edit`,
      {
        kind: 'recommendation',
        number: String(national.number),
        text: 'Rewritten by east',
        ownerBody: 'ChiefConstables',
      },
      { formPage: `/recommendations/items/${national.id}` },
    );
    expect(form.statusCode).toBe(404);
    const csv =
      'kind,number,text,owner_body\nrecommendation,1,Rewritten by east,ChiefConstables\nrecommendation,12,New,ChiefConstables\n';
    const load = await apiCall(t, w, 'eastPcc', 'POST', `/api/v1/recommendations/reports/${w.report.id}/import`, {
      csv,
    });
    expect(load.statusCode).toBe(404);
    expect(await snapshot(t)).toBe(before);
    // East's page offers neither the CSV upload nor a change to the national item.
    const report = await client(t, w, 'eastPcc').get(`/recommendations/reports/${w.report.id}`);
    expect(report.body).not.toContain('/import"');
    expect(report.body).toContain('Add a local item');
    const item = await client(t, w, 'eastPcc').get(`/recommendations/items/${national.id}`);
    expect(item.body).not.toContain(`/recommendations/items/${national.id}/edit`);
  });

  it('lets the local item’s force change it, and refuses the report’s owner (404, nothing changed)', async () => {
    const localId = await localItem();
    const before = await snapshot(t);
    const byOwner = await apiCall(t, w, 'pcc', 'POST', `/api/v1/recommendations/items/${localId}`, {
      ...itemBody({ text: 'Changed by west' }),
      version: 1,
    });
    expect(byOwner.statusCode).toBe(404);
    expect(await snapshot(t)).toBe(before);
    const byEast = await apiCall(t, w, 'eastPcc', 'POST', `/api/v1/recommendations/items/${localId}`, {
      ...itemBody({ text: 'East will brief every vetting officer twice (local).' }),
      version: 1,
    });
    expect(byEast.statusCode).toBe(200);
    expect(byEast.json<{ changed: string[] }>().changed).toEqual(['text']);
  });

  it('still lets the owner change its national items and load items', async () => {
    const national = w.items.r3;
    const edit = await apiCall(t, w, 'pcc', 'POST', `/api/v1/recommendations/items/${national.id}`, {
      ...itemBody({ number: national.number, text: national.text, textVerified: true }),
      version: national.version,
    });
    expect(edit.statusCode).toBe(200);
    const csv = 'kind,number,text,owner_body\nrecommendation,20,A national item loaded by the owner,ChiefConstables\n';
    const load = await apiCall(t, w, 'pcc', 'POST', `/api/v1/recommendations/reports/${w.report.id}/import`, { csv });
    expect(load.statusCode).toBe(200);
    expect(load.json<{ added: number }>().added).toBe(1);
    const east = (
      await apiCall(t, w, 'eastPcc', 'GET', `/api/v1/recommendations/reports/${w.report.id}`)
    ).json<ReportJson>();
    expect(east.items.find((i) => i.item.label === 'R20')?.item.local).toBe(false);
  });
});
