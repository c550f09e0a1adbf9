import { describe, expect, it } from 'vitest';
import {
  auditRows,
  callApi,
  dateFields,
  NO_VETTING,
  REFUSED,
  vettingSnapshot,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import { t, w, useVettingWorld, page } from '../../../../test/fixtures/vetting/vetting-world.http-fixtures.ts';

/** Who may see vetting pages, the vetting home page, a person's vetting file and recording a clearance. */
useVettingWorld();

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
