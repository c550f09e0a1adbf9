import { describe, expect, it } from 'vitest';
import {
  auditRows,
  callApi,
  dateFields,
  NO_VETTING,
  recruit,
  REFUSED,
  vettingSnapshot,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import {
  t,
  w,
  useApplicationsWorld,
  page,
  detail,
  newForm,
  idIn,
  application,
  rememberApplication,
} from '../../../../test/fixtures/vetting/applications.http-fixtures.ts';

/** Applications: starting one (page and API), the application page and list, the person link. */
useApplicationsWorld();

describe('starting an application', () => {
  it('opens a recruitment application with nine pending checks and checks it against the lists', async () => {
    expect((await page('vetting').get('/vetting/applications/new')).statusCode).toBe(200);
    const res = await page('vetting').post('/vetting/applications', newForm, '/vetting/applications/new');
    expect(res.statusCode).toBe(303);
    const appId = idIn(res.headers.location);
    rememberApplication(appId);
    const view = await page('vetting').get(`/vetting/applications/${appId}?done=created`);
    expect(view.body).toContain('The application was started.');
    expect(view.body).toContain('VET-WEST-2026-0001');
    expect(view.body).toContain('Robin Oldham');
    expect(view.body).toContain('No likely matches were found.');
    const d = await detail();
    expect(d.checks.map((c) => c.checkType)).toEqual([
      'pnc',
      'pnd',
      'local_intelligence',
      'ct_special_branch',
      'financial',
      'employment_references',
      'family_associates',
      'open_source',
      'biometric',
    ]);
    expect(new Set(d.checks.map((c) => c.status))).toEqual(new Set(['pending']));
    expect((await auditRows(t, 'vetting.application_created'))[0]?.payload).toMatchObject({
      reference: 'VET-WEST-2026-0001',
      kind: 'recruitment',
      level: 'RV',
    });
    expect((await auditRows(t, 'vetting.lists_checked'))[0]?.payload).toMatchObject({
      applicationId: appId,
      entriesChecked: 0,
      matchesFound: 0,
    });
  });

  it('fills in a renewal from the person record, but never for the officer’s own record', async () => {
    const res = await page('vetting').get(`/vetting/applications/new?personId=${w.people.alice.id}`);
    expect(res.body).toContain('value="Alice"');
    expect(res.body).toContain('value="Ashworth"');
    expect((await page('vetting').get(`/vetting/applications/new?personId=${w.people.vera.id}`)).statusCode).toBe(404);
  });

  it('explains bad input and writes nothing', async () => {
    const before = await vettingSnapshot(t);
    const res = await page('vetting').post(
      '/vetting/applications',
      { ...newForm, kind: '', givenName: '', ...dateFields('dateOfBirth', '1998-02-30') },
      '/vetting/applications/new',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date of birth must be a real date');
    const missing = await page('vetting').post(
      '/vetting/applications',
      { ...newForm, kind: '', givenName: '' },
      '/vetting/applications/new',
    );
    expect(missing.body).toContain('Choose the kind of application');
    expect(missing.body).toContain('Enter the given name');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'renewal' }, 'personId', 'A renewal or upgrade is for someone with a person record: choose the person'],
      [{ kind: 'transfer_in' }, 'previousForce', 'Enter the force the applicant is transferring from'],
      [{ dateOfBirth: '2027-01-01' }, 'dateOfBirth', 'The date of birth must be in the past'],
      [{ kind: 'upgrade', personId: w.people.vera.id }, 'personId', 'No person record you can vet has that id'],
      [{ level: 'XX' }, 'level', 'Choose the level applied for'],
    ];
    for (const [change, field, message] of cases) {
      const api = await callApi(t, w, 'vetting', 'POST', '/api/v1/vetting/applications', recruit(change));
      expect(api.statusCode, field).toBe(400);
      expect(api.json<{ error: { fields: Record<string, string> } }>().error.fields[field]).toBe(message);
    }
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('refuses roles without the ability and visitors, changing nothing', async () => {
    const before = await vettingSnapshot(t, true);
    for (const who of NO_VETTING) {
      expect((await page(who).get('/vetting/applications/new')).statusCode).toBe(404);
      expect((await page(who).post('/vetting/applications', newForm)).statusCode).toBe(404);
      expect((await callApi(t, w, who, 'POST', '/api/v1/vetting/applications', recruit())).statusCode).toBe(404);
    }
    expect((await page(null).post('/vetting/applications', newForm)).statusCode).toBe(303);
    expect((await callApi(t, w, null, 'POST', '/api/v1/vetting/applications', recruit())).statusCode).toBe(401);
    expect(await vettingSnapshot(t, true)).toBe(before);
  });
});

describe('the application page and list', () => {
  it('audits every read of an application', async () => {
    const appId = await application();
    await page('vetting2').get(`/vetting/applications/${appId}`);
    expect((await auditRows(t, 'vetting.file_viewed'))[0]).toMatchObject({
      actor_user_id: w.accounts.vetting2.user.id,
      payload: { file: 'application', id: appId, personId: null },
    });
  });

  it('hides applications from other roles and forces, and an officer’s own application from them', async () => {
    const appId = await application();
    const own = await callApi(
      t,
      w,
      'vetting2',
      'POST',
      '/api/v1/vetting/applications',
      recruit({ kind: 'upgrade', level: 'MV', personId: w.people.vera.id, givenName: 'Vera', familyName: 'Vettel' }),
    );
    expect(own.statusCode).toBe(201);
    const ownId = own.json<{ id: string }>().id;
    expect((await page('vetting').get(`/vetting/applications/${ownId}`)).statusCode).toBe(404);
    expect((await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/applications/${ownId}`)).statusCode).toBe(404);
    expect((await page('vetting').get('/vetting/applications')).body).not.toContain('Vettel');
    expect((await page('vetting2').get('/vetting/applications')).body).toContain('Vettel');
    for (const who of REFUSED) {
      expect((await page(who).get(`/vetting/applications/${appId}`)).statusCode).toBe(404);
      expect((await callApi(t, w, who, 'GET', `/api/v1/vetting/applications/${appId}`)).statusCode).toBe(404);
    }
    for (const who of NO_VETTING) expect((await page(who).get('/vetting/applications')).statusCode).toBe(404);
    expect((await page(null).get(`/vetting/applications/${appId}`)).statusCode).toBe(303);
  });

  it('lists and filters, and explains a bad filter', async () => {
    await application();
    const list = await page('vetting').get('/vetting/applications?status=open&q=newcombe');
    expect(list.body).toContain('VET-WEST-2026-0001');
    expect(list.body).toContain('9 checks pending');
    expect((await page('vetting').get('/vetting/applications?status=refused')).body).toContain('0 applications');
    const bad = await page('vetting').get('/vetting/applications?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a status from the list');
    expect((await auditRows(t, 'vetting.list_viewed'))[0]?.payload).toMatchObject({
      list: 'applications',
      filters: { status: 'refused' },
      resultCount: 0,
    });
  });
});

describe('linking the applicant’s person record', () => {
  it('links an open application once, and refuses a record the officer may not vet', async () => {
    const appId = await application();
    const v = (await detail()).version;
    const bad = await page('vetting').post(
      `/vetting/applications/${appId}/person`,
      { version: String(v), personId: w.people.vera.id },
      `/vetting/applications/${appId}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('No person record you can vet has that id');
    for (const who of REFUSED)
      expect(
        (
          await callApi(t, w, who, 'POST', `/api/v1/vetting/applications/${appId}/person`, {
            version: v,
            personId: w.people.carol.id,
          })
        ).statusCode,
      ).toBe(404);
    const ok = await page('vetting').post(
      `/vetting/applications/${appId}/person`,
      { version: String(v), personId: w.people.carol.id },
      `/vetting/applications/${appId}`,
    );
    expect(ok.statusCode).toBe(303);
    expect((await detail()).personId).toBe(w.people.carol.id);
    const again = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${appId}/person`, {
      version: v + 1,
      personId: w.people.alice.id,
    });
    expect(again.statusCode).toBe(422);
    expect((await page('vetting').get(`/vetting/people/${w.people.carol.id}`)).body).toContain('VET-WEST-2026-0001');
  });
});
