import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  buildWorld,
  client,
  dateFields,
  snapshot,
  TODAY,
  type Who,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';

/** Correcting an item's text (the commissioner's office). */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
  w = await buildWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) => client(t, w, who);

describe('correcting an item (the commissioner’s office)', () => {
  const url = () => `/recommendations/items/${w.items.r3.id}/edit`;
  const form = (extra: Record<string, string> = {}) => ({
    kind: 'recommendation',
    number: '3',
    text: 'Forces should review transferees (checked text).',
    ownerBody: 'ChiefConstables',
    themes: 'transferees',
    textVerified: 'yes',
    version: '1',
    ...extra,
  });

  it('saves the corrected text and marks it checked, audited by field name', async () => {
    const page = await as('pcc').get(url());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Forces should review transferees (R3 text).');
    expect((await as('pcc').post(url(), form(), { formPage: url() })).statusCode).toBe(303);
    expect(
      await t.database.query(`select text, text_verified, themes, version from report_items where id = $1`, [
        w.items.r3.id,
      ]),
    ).toEqual([
      {
        text: 'Forces should review transferees (checked text).',
        text_verified: true,
        themes: ['transferees'],
        version: 2,
      },
    ]);
    const [audit] = await t.database.query<{ changed: string[] }>(
      `select payload->'changed' as changed from audit_events where event_type = 'recommendation.item_edited'`,
    );
    expect(audit?.changed).toEqual(['text', 'themes', 'textVerified']);
  });

  it('refuses bad input, a stale form, the force and visitors, changing nothing', async () => {
    const before = await snapshot(t);
    const bad = await as('pcc').post(url(), form({ text: '', ...dateFields('deadline', '2026-04-31'), version: '2' }), {
      formPage: url(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the text of the item');
    expect(bad.body).toContain('The deadline must be a real date');
    expect((await as('pcc').post(url(), form({ version: '1' }), { formPage: url() })).statusCode).toBe(409);
    for (const who of ['aa', 'chief', 'investigator'] as Who[]) {
      expect((await as(who).get(url())).statusCode).toBe(404);
      expect((await as(who).post(url(), form({ version: '2' }), { formPage: '/' })).statusCode).toBe(404);
    }
    expect((await as(null).post(url(), form({ version: '2' }))).statusCode).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });
});
