import { describe, expect, it } from 'vitest';
import {
  auditRows,
  callApi,
  NO_VETTING,
  vettingSnapshot,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import { t, w, useVettingWorld, page } from '../../../../test/fixtures/vetting/vetting-world.http-fixtures.ts';

/** The compliance list, designated posts, and the OpenAPI document of this feature's routes. */
useVettingWorld();

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
      'withdrawal-appeals',
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
      '/api/v1/vetting/decisions/{id}/withdrawal-appeals',
      '/api/v1/vetting/designated-posts',
      '/api/v1/vetting/designated-posts/{id}/deactivate',
      '/api/v1/vetting/lists',
      '/api/v1/vetting/lists/import',
      '/api/v1/vetting/people/{id}',
      '/api/v1/vetting/people/{id}/clearances',
      '/api/v1/vetting/summary',
      '/api/v1/vetting/withdrawal-appeals/{id}',
      '/api/v1/vetting/withdrawal-appeals/{id}/outcome',
    ]);
  });
});
