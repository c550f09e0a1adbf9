import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, api, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount } from '../../../test/support/factories.ts';
import {
  as,
  buildCaseWorld,
  caseInput,
  dateFields,
  snapshot,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';

/**
 * Who may be named on a case (issue 12 and house-in-order defect 2): the API stored made-up and other-force
 * user ids, ignored the names on an ordinary case, and an investigator who opened an ordinary case could
 * not then open it.
 */

let t: TestApp;
let w: CaseWorld;
let officerId = '';
let disabledId = '';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  officerId = (await createAccount(t.deps, { email: 'off@west.example', role: 'officer', forceId: 'west' })).user.id;
  const disabled = await createAccount(t.deps, {
    email: 'gone@west.example',
    role: 'psd_investigator',
    forceId: 'west',
  });
  disabledId = disabled.user.id;
  await t.database.query(`update users set status = 'disabled' where id = $1`, [disabledId]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const body = (namedUserIds: string[], confidentiality = 'normal') =>
  caseInput([w.people.erin.id], { namedUserIds, confidentiality: confidentiality as 'normal' });

describe('naming users on a new case', () => {
  it.each([
    ['a made-up id', () => randomUUID()],
    ["another force's user", () => w.accounts.east.user.id],
    ['an inactive user', () => disabledId],
    ['a user who may not read cases', () => officerId],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_, id) => {
    for (const confidentiality of ['normal', 'restricted']) {
      const before = await snapshot(t);
      const res = await api(t.app, 'POST', '/api/v1/cases', w.tokens.aa, body([id()], confidentiality));
      expect(res.statusCode).toBe(400);
      expect(res.json<ApiError>().error.fields).toEqual({
        namedUserIds: 'Name only active users of your force who may read cases',
      });
      expect(await snapshot(t)).toBe(before);
    }
  });

  it('honours the named users of an ordinary case, and the investigator who opens a case can read it', async () => {
    const opened = await api(t.app, 'POST', '/api/v1/cases', w.tokens.lead, body([w.accounts.named.user.id]));
    expect(opened.statusCode).toBe(201);
    const id = opened.json<{ id: string }>().id;
    expect((await api(t.app, 'GET', `/api/v1/cases/${id}`, w.tokens.lead)).statusCode).toBe(200);
    expect((await api(t.app, 'GET', `/api/v1/cases/${id}`, w.tokens.named)).statusCode).toBe(200);
    // An investigator neither named, leading nor in the owning team still does not see it.
    expect((await api(t.app, 'GET', `/api/v1/cases/${id}`, w.tokens.investigator)).statusCode).toBe(404);
  });

  it('offers on the form exactly the users the API accepts, and the form refuses the others as the API does', async () => {
    const form = await as(t, w, 'aa').get('/cases/new');
    expect(form.statusCode).toBe(200);
    const offered = [...form.body.matchAll(/name="namedUserIds"[^>]*value="([^"]+)"/g)].map((m) => m[1]);
    expect(offered).toContain(w.accounts.named.user.id);
    for (const refused of [officerId, disabledId, w.accounts.east.user.id]) expect(offered).not.toContain(refused);
    // Every user offered is accepted by the API.
    for (const id of offered) {
      const res = await api(t.app, 'POST', '/api/v1/cases', w.tokens.aa, body([id ?? ''], 'restricted'));
      expect(res.statusCode).toBe(201);
    }
    // A user the form does not offer, posted to the form anyway, is refused with the API's message.
    for (const id of [officerId, disabledId, w.accounts.east.user.id, randomUUID()]) {
      const before = await snapshot(t);
      const res = await as(t, w, 'aa').post(
        '/cases/new',
        {
          source: 'internal_report',
          caseType: 'conduct_matter',
          ...dateFields('cameToAttentionOn', '2025-06-02'),
          summary: 'Shared offensive images in a group chat',
          confidentiality: 'restricted',
          namedUserIds: [id],
          subjects: w.people.erin.id,
          categoryCode: 'behaviours.unprofessional',
          standards: ['discreditable_conduct'],
          description: 'Shared offensive images and comments in a group chat of the shift.',
        },
        '/cases/new',
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Name only active users of your force who may read cases');
      expect(await snapshot(t)).toBe(before);
    }
  });

  it('keeps case_access to real accounts in the database too (foreign key)', async () => {
    await expect(
      t.database.query(`insert into case_access (force_id, case_id, user_id) values ('west', $1, $2)`, [
        w.normal.id,
        randomUUID(),
      ]),
    ).rejects.toThrow(/foreign key/);
  });
});
