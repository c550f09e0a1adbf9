import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  callApi,
  dateFields,
  vettingSnapshot,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import { GOOD_RATIONALE as good } from '../../../../test/fixtures/vetting/decisions.http-fixtures.ts';
import {
  t,
  w,
  useAppealsWorld,
  page,
  detail,
  readyApplication,
  decide,
  moveClockTo,
  clockOnTo,
} from '../../../../test/fixtures/vetting/appeals.http-fixtures.ts';

/** An appeal against a refusal: the window, the panel, the outcomes. */
useAppealsWorld();

describe('a refusal and its appeal', () => {
  let app: { id: string; itemId: string | null };
  // Each stage of Quinn's story is made by the test that tells it, or here when a later test runs alone: the
  // refusal (on TODAY), the appeal received in time (on 27 March, the clock on 2 April), the grant after it.
  let refused: Promise<string> | undefined;
  let appealed: Promise<string> | undefined;
  let regranted: Promise<string> | undefined;
  const refusal = () =>
    (refused ??= decide(app.id, {
      outcome: 'refuse',
      rationale: 'Undisclosed judgment suggests dishonesty',
      reasonsForApplicant: 'Information was found that you did not declare',
    }).then((res) => res.json<{ decisionId: string }>().decisionId));
  const appealInTime = () =>
    (appealed ??= refusal().then(async (decisionId) => {
      await clockOnTo('2026-04-02');
      await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/decisions/${decisionId}/appeals`, {
        lodgedOn: '2026-03-27',
        grounds: 'The judgment was disclosed on my form',
      });
      return decisionId;
    }));
  const grantAfterAppeal = () =>
    (regranted ??= appealInTime().then(async (decisionId) => {
      const [appeal] = await t.database.query<{ id: string; version: number }>(
        `select id, version from vetting_appeals where decision_id = $1`,
        [decisionId],
      );
      await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/appeals/${appeal?.id}/outcome`, {
        version: appeal?.version,
        panel: 'Deputy Chief Constable (chair), Head of HR',
        outcome: 'upheld',
        reasons: 'The judgment was disclosed on the form',
        decidedOn: '2026-04-01',
      });
      await decide(app.id, {
        outcome: 'grant',
        rationale: 'Appeal upheld: the judgment was declared and is satisfied',
        items: { [app.itemId ?? '']: good },
      });
      return decisionId;
    }));

  beforeAll(async () => {
    app = await readyApplication({ givenName: 'Quinn', familyName: 'Refused' });
  });

  it('needs the reasons and what may be told to the applicant, then starts the appeal window', async () => {
    const missing = await decide(app.id, { outcome: 'refuse', rationale: 'Undisclosed judgment suggests dishonesty' });
    expect(missing.json<{ error: { fields: Record<string, string> } }>().error.fields['reasonsForApplicant']).toMatch(
      /harm test/,
    );
    const res = await decide(app.id, {
      outcome: 'refuse',
      rationale: 'Undisclosed judgment suggests dishonesty',
      reasonsForApplicant: 'Information was found that you did not declare',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ appealWindowEndsOn: '2026-03-30', clearanceId: null });
    const decisionId = res.json<{ decisionId: string }>().decisionId;
    refused = Promise.resolve(decisionId);
    expect(
      await t.database.query(
        `select period, due_on::text, state from clocks where owner_kind = 'vetting' and subject_key = $1`,
        [`decision:${decisionId}`],
      ),
    ).toEqual([{ period: 'vetting_appeal', due_on: '2026-03-30', state: 'running' }]);
    const record = await page('vetting').get(`/vetting/decisions/${decisionId}`);
    expect(record.body).toContain(
      'The applicant may appeal in writing, giving their grounds, within 14 calendar days of the decision (by 2026-03-30)',
    );
    expect(record.body).toContain('Record an appeal received');
  });

  it('refuses an appeal received after the window, saying when it closed', async () => {
    const decisionId = await refusal();
    await moveClockTo('2026-04-02');
    const before = await vettingSnapshot(t);
    const res = await page('vetting').post(
      `/vetting/decisions/${decisionId}/appeals`,
      { grounds: 'The judgment was disclosed on my form', ...dateFields('lodgedOn', '2026-03-31') },
      `/vetting/decisions/${decisionId}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(
      'The appeal window closed on 30 March 2026: an appeal received on 31 March 2026 is out of time',
    );
    const blank = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/decisions/${decisionId}/appeals`, {
      lodgedOn: '2026-03-20',
      grounds: '',
    });
    expect(blank.json()).toMatchObject({
      error: { fields: { grounds: 'Enter the grounds of appeal (at least 10 characters)' } },
    });
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('lodges an appeal in time and meets the appeal clock; a second appeal is refused', async () => {
    const decisionId = await refusal();
    await clockOnTo('2026-04-02');
    const res = await page('vetting').post(
      `/vetting/decisions/${decisionId}/appeals`,
      { grounds: 'The judgment was disclosed on my form', ...dateFields('lodgedOn', '2026-03-27') },
      `/vetting/decisions/${decisionId}`,
    );
    expect(res.statusCode).toBe(303);
    appealed = Promise.resolve(decisionId);
    const appealId = /\/vetting\/appeals\/([0-9a-f-]{36})/.exec(res.headers.location ?? '')?.[1];
    expect(
      await t.database.query(
        `select state, met_on::text from clocks where owner_kind = 'vetting' and subject_key = $1`,
        [`decision:${decisionId}`],
      ),
    ).toEqual([{ state: 'met', met_on: '2026-03-27' }]);
    const view = await page('vetting').get(`/vetting/appeals/${appealId}`);
    expect(view.body).toContain('The judgment was disclosed on my form');
    expect((await auditRows(t, 'vetting.file_viewed'))[0]?.payload).toMatchObject({ file: 'appeal', id: appealId });
    expect(
      (
        await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/decisions/${decisionId}/appeals`, {
          lodgedOn: '2026-03-28',
          grounds: 'A second go at it',
        })
      ).statusCode,
    ).toBe(422);
  });

  it('upholds the appeal without granting: a new decision is needed, and then grants', async () => {
    const decisionId = await appealInTime();
    const [appeal] = await t.database.query<{ id: string; version: number }>(
      `select id, version from vetting_appeals where decision_id = $1`,
      [decisionId],
    );
    const bad = await page('vetting').post(
      `/vetting/appeals/${appeal?.id}/outcome`,
      {
        version: String(appeal?.version),
        panel: '',
        outcome: '',
        reasons: '',
        ...dateFields('decidedOn', '2026-03-25'),
      },
      `/vetting/appeals/${appeal?.id}`,
    );
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'Enter who sat on the appeal panel',
      'Choose the outcome of the appeal',
      'Enter the panel’s reasons (at least 10 characters)',
    ])
      expect(bad.body).toContain(message);
    const early = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/appeals/${appeal?.id}/outcome`, {
      version: appeal?.version,
      panel: 'DCC',
      outcome: 'dismissed',
      decidedOn: '2026-03-25',
      reasons: 'Before the appeal was received',
    });
    expect(early.json()).toMatchObject({
      error: {
        fields: { decidedOn: 'The date the panel decided must be between the date the appeal was received and today' },
      },
    });
    const res = await page('vetting').post(
      `/vetting/appeals/${appeal?.id}/outcome`,
      {
        version: String(appeal?.version),
        panel: 'Deputy Chief Constable (chair), Head of HR',
        outcome: 'upheld',
        reasons: 'The judgment was disclosed on the form',
        ...dateFields('decidedOn', '2026-04-01'),
      },
      `/vetting/appeals/${appeal?.id}`,
    );
    expect(res.statusCode).toBe(303);
    expect((await page('vetting').get(res.headers.location ?? '')).body).toContain(
      'The application is not granted by the appeal: record a new decision on the application to grant clearance.',
    );
    expect(await detail(app.id)).toMatchObject({ status: 'refused', decidable: true });
    const items = { [app.itemId ?? '']: good };
    const grant = await decide(app.id, {
      outcome: 'grant',
      rationale: 'Appeal upheld: the judgment was declared and is satisfied',
      items,
    });
    expect(grant.statusCode).toBe(201);
    regranted = Promise.resolve(decisionId);
    expect(grant.json()).toMatchObject({ clearanceId: null });
    expect(await detail(app.id)).toMatchObject({ status: 'granted', decidable: false });
  });

  it('records the granted clearance when the recruit is linked to their person record', async () => {
    await grantAfterAppeal();
    const res = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${app.id}/person`, {
      version: (await detail(app.id)).version,
      personId: w.people.carol.id,
    });
    expect(res.statusCode).toBe(200);
    const clearances = await t.database.query(
      `select level, status, granted_on::text, application_id from vetting_clearances where person_id = $1`,
      [w.people.carol.id],
    );
    expect(clearances).toEqual([{ level: 'RV', status: 'active', granted_on: '2026-04-02', application_id: app.id }]);
  });
});
