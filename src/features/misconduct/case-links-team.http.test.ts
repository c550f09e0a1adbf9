import { describe, expect, it } from 'vitest';
import { type ApiError } from '../../../test/support/test-app.ts';
import { as } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  t,
  w,
  third,
  eastCase,
  useCaseDetailsWorld,
  state,
  call,
  version,
  lastAudit,
} from '../../../test/fixtures/misconduct/case-details.http-fixtures.ts';

/** A case's linked cases and owning team: pages and API. */
useCaseDetailsWorld();
describe('linked cases', () => {
  it('refuses a reference that is missing, of a case the user cannot see, of another force or of the case itself, in the same words', async () => {
    const before = await state(false);
    const url = `/cases/${w.normal.id}/links`;
    const blank = await as(t, w, 'aaUnnamed').post(url, { reference: '', reason: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter the reference of the case to link');
    expect(blank.body).toContain('Say why the cases are linked');
    const noSuchCase = 'There is no case with that reference';
    for (const [reference, message] of [
      ['WEST-1999-0001', noSuchCase],
      [w.restricted.reference, noSuchCase],
      [eastCase.reference, noSuchCase],
      [w.normal.reference, 'A case cannot be linked to itself'],
    ] as const) {
      const page = await as(t, w, 'aaUnnamed').post(url, { reference, reason: 'Same incident' });
      expect(page.statusCode, reference).toBe(400);
      expect(page.body).toContain(message);
      const api = await call('aaUnnamed', 'POST', `/api/v1${url}`, { reference, reason: 'Same incident' });
      expect(api.json<ApiError>().error.fields).toEqual({ reference: message });
    }
    expect(await state(false)).toBe(before);
  });

  it('links two cases both ways, shows each viewer only the linked cases they may see, and unlinks', async () => {
    const res = await as(t, w, 'aa').post(`/cases/${w.normal.id}/links`, {
      reference: w.restricted.reference.toLowerCase(),
      reason: 'Same chat group',
    });
    expect(res.statusCode).toBe(303);
    const rows = await t.database.query<{ case_id: string; linked_case_id: string }>(
      `select case_id, linked_case_id from case_links order by linked_at, case_id`,
    );
    expect(rows.map((r) => [r.case_id, r.linked_case_id]).sort()).toEqual(
      [
        [w.normal.id, w.restricted.id],
        [w.restricted.id, w.normal.id],
      ].sort(),
    );
    expect(await lastAudit('case.linked')).toEqual({
      type: 'case.linked',
      caseId: w.normal.id,
      linkedCaseId: w.restricted.id,
    });
    expect((await as(t, w, 'aa').get(`/cases/${w.normal.id}/links`)).body).toContain(
      `href="/cases/${w.restricted.id}">${w.restricted.reference}</a>`,
    );
    expect((await as(t, w, 'named').get(`/cases/${w.restricted.id}/links`)).body).not.toContain(w.normal.reference);
    const unnamed = await as(t, w, 'aaUnnamed').get(`/cases/${w.normal.id}/links`);
    expect(unnamed.body).not.toContain(w.restricted.reference);
    expect(unnamed.body).toContain('No cases you can see are linked to this one.');
    expect((await call('aaUnnamed', 'GET', `/api/v1/cases/${w.normal.id}/links`)).json()).toEqual({ items: [] });
    const twice = await call('aa', 'POST', `/api/v1/cases/${w.restricted.id}/links`, {
      reference: w.normal.reference,
      reason: 'Again',
    });
    expect(twice.json<ApiError>().error.fields?.['reference']).toBe(
      `This case is already linked to ${w.normal.reference}`,
    );
    const before = await state();
    expect(
      (await as(t, w, 'aaUnnamed').post(`/cases/${w.normal.id}/links/${w.restricted.id}/remove`, {})).statusCode,
    ).toBe(404);
    expect(await state()).toBe(before);
    expect((await as(t, w, 'aa').post(`/cases/${w.normal.id}/links/${w.restricted.id}/remove`, {})).statusCode).toBe(
      303,
    );
    expect(await t.database.query(`select 1 from case_links`)).toEqual([]);
    expect(await lastAudit('case.unlinked')).toEqual({
      type: 'case.unlinked',
      caseId: w.normal.id,
      linkedCaseId: w.restricted.id,
    });
    expect((await call('aa', 'DELETE', `/api/v1/cases/${w.normal.id}/links/${w.restricted.id}`)).statusCode).toBe(404);
    const api = await call('aa', 'POST', `/api/v1/cases/${third.id}/links`, {
      reference: w.normal.reference,
      reason: 'Same subject team',
    });
    expect(api.statusCode).toBe(201);
    expect(
      (await call('aa', 'GET', `/api/v1/cases/${w.normal.id}/links`)).json<{
        items: { reference: string; reason: string }[];
      }>().items,
    ).toMatchObject([{ reference: third.reference, reason: 'Same subject team' }]);
  });
});

describe('owning team', () => {
  it('refuses a role that cannot allocate (404), a unit of another force or nonsense (400), writing nothing', async () => {
    const url = `/cases/${w.normal.id}/team`;
    const v = await version(w.normal.id);
    const [eastUnit] = await t.database.query<{ id: string }>(`select id from units where force_id = 'east' limit 1`);
    const before = await state(false);
    expect((await as(t, w, 'lead').post(url, { unitId: w.psd.id, version: String(v) })).statusCode).toBe(404);
    const other = await as(t, w, 'aa').post(url, { unitId: eastUnit?.id ?? '', version: String(v) });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Choose a team of this force');
    expect(
      (await call('aa', 'POST', `/api/v1${url}`, { unitId: 'nonsense', version: v })).json<ApiError>().error.fields,
    ).toEqual({ unitId: 'Choose a team of this force' });
    expect(await state(false)).toBe(before);
  });

  it('sets the owning team (then 409 on a stale version), which lets the investigators posted there see the case, and clears it', async () => {
    const url = `/cases/${w.normal.id}/team`;
    expect((await as(t, w, 'outsider').get(`/cases/${w.normal.id}`)).statusCode).toBe(404);
    expect((await as(t, w, 'aa').get(`/cases/${w.normal.id}`)).body).toMatch(
      /href="\/cases\/[^"]+\/team">Owning team<\/a>: not set/,
    );
    const form = await as(t, w, 'aa').get(url);
    expect(form.body).toContain('Not set');
    expect(form.body).toContain('Set the owning team');
    const v = await version(w.normal.id);
    expect((await as(t, w, 'aa').post(url, { unitId: w.psd.id, version: String(v) })).statusCode).toBe(303);
    expect(await version(w.normal.id)).toBe(v + 1);
    expect(await lastAudit('case.team_set')).toEqual({ type: 'case.team_set', caseId: w.normal.id, unitId: w.psd.id });
    const before = await state(false);
    const stale = await as(t, w, 'aa').post(url, { unitId: '', version: String(v) });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this record since you opened it');
    expect((await call('aa', 'POST', `/api/v1${url}`, { unitId: null, version: v })).statusCode).toBe(409);
    expect(await state(false)).toBe(before);
    expect((await as(t, w, 'outsider').get(`/cases/${w.normal.id}`)).statusCode).toBe(200);
    const seen = await as(t, w, 'outsider').get(url);
    expect(seen.body).toContain('Professional Standards');
    expect(seen.body).not.toContain('name="unitId"');
    expect((await call('outsider', 'GET', `/api/v1${url}`)).json()).toEqual({
      unitId: w.psd.id,
      name: 'Professional Standards',
      version: v + 1,
    });
    expect((await as(t, w, 'investigator').get(`/cases/${w.normal.id}`)).statusCode).toBe(404);
    expect((await call('aa', 'POST', `/api/v1${url}`, { unitId: null, version: v + 1 })).json()).toEqual({
      version: v + 2,
      unitId: null,
    });
    expect((await as(t, w, 'outsider').get(`/cases/${w.normal.id}`)).statusCode).toBe(404);
  });
});
