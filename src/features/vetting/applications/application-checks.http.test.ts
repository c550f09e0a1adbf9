import { describe, expect, it } from 'vitest';
import {
  auditRows,
  callApi,
  dateFields,
  REFUSED,
  vettingSnapshot,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import {
  t,
  w,
  useApplicationsWorld,
  page,
  detail,
  application,
} from '../../../../test/fixtures/vetting/applications.http-fixtures.ts';

/** An application's checks and adverse information, through the page and the API. */
useApplicationsWorld();

describe('checks', () => {
  it('records a result through the page and the API', async () => {
    const appId = await application();
    const [pnc, pnd] = (await detail()).checks;
    const res = await page('vetting').post(
      `/vetting/applications/${appId}/checks/${pnc?.id}`,
      { version: String(pnc?.version), status: 'clear', notes: 'No trace' },
      `/vetting/applications/${appId}`,
    );
    expect(res.statusCode).toBe(303);
    const api = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${appId}/checks/${pnd?.id}`, {
      version: pnd?.version,
      status: 'not_required',
      notes: 'Covered by the PNC result',
      completedOn: '2026-03-10',
    });
    expect(api.statusCode).toBe(200);
    const after = await detail();
    expect(after.checks.slice(0, 2)).toMatchObject([
      { status: 'clear', notes: 'No trace' },
      { status: 'not_required', notes: 'Covered by the PNC result' },
    ]);
    expect((await auditRows(t, 'vetting.check_recorded'))[0]?.payload).toEqual({
      type: 'vetting.check_recorded',
      applicationId: appId,
      checkId: pnd?.id,
      checkType: 'pnd',
      status: 'not_required',
    });
  });

  it('asks for notes on an adverse result, refuses a stale version, and changes nothing', async () => {
    const appId = await application();
    const check = (await detail()).checks[2];
    const before = await vettingSnapshot(t);
    const res = await page('vetting').post(
      `/vetting/applications/${appId}/checks/${check?.id}`,
      { version: String(check?.version), status: 'adverse', notes: '' },
      `/vetting/applications/${appId}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Say what was found, or why the check is not required');
    const noResult = await callApi(
      t,
      w,
      'vetting',
      'POST',
      `/api/v1/vetting/applications/${appId}/checks/${check?.id}`,
      { version: check?.version, status: 'maybe', notes: 'x' },
    );
    expect(noResult.json()).toMatchObject({ error: { fields: { status: 'Choose the result of the check' } } });
    const stale = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${appId}/checks/${check?.id}`, {
      version: 99,
      status: 'clear',
      notes: '',
    });
    expect(stale.statusCode).toBe(409);
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('refuses roles without the ability and other forces, changing nothing', async () => {
    const appId = await application();
    const check = (await detail()).checks[3];
    const before = await vettingSnapshot(t, true);
    for (const who of REFUSED) {
      expect(
        (
          await page(who).post(`/vetting/applications/${appId}/checks/${check?.id}`, {
            version: '1',
            status: 'clear',
            notes: '',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await callApi(t, w, who, 'POST', `/api/v1/vetting/applications/${appId}/checks/${check?.id}`, {
            version: 1,
            status: 'clear',
          })
        ).statusCode,
      ).toBe(404);
    }
    expect(
      (await page(null).post(`/vetting/applications/${appId}/checks/${check?.id}`, { version: '1', status: 'clear' }))
        .statusCode,
    ).toBe(303);
    expect(await vettingSnapshot(t, true)).toBe(before);
  });
});

describe('adverse information', () => {
  const form = (checkId: string) => ({
    checkId,
    source: 'Credit reference agency',
    infoType: 'financial',
    relation: 'self',
    severity: '2',
    credibility: '5',
    description: 'County court judgment for £2,400, 2021, satisfied in 2023',
    assessment: 'Satisfied; no further debt',
    ...dateFields('occurredOn', '2021-06-01'),
  });

  it('records an item, marks its check adverse and audits ids and scores only', async () => {
    const appId = await application();
    const financial = (await detail()).checks.find((c) => c.checkType === 'financial');
    const res = await page('vetting').post(
      `/vetting/applications/${appId}/adverse`,
      form(financial?.id ?? ''),
      `/vetting/applications/${appId}`,
    );
    expect(res.statusCode).toBe(303);
    const d = await detail();
    expect(d.adverseInformation).toHaveLength(1);
    expect(d.checks.find((c) => c.checkType === 'financial')?.status).toBe('adverse');
    const view = await page('vetting').get(`/vetting/applications/${appId}`);
    expect(view.body).toContain('County court judgment');
    expect(view.body).toContain('Not yet: needed before a grant');
    const [row] = await auditRows(t, 'vetting.adverse_recorded');
    expect(row?.payload).toEqual({
      type: 'vetting.adverse_recorded',
      applicationId: appId,
      itemId: d.adverseInformation[0]?.id,
      infoType: 'financial',
      severity: 2,
      credibility: 5,
    });
  });

  it('explains bad input and records nothing', async () => {
    const appId = await application();
    const before = await vettingSnapshot(t);
    const res = await page('vetting').post(
      `/vetting/applications/${appId}/adverse`,
      { ...form(''), severity: '7', description: '', relation: '', ...dateFields('occurredOn', '2021-13-01') },
      `/vetting/applications/${appId}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date it happened must be a real date');
    const res2 = await page('vetting').post(
      `/vetting/applications/${appId}/adverse`,
      { ...form(''), severity: '7', description: '', relation: '' },
      `/vetting/applications/${appId}`,
    );
    for (const message of [
      'Choose the severity from 1 to 5',
      'Describe the information (at least 10 characters)',
      'Choose who the information is about',
    ])
      expect(res2.body).toContain(message);
    expect(res2.body).toContain('href="#adverse-severity"');
    const future = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${appId}/adverse-information`, {
      source: 'PNC',
      infoType: 'caution',
      relation: 'self',
      severity: 2,
      credibility: 5,
      description: 'A caution for theft',
      occurredOn: '2030-01-01',
    });
    expect(future.json()).toMatchObject({
      error: { fields: { occurredOn: 'The date it happened must be today or in the past' } },
    });
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('refuses roles without the ability and other forces, changing nothing', async () => {
    const appId = await application();
    const before = await vettingSnapshot(t, true);
    const body = {
      source: 'PNC',
      infoType: 'caution',
      relation: 'self',
      severity: 2,
      credibility: 5,
      description: 'A caution for theft in 2012',
    };
    for (const who of REFUSED) {
      expect(
        (await callApi(t, w, who, 'POST', `/api/v1/vetting/applications/${appId}/adverse-information`, body))
          .statusCode,
      ).toBe(404);
      expect((await page(who).post(`/vetting/applications/${appId}/adverse`, form(''))).statusCode).toBe(404);
    }
    expect(await vettingSnapshot(t, true)).toBe(before);
  });
});
