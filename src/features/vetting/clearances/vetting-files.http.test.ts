import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  auditRows,
  browser,
  buildVettingWorld,
  callApi,
  clockAt,
  dateFields,
  NO_VETTING,
  REFUSED,
  vettingSnapshot,
  type VettingWorld,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';

/** The vetting home page, a person's vetting file, recording a clearance, the compliance list and designated posts. */

let t: TestApp;
let w: VettingWorld;

beforeAll(async () => {
  t = await createTestApp({}, clockAt);
  w = await buildVettingWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const page = (who: Parameters<typeof browser>[2]) => browser(t, w, who);

describe('who may see vetting pages', () => {
  const paths = () => ['/vetting', `/vetting/people/${w.people.alice.id}`, '/vetting/compliance', '/vetting/posts'];

  it('sends a visitor who is not signed in to sign in', async () => {
    for (const path of paths()) {
      const res = await page(null).get(path);
      expect(res.statusCode, path).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('answers 404 to roles without vetting abilities and to another force, recording nothing', async () => {
    expect((await page('east').get('/vetting/compliance')).body).not.toContain('Alice');
    const before = await vettingSnapshot(t, true);
    for (const who of NO_VETTING)
      for (const path of paths()) expect((await page(who).get(path)).statusCode, `${who} ${path}`).toBe(404);
    expect((await page('east').get(`/vetting/people/${w.people.alice.id}`)).statusCode).toBe(404);
    for (const who of REFUSED)
      expect((await callApi(t, w, who, 'GET', `/api/v1/vetting/people/${w.people.alice.id}`)).statusCode).toBe(404);
    expect((await callApi(t, w, null, 'GET', '/api/v1/vetting/summary')).statusCode).toBe(401);
    expect(await vettingSnapshot(t, true)).toBe(before);
  });
});

describe('the vetting home page', () => {
  it('counts open applications, compliance gaps and links to reviews and deadlines', async () => {
    const res = await page('vetting').get('/vetting');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('3 of 4 people');
    expect(res.body).toContain('href="/vetting/reviews"');
    expect(res.body).toContain('href="/vetting/deadlines"');
    expect(res.body).toContain('0 open applications');
  });

  it('leaves the vetting officer’s own record out of every count (the summary API)', async () => {
    const own = await callApi(t, w, 'vetting', 'GET', '/api/v1/vetting/summary');
    const other = await callApi(t, w, 'vetting2', 'GET', '/api/v1/vetting/summary');
    expect(own.json()).toMatchObject({ workforce: 4, complianceGaps: 3 });
    expect(other.json()).toMatchObject({ workforce: 5, complianceGaps: 3 });
  });
});

describe('a person’s vetting file', () => {
  it('shows clearances with the renewal period’s confidence mark, and audits the read (ids only)', async () => {
    const res = await page('vetting').get(`/vetting/people/${w.people.alice.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Recruitment vetting (RV)');
    expect(res.body).toContain('10 January 2030');
    expect(res.body).toContain('Renewal after 10 years ([V] read in the source)');
    expect(res.body).toContain('Compliant');
    const [row] = await auditRows(t, 'vetting.file_viewed');
    expect(row).toMatchObject({
      actor_user_id: w.accounts.vetting.user.id,
      subject_id: w.people.alice.id,
      payload: { type: 'vetting.file_viewed', file: 'person', id: w.people.alice.id, personId: w.people.alice.id },
    });
  });

  it('counts a clearance past its expiry as expired before any sweep', async () => {
    const res = await page('vetting').get(`/vetting/people/${w.people.dave.id}`);
    expect(res.body).toContain('Expired');
    expect(res.body).toContain('Clearance expired');
    const json = (await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/people/${w.people.dave.id}`)).json<{
      clearances: { status: string; storedStatus: string }[];
    }>();
    expect(json.clearances[0]).toMatchObject({ status: 'expired', storedStatus: 'active' });
  });

  it('says when a post needs more than is held', async () => {
    const res = await page('vetting').get(`/vetting/people/${w.people.bob.id}`);
    expect(res.body).toContain('Not compliant');
    expect(res.body).toContain('MV – Designated post: Counter corruption investigator');
    expect(res.body).toContain('Below the level the post requires');
  });

  it('never shows a vetting officer their own file, though a colleague may see it', async () => {
    expect((await page('vetting').get(`/vetting/people/${w.people.vera.id}`)).statusCode).toBe(404);
    expect((await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/people/${w.people.vera.id}`)).statusCode).toBe(404);
    expect((await page('vetting2').get(`/vetting/people/${w.people.vera.id}`)).statusCode).toBe(200);
  });

  it('treats an unknown or malformed id as not found', async () => {
    expect((await page('vetting').get('/vetting/people/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await page('vetting').get('/vetting/people/not-an-id')).statusCode).toBe(404);
    expect((await page('vetting').get(`/vetting/people/${w.people.eve.id}`)).statusCode).toBe(404);
  });
});

describe('recording a clearance granted before Probity', () => {
  const form = (iso: string, level = 'RV') => ({ level, conditions: '', ...dateFields('grantedOn', iso) });

  it('records it with the expiry from the renewal table and starts its renewal clock', async () => {
    const path = `/vetting/people/${w.people.carol.id}`;
    const res = await page('vetting').post(`${path}/clearances`, form('2024-01-15'), path);
    expect(res.statusCode).toBe(303);
    const [row] = await t.database.query<{ id: string; expires_on: string; status: string }>(
      `select id, expires_on::text, status from vetting_clearances where person_id = $1`,
      [w.people.carol.id],
    );
    expect(row).toMatchObject({ expires_on: '2034-01-15', status: 'active' });
    const clocks = await t.database.query(
      `select period, due_on::text, state from clocks where owner_kind = 'vetting' and subject_key = $1`,
      [`clearance:${row?.id}`],
    );
    expect(clocks).toEqual([{ period: 'vetting_renewal_rv', due_on: '2034-01-15', state: 'running' }]);
    const view = await page('vetting').get(`${path}?recorded=1`);
    expect(view.body).toContain('The clearance was recorded.');
    expect(view.body).toContain('Recorded: granted before Probity');
    expect((await auditRows(t, 'vetting.clearance_recorded'))[0]?.payload).toMatchObject({
      source: 'existing',
      level: 'RV',
      expiresOn: '2034-01-15',
    });
  });

  it('marks an unverified renewal period as such', async () => {
    const res = await callApi(t, w, 'vetting2', 'POST', `/api/v1/vetting/people/${w.people.vera.id}/clearances`, {
      level: 'MV',
      grantedOn: '2025-02-01',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ expiresOn: '2032-02-01' });
    expect((await page('vetting2').get(`/vetting/people/${w.people.vera.id}`)).body).toContain(
      'Renewal after 7 years ([R] unverified default, configurable)',
    );
  });

  it('explains bad input and records nothing', async () => {
    const path = `/vetting/people/${w.people.alice.id}`;
    const before = await vettingSnapshot(t);
    const res = await page('vetting').post(
      `${path}/clearances`,
      { level: '', ...dateFields('grantedOn', '2024-02-31') },
      path,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date granted must be a real date');
    const noLevel = await page('vetting').post(`${path}/clearances`, form('2024-02-01', ''), path);
    expect(noLevel.statusCode).toBe(400);
    expect(noLevel.body).toContain('Choose the level of the clearance');
    const future = await callApi(t, w, 'vetting', 'POST', `${'/api/v1'}${path}/clearances`, {
      level: 'RV',
      grantedOn: '2027-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      error: { fields: { grantedOn: 'The date it was granted must be today or in the past' } },
    });
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('refuses roles without the ability, another force and the officer’s own file, changing nothing', async () => {
    const before = await vettingSnapshot(t, true);
    for (const who of REFUSED) {
      expect(
        (await page(who).post(`/vetting/people/${w.people.alice.id}/clearances`, form('2024-01-01'))).statusCode,
      ).toBe(404);
      expect(
        (
          await callApi(t, w, who, 'POST', `/api/v1/vetting/people/${w.people.alice.id}/clearances`, {
            level: 'RV',
            grantedOn: '2024-01-01',
          })
        ).statusCode,
      ).toBe(404);
    }
    expect(
      (await page('vetting').post(`/vetting/people/${w.people.vera.id}/clearances`, form('2024-01-01'))).statusCode,
    ).toBe(404);
    expect(
      (await page(null).post(`/vetting/people/${w.people.alice.id}/clearances`, form('2024-01-01'))).statusCode,
    ).toBe(303);
    expect(
      (
        await callApi(t, w, null, 'POST', `/api/v1/vetting/people/${w.people.alice.id}/clearances`, {
          level: 'RV',
          grantedOn: '2024-01-01',
        })
      ).statusCode,
    ).toBe(401);
    expect(await vettingSnapshot(t, true)).toBe(before);
  });
});

describe('the compliance list', () => {
  it('lists everyone whose clearance is missing, expired or below their post, with the reason', async () => {
    await t.database.query(`delete from vetting_clearances where person_id = $1`, [w.people.carol.id]);
    const res = await page('vetting').get('/vetting/compliance');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      '1 have no clearance, 1 have one that has expired and 1 hold a lower level than their post requires',
    );
    for (const name of ['Bob Bramley', 'Carol Calder', 'Dave Dunmore']) expect(res.body).toContain(name);
    for (const name of ['Alice Ashworth', 'Fred Former', 'Vera Vettel']) expect(res.body).not.toContain(name);
    expect(res.body).toContain(
      'MV: Below the level the post requires (Designated post: Counter corruption investigator)',
    );
    expect((await auditRows(t, 'vetting.list_viewed'))[0]?.payload).toMatchObject({
      list: 'compliance',
      resultCount: 3,
    });
  });

  it('filters by reason, through the page and the API', async () => {
    const res = await page('vetting').get('/vetting/compliance?reason=expired');
    expect(res.body).toContain('Dave Dunmore');
    expect(res.body).not.toContain('Carol Calder');
    const json = (await callApi(t, w, 'vetting', 'GET', '/api/v1/vetting/compliance?reason=missing')).json<{
      total: number;
      items: { personId: string; unmet: { reason: string }[] }[];
    }>();
    expect(json.total).toBe(1);
    expect(json.items[0]).toMatchObject({ personId: w.people.carol.id, unmet: [{ reason: 'missing' }] });
  });

  it('explains a bad filter', async () => {
    const res = await page('vetting').get('/vetting/compliance?reason=whatever&page=0');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose a reason from the list');
    expect(res.body).toContain('Page must be 1 or more');
    expect((await callApi(t, w, 'vetting', 'GET', '/api/v1/vetting/compliance?page=x')).json()).toMatchObject({
      error: { fields: { page: 'Page must be a number' } },
    });
  });
});

describe('designated posts', () => {
  it('adds a post that raises the requirement of the people in it, and deactivates it again', async () => {
    const add = await page('vetting').post(
      '/vetting/posts',
      {
        title: 'Response firearms cover',
        postingRole: 'Response officer',
        unitId: w.units.response.id,
        requiredLevel: 'NPPV2F',
      },
      '/vetting/posts',
    );
    expect(add.statusCode).toBe(303);
    const list = await page('vetting').get('/vetting/posts?done=added');
    expect(list.body).toContain('Response firearms cover');
    expect(list.body).toContain('The designated post was added.');
    const alice = (await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/people/${w.people.alice.id}`)).json<{
      compliance: { compliant: boolean; reasons: string[] };
    }>();
    expect(alice.compliance).toMatchObject({ compliant: false, reasons: ['missing'] });
    const [post] = await t.database.query<{ id: string }>(
      `select id from designated_posts where title = 'Response firearms cover'`,
    );
    expect((await page('vetting').post(`/vetting/posts/${post?.id}/deactivate`, {}, '/vetting/posts')).statusCode).toBe(
      303,
    );
    expect((await page('vetting').get('/vetting/posts')).body).toContain('Deactivated');
    const after = (await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/people/${w.people.alice.id}`)).json<{
      compliance: { compliant: boolean };
    }>();
    expect(after.compliance.compliant).toBe(true);
    expect((await auditRows(t, 'vetting.post_deactivated'))[0]?.payload).toEqual({
      type: 'vetting.post_deactivated',
      postId: post?.id,
    });
  });

  it('explains bad input and adds nothing', async () => {
    const before = await vettingSnapshot(t);
    const res = await page('vetting').post(
      '/vetting/posts',
      { title: '', postingRole: '', unitId: 'nonsense', requiredLevel: 'XX' },
      '/vetting/posts',
    );
    expect(res.statusCode).toBe(400);
    for (const message of [
      'Enter the title of the post',
      'Choose the posting role',
      'Choose a unit from the list',
      'Choose the level the post requires',
    ])
      expect(res.body).toContain(message);
    const api = await callApi(t, w, 'vetting', 'POST', '/api/v1/vetting/designated-posts', {
      title: 'Analyst',
      postingRole: 'Analyst',
      unitId: '00000000-0000-4000-8000-000000000000',
      requiredLevel: 'MV',
    });
    expect(api.json()).toMatchObject({ error: { fields: { unitId: 'Choose a unit from the list' } } });
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('refuses roles without the ability, and another force’s post, changing nothing', async () => {
    const [post] = await t.database.query<{ id: string }>(`select id from designated_posts where active limit 1`);
    const before = await vettingSnapshot(t, true);
    const body = { title: 'Analyst', postingRole: 'Analyst', requiredLevel: 'MV' };
    expect((await page('east').post(`/vetting/posts/${post?.id}/deactivate`, {})).statusCode).toBe(404);
    expect((await page('east').get('/vetting/posts')).body).toContain('No designated posts yet.');
    for (const who of NO_VETTING) {
      expect((await page(who).post('/vetting/posts', body)).statusCode).toBe(404);
      expect((await page(who).post(`/vetting/posts/${post?.id}/deactivate`, {})).statusCode).toBe(404);
      expect((await callApi(t, w, who, 'POST', '/api/v1/vetting/designated-posts', body)).statusCode).toBe(404);
      expect((await callApi(t, w, who, 'GET', '/api/v1/vetting/designated-posts')).statusCode).toBe(404);
    }
    expect((await page(null).post('/vetting/posts', body)).statusCode).toBe(303);
    expect(
      (await callApi(t, w, null, 'POST', `/api/v1/vetting/designated-posts/${post?.id}/deactivate`)).statusCode,
    ).toBe(401);
    expect(await vettingSnapshot(t, true)).toBe(before);
  });

  it('lists and adds posts through the API', async () => {
    const created = await callApi(t, w, 'vetting2', 'POST', '/api/v1/vetting/designated-posts', {
      title: 'Senior analyst',
      postingRole: 'Senior analyst',
      requiredLevel: 'NPPV3',
    });
    expect(created.statusCode).toBe(201);
    const list = (await callApi(t, w, 'vetting2', 'GET', '/api/v1/vetting/designated-posts')).json<{
      items: { id: string; requiredLevel: string; active: boolean }[];
    }>();
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: created.json<{ id: string }>().id, requiredLevel: 'NPPV3', active: true }),
    );
  });
});

describe('the OpenAPI document', () => {
  it('documents every vetting route of this feature', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const mine = [
      'summary',
      'people',
      'compliance',
      'designated-posts',
      'applications',
      'decisions',
      'appeals',
      'lists',
    ];
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths).filter((p) =>
      mine.some((m) => p.startsWith(`/api/v1/vetting/${m}`)),
    );
    expect(paths.sort()).toEqual([
      '/api/v1/vetting/appeals/{id}',
      '/api/v1/vetting/appeals/{id}/outcome',
      '/api/v1/vetting/applications',
      '/api/v1/vetting/applications/{id}',
      '/api/v1/vetting/applications/{id}/adverse-information',
      '/api/v1/vetting/applications/{id}/checks/{checkId}',
      '/api/v1/vetting/applications/{id}/decision',
      '/api/v1/vetting/applications/{id}/list-check',
      '/api/v1/vetting/applications/{id}/matches/{matchId}',
      '/api/v1/vetting/applications/{id}/person',
      '/api/v1/vetting/compliance',
      '/api/v1/vetting/decisions/{id}',
      '/api/v1/vetting/decisions/{id}/appeals',
      '/api/v1/vetting/designated-posts',
      '/api/v1/vetting/designated-posts/{id}/deactivate',
      '/api/v1/vetting/lists',
      '/api/v1/vetting/lists/import',
      '/api/v1/vetting/people/{id}',
      '/api/v1/vetting/people/{id}/clearances',
      '/api/v1/vetting/summary',
    ]);
  });
});
