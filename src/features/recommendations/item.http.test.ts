import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  buildWorld,
  client,
  snapshot,
  TODAY,
  upload,
  type Who,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';

/** One item's page: each side's forms, the difference shown, sign-off and its reset, another force (actions, evidence, comments: item-work). */

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
const page = (id: string) => `/recommendations/items/${id}`;
const response = async (itemId: string) =>
  (
    await t.database.query<{
      version: number;
      self_status: string;
      verified_status: string | null;
      signed_off_status: string | null;
      owner_user_id: string | null;
    }>(
      `select version, self_status, verified_status, signed_off_status, owner_user_id from recommendation_responses where force_id = 'west' and item_id = $1`,
      [itemId],
    )
  )[0];
const post = (who: Who | null, itemId: string, path: string, fields: Record<string, string>) =>
  as(who).post(`${page(itemId)}${path}`, fields, { formPage: who ? page(itemId) : '/sign-in' });

describe('the item page', () => {
  it('shows each user the forms of their own side only', async () => {
    const forms = (body: string) =>
      ['self-assessment', 'owner', 'verification', 'sign-off', 'actions', 'evidence', 'comments'].filter((f) =>
        body.includes(`action="${page(w.items.r2.id)}/${f}"`),
      );
    expect(forms((await as('aa').get(page(w.items.r2.id))).body)).toEqual([
      'self-assessment',
      'owner',
      'actions',
      'evidence',
      'comments',
    ]);
    expect(forms((await as('pcc').get(page(w.items.r2.id))).body)).toEqual(['verification', 'comments']);
    expect(forms((await as('chief').get(page(w.items.r2.id))).body)).toEqual([
      'self-assessment',
      'owner',
      'sign-off',
      'actions',
      'evidence',
      'comments',
    ]);
  });

  it('gives every element on the page its own id, and every control a label (for each side)', async () => {
    for (const who of ['aa', 'pcc', 'chief'] as Who[]) {
      const body = (await as(who).get(page(w.items.r1.id))).body;
      const ids = [...body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        who,
      ).toEqual([]);
      for (const control of body.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"[^>]*>/g)) {
        if (/type="hidden"/.test(control[0])) continue;
        const id = control[1] ?? '';
        const labelled =
          body.includes(`for="${id}"`) || (/type="radio"/.test(control[0]) && body.includes('govuk-fieldset__legend'));
        expect(labelled, `${who}: #${id}`).toBe(true);
      }
    }
  });

  it('refuses users without the ability, unknown items and visitors', async () => {
    for (const who of ['investigator', 'vetting'] as Who[])
      expect((await as(who).get(page(w.items.r1.id))).statusCode).toBe(404);
    expect((await as('aa').get(page('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await as(null).get(page(w.items.r1.id))).statusCode).toBe(303);
  });
});

describe('the force and the commissioner each set their own status', () => {
  it('shows the difference prominently when the force says addressed and the commissioner disagrees', async () => {
    expect(
      (await post('aa', w.items.r1.id, '/self-assessment', { selfStatus: 'addressed', version: '0' })).statusCode,
    ).toBe(303);
    let body = (await as('pcc').get(page(w.items.r1.id))).body;
    expect(body).toContain('The force says addressed; the commissioner’s office has not assessed it yet.');
    expect(
      (await post('pcc', w.items.r1.id, '/verification', { verifiedStatus: 'being_progressed', version: '1' }))
        .statusCode,
    ).toBe(303);
    body = (await as('aa').get(page(w.items.r1.id))).body;
    expect(body).toMatch(
      /id="status-difference">[\s\S]*The force says addressed, but the commissioner’s office has verified only being progressed\./,
    );
    expect(await response(w.items.r1.id)).toMatchObject({
      self_status: 'addressed',
      verified_status: 'being_progressed',
      version: 2,
    });
    const unverified = await as('pcc').get('/recommendations/list?show=unverified');
    expect(unverified.body).toContain(page(w.items.r1.id));
  });

  it('refuses the wrong side (404) and changes nothing', async () => {
    const before = await snapshot(t);
    expect(
      (await post('pcc', w.items.r1.id, '/self-assessment', { selfStatus: 'not_started', version: '2' })).statusCode,
    ).toBe(404);
    expect(
      (await post('pcc', w.items.r1.id, '/owner', { ownerUserId: w.accounts.pcc.user.id, version: '2' })).statusCode,
    ).toBe(404);
    for (const who of ['aa', 'chief'] as Who[])
      expect(
        (await post(who, w.items.r1.id, '/verification', { verifiedStatus: 'addressed', version: '2' })).statusCode,
      ).toBe(404);
    for (const who of ['aa', 'pcc'] as Who[])
      expect((await post(who, w.items.r1.id, '/sign-off', { version: '2' })).statusCode).toBe(404);
    for (const who of ['investigator', 'vetting'] as Who[]) {
      for (const path of ['/self-assessment', '/verification', '/sign-off', '/owner', '/comments', '/actions']) {
        expect(
          (
            await post(who, w.items.r1.id, path, {
              selfStatus: 'addressed',
              verifiedStatus: 'addressed',
              commentBody: 'x',
              actionDescription: 'x',
              version: '2',
            })
          ).statusCode,
        ).toBe(404);
      }
      expect(
        (
          await upload(t, w, who, `${page(w.items.r1.id)}/evidence`, {
            evidenceTitle: 'x',
            evidenceUrl: 'https://example.org/x',
          })
        ).statusCode,
      ).toBe(404);
    }
    for (const path of ['/self-assessment', '/verification', '/sign-off', '/owner', '/comments', '/actions'])
      expect((await post(null, w.items.r1.id, path, { version: '2' })).statusCode).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });

  it('explains bad input and refuses a stale form (409), changing nothing', async () => {
    const before = await snapshot(t);
    const bad = await post('aa', w.items.r1.id, '/self-assessment', { selfStatus: 'done', version: '2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose the force’s status');
    expect(bad.body).toContain('href="#selfStatus"');
    const badVerified = await post('pcc', w.items.r1.id, '/verification', { verifiedStatus: '', version: '2' });
    expect(badVerified.statusCode).toBe(400);
    expect(badVerified.body).toContain('Choose the verified status');
    const stranger = await post('aa', w.items.r1.id, '/owner', {
      ownerUserId: w.accounts.eastAa.user.id,
      version: '2',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('Choose someone in your force');
    expect(
      (await post('aa', w.items.r1.id, '/self-assessment', { selfStatus: 'being_progressed', version: '1' }))
        .statusCode,
    ).toBe(409);
    expect(await snapshot(t)).toBe(before);
  });

  it('names the accountable owner', async () => {
    expect(
      (await post('aa', w.items.r1.id, '/owner', { ownerUserId: w.accounts.chief.user.id, version: '2' })).statusCode,
    ).toBe(303);
    expect((await response(w.items.r1.id))?.owner_user_id).toBe(w.accounts.chief.user.id);
    expect((await as('pcc').get(page(w.items.r1.id))).body).toMatch(/Accountable owner[\s\S]*?chief/);
  });
});

describe('chief officer sign-off', () => {
  it('signs off the force’s status, and the sign-off lapses when the force changes it', async () => {
    const signed = await post('chief', w.items.r1.id, '/sign-off', { version: '3' });
    expect(signed.statusCode).toBe(303);
    expect(await response(w.items.r1.id)).toMatchObject({ signed_off_status: 'addressed', version: 4 });
    expect((await as('pcc').get(page(w.items.r1.id))).body).toContain('Signed off by chief on 10 May 2026');
    const again = await post('chief', w.items.r1.id, '/sign-off', { version: '4' });
    expect(again.statusCode).toBe(422);
    expect(
      (await post('aa', w.items.r1.id, '/self-assessment', { selfStatus: 'being_progressed', version: '4' }))
        .statusCode,
    ).toBe(303);
    expect(await response(w.items.r1.id)).toMatchObject({ signed_off_status: null, self_status: 'being_progressed' });
    const [audit] = await t.database.query<{ reset: string }>(
      `select payload->>'signOffReset' as reset from audit_events where event_type = 'recommendation.self_assessed' order by seq desc limit 1`,
    );
    expect(audit?.reset).toBe('true');
    expect((await as('aa').get(page(w.items.r1.id))).body).toContain('Not signed off');
  });
});

describe('another force', () => {
  it('sees none of west’s response, and its own changes stay its own', async () => {
    const east = (await as('eastAa').get(page(w.items.r1.id))).body;
    expect(east).not.toContain('Force comment marker');
    expect(east).not.toContain('Signed off by');
    expect(east).toMatch(/id="self-status">[\s\S]*?Not started/);
    expect(
      (await post('eastAa', w.items.r1.id, '/self-assessment', { selfStatus: 'addressed', version: '0' })).statusCode,
    ).toBe(303);
    expect(await response(w.items.r1.id)).toMatchObject({ self_status: 'being_progressed' });
    expect(
      await t.database.query(
        `select force_id, self_status from recommendation_responses where item_id = $1 order by force_id`,
        [w.items.r1.id],
      ),
    ).toEqual([
      { force_id: 'east', self_status: 'addressed' },
      { force_id: 'west', self_status: 'being_progressed' },
    ]);
  });
});
