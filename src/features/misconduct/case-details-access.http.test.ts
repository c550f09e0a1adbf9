import { describe, expect, it } from 'vitest';
import { type ApiError } from '../../../test/support/test-app.ts';
import { as } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  t,
  w,
  third,
  reporterId,
  useCaseDetailsWorld,
  state,
  call,
  version,
  refused,
} from '../../../test/fixtures/misconduct/case-details.http-fixtures.ts';

/** A case's parties, linked cases and owning team, and the caseload: every route refuses first. */
useCaseDetailsWorld();
describe('every route refuses the signed-out and those without need-to-know', () => {
  it('sends a visitor who is not signed in to sign in (pages) or answers 401 (API), writing nothing', async () => {
    const before = await state();
    const id = w.normal.id;
    for (const url of [`/cases/${id}/parties`, `/cases/${id}/links`, `/cases/${id}/team`, '/cases/caseload']) {
      const res = await as(t, w, null).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    for (const url of [
      `/cases/${id}/parties`,
      `/cases/${id}/parties/${reporterId}/remove`,
      `/cases/${id}/links`,
      `/cases/${id}/links/${third.id}/remove`,
      `/cases/${id}/team`,
    ]) {
      const res = await as(t, w, null).post(url, {
        role: 'witness',
        name: 'Someone',
        reference: third.reference,
        reason: 'Same incident',
        unitId: '',
        version: '1',
      });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toMatch(/^\/sign-in/);
    }
    const api: ['GET' | 'POST' | 'DELETE', string, unknown?][] = [
      ['GET', '/api/v1/cases/caseload'],
      ['GET', `/api/v1/cases/${id}/parties`],
      ['POST', `/api/v1/cases/${id}/parties`, { role: 'witness', name: 'Someone' }],
      ['DELETE', `/api/v1/cases/${id}/parties/${reporterId}`],
      ['GET', `/api/v1/cases/${id}/links`],
      ['POST', `/api/v1/cases/${id}/links`, { reference: third.reference, reason: 'Same incident' }],
      ['DELETE', `/api/v1/cases/${id}/links/${third.id}`],
      ['GET', `/api/v1/cases/${id}/team`],
      ['POST', `/api/v1/cases/${id}/team`, { nonsense: true }],
    ];
    for (const [method, url, body] of api)
      expect((await call(null, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    expect(await state()).toBe(before);
  });

  it('answers 404 on every case route to each viewer without need-to-know, exactly like a missing case, and changes nothing', async () => {
    const before = await state();
    for (const [who, caseOf] of refused) {
      const id = caseOf();
      const label = `${who} on ${id}`;
      const page = as(t, w, who);
      for (const url of [`/cases/${id}/parties`, `/cases/${id}/links`, `/cases/${id}/team`])
        expect((await page.get(url)).statusCode, `${label} ${url}`).toBe(404);
      expect(
        (await page.post(`/cases/${id}/parties`, { role: 'witness', name: 'Someone Else' })).statusCode,
        label,
      ).toBe(404);
      expect((await page.post(`/cases/${id}/parties/${reporterId}/remove`, {})).statusCode, label).toBe(404);
      expect(
        (await page.post(`/cases/${id}/links`, { reference: third.reference, reason: 'Same incident' })).statusCode,
        label,
      ).toBe(404);
      expect((await page.post(`/cases/${id}/links/${third.id}/remove`, {})).statusCode, label).toBe(404);
      expect(
        (await page.post(`/cases/${id}/team`, { unitId: w.psd.id, version: String(await version(id)) })).statusCode,
        label,
      ).toBe(404);
      expect((await call(who, 'GET', `/api/v1/cases/${id}/parties`)).statusCode, label).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/cases/${id}/parties`, { role: 'witness', name: 'Someone Else' })).statusCode,
        label,
      ).toBe(404);
      expect((await call(who, 'DELETE', `/api/v1/cases/${id}/parties/${reporterId}`)).statusCode, label).toBe(404);
      expect((await call(who, 'GET', `/api/v1/cases/${id}/links`)).statusCode, label).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/cases/${id}/links`, { reference: third.reference, reason: 'Same incident' }))
          .statusCode,
        label,
      ).toBe(404);
      expect((await call(who, 'DELETE', `/api/v1/cases/${id}/links/${third.id}`)).statusCode, label).toBe(404);
      expect((await call(who, 'GET', `/api/v1/cases/${id}/team`)).statusCode, label).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/cases/${id}/team`, { version: await version(id), unitId: w.psd.id }))
          .statusCode,
        label,
      ).toBe(404);
    }
    const missing = await call('aa', 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000/parties');
    const hidden = await call('aaUnnamed', 'GET', `/api/v1/cases/${w.restricted.id}/parties`);
    expect(hidden.json<ApiError>().error.message).toBe(missing.json<ApiError>().error.message);
    expect((await as(t, w, 'aa').get('/cases/not-a-case/parties')).statusCode).toBe(404);
    expect((await as(t, w, 'aa').post(`/cases/${w.normal.id}/parties/not-a-party/remove`, {})).statusCode).toBe(404);
    expect(await state()).toBe(before);
  });
});
