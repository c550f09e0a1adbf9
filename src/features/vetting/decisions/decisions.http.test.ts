import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { sessionCookieFor } from '../../../../test/support/factories.ts';
import {
  auditRows,
  browser,
  buildVettingWorld,
  callApi,
  dateFields,
  NO_VETTING,
  recruit,
  REFUSED,
  TODAY,
  vettingSnapshot,
  type VettingWorld,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';

/** Decisions (THE rule, the clearance, the Appendix K record) and appeals (window, panel, outcomes). */

let t: TestApp;
let w: VettingWorld;
let now = new Date(`${TODAY}T10:00:00Z`);

beforeAll(async () => {
  t = await createTestApp({}, () => now);
  w = await buildVettingWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const page = (who: Parameters<typeof browser>[2]) => browser(t, w, who);

/** Moves the clock on, signing everyone in again (sessions time out on the clock). */
async function moveClockTo(iso: string): Promise<void> {
  now = new Date(`${iso}T10:00:00Z`);
  for (const [who, a] of Object.entries(w.accounts))
    w.cookies[who as keyof typeof w.cookies] = await sessionCookieFor(t.deps, a.user.id);
}

/** Moves the clock on to `iso` unless it is there already (a test that runs alone starts on TODAY). */
async function clockOnTo(iso: string): Promise<void> {
  if (now < new Date(`${iso}T10:00:00Z`)) await moveClockTo(iso);
}
type Detail = {
  status: string;
  version: number;
  decidable: boolean;
  clearanceId: string | null;
  checks: { id: string; version: number }[];
  adverseInformation: { id: string }[];
  decisions: { id: string; outcome: string }[];
};
const detail = async (id: string) =>
  (await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/applications/${id}`)).json<Detail>();
const good = {
  relevance: 'A debt judgment is relevant to financial vulnerability in any post',
  riskAssessment: 'Low: satisfied in full two years ago and no other debt',
  mitigation: 'Financial declaration at the annual integrity review',
  reason: 'Isolated, disclosed and resolved; no pattern of debt',
};

/** An application (for `personId`, or a recruit) with every check recorded and, if asked, one adverse item. */
async function readyApplication(
  over: Record<string, unknown> = {},
  adverse = true,
): Promise<{ id: string; itemId: string | null }> {
  const res = await callApi(t, w, 'vetting', 'POST', '/api/v1/vetting/applications', recruit(over));
  const id = res.json<{ id: string }>().id;
  for (const c of (await detail(id)).checks)
    await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${id}/checks/${c.id}`, {
      version: c.version,
      status: 'clear',
      notes: '',
    });
  if (!adverse) return { id, itemId: null };
  const item = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${id}/adverse-information`, {
    source: 'Credit reference agency',
    infoType: 'financial',
    relation: 'self',
    severity: 2,
    credibility: 5,
    description: 'County court judgment, satisfied',
  });
  return { id, itemId: item.json<{ id: string }>().id };
}

const decide = async (id: string, body: Record<string, unknown>, who: Parameters<typeof browser>[2] = 'vetting') =>
  callApi(t, w, who, 'POST', `/api/v1/vetting/applications/${id}/decision`, {
    version: (await detail(id)).version,
    ...body,
  });

describe('the grant rule', () => {
  let app: { id: string; itemId: string | null };
  let granted: Promise<unknown> | undefined;
  /** Alice's renewal granted with the rationale: by the test that grants it, or here when a later test runs alone. */
  const grantedRenewal = () =>
    (granted ??= decide(app.id, {
      outcome: 'grant',
      rationale: 'All checks complete; the one item is mitigated as below',
      items: { [app.itemId ?? '']: good },
    }));

  beforeAll(async () => {
    app = await readyApplication({
      kind: 'renewal',
      personId: w.people.alice.id,
      givenName: 'Alice',
      familyName: 'Ashworth',
    });
  });

  it('shows the decision form with a rationale for each adverse item', async () => {
    const res = await page('vetting').get(`/vetting/applications/${app.id}/decision`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`name="item-${app.itemId}-riskAssessment"`);
    expect(res.body).toContain('Reason the information does not prevent clearance');
  });

  it('cannot grant while an adverse item lacks its rationale: 400, nothing written', async () => {
    const before = await vettingSnapshot(t);
    const res = await decide(app.id, {
      outcome: 'grant',
      rationale: 'All checks complete and the one item is minor',
      items: { [app.itemId ?? '']: { relevance: good.relevance, riskAssessment: 'n/a' } },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json<{ error: { fields: Record<string, string> } }>().error.fields).sort()).toEqual([
      `items.${app.itemId}.mitigation`,
      `items.${app.itemId}.reason`,
      `items.${app.itemId}.riskAssessment`,
    ]);
    const form = await page('vetting').post(
      `/vetting/applications/${app.id}/decision`,
      {
        version: String((await detail(app.id)).version),
        outcome: 'grant_with_conditions',
        rationale: 'All checks complete and the one item is minor',
      },
      `/vetting/applications/${app.id}/decision`,
    );
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain(`href="#item-${app.itemId}-relevance"`);
    expect(form.body).toContain('Enter the conditions or risk-mitigation plan');
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('grants with the rationale: the clearance replaces the old one and the record keeps the rationale', async () => {
    const version = String((await detail(app.id)).version);
    const fields = Object.fromEntries(Object.entries(good).map(([k, v]) => [`item-${app.itemId}-${k}`, v]));
    const res = await page('vetting').post(
      `/vetting/applications/${app.id}/decision`,
      { version, outcome: 'grant', rationale: 'All checks complete; the one item is mitigated as below', ...fields },
      `/vetting/applications/${app.id}/decision`,
    );
    expect(res.statusCode).toBe(303);
    granted = Promise.resolve();
    const d = await detail(app.id);
    expect(d).toMatchObject({ status: 'granted', decidable: false });
    const clearances = await t.database.query<{
      id: string;
      status: string;
      granted_on: string;
      expires_on: string;
      ended_by_decision_id: string | null;
    }>(
      `select id, status, granted_on::text, expires_on::text, ended_by_decision_id from vetting_clearances where person_id = $1 order by granted_on`,
      [w.people.alice.id],
    );
    expect(clearances).toMatchObject([
      { status: 'terminated', ended_by_decision_id: d.decisions[0]?.id },
      { id: d.clearanceId, status: 'active', granted_on: TODAY, expires_on: '2036-03-16' },
    ]);
    const old = await t.database.query(`select state from vetting_clocks where subject_key = $1`, [
      `clearance:${clearances[0]?.id}`,
    ]);
    expect(old).toEqual([]);
    const record = await page('vetting').get(`/vetting/decisions/${d.decisions[0]?.id}`);
    expect(record.statusCode).toBe(200);
    for (const text of [
      'Vetting decision record (Vetting APP, Appendix K)',
      good.riskAssessment,
      good.reason,
      'Credit reference agency',
      'Police National Computer (PNC)',
      'vetting',
      'Clearance granted: there is nothing to appeal.',
      '16 March 2026',
    ])
      expect(record.body).toContain(text);
    expect((await auditRows(t, 'vetting.file_viewed'))[0]?.payload).toMatchObject({
      file: 'decision',
      id: d.decisions[0]?.id,
      personId: w.people.alice.id,
    });
    expect((await auditRows(t, 'vetting.application_decided'))[0]?.payload).toMatchObject({
      outcome: 'grant',
      clearanceId: d.clearanceId,
      supersededClearanceIds: [clearances[0]?.id],
    });
  });

  it('refuses a second decision on a decided application', async () => {
    await grantedRenewal();
    const res = await decide(app.id, {
      outcome: 'refuse',
      rationale: 'Changed my mind about the judgment',
      reasonsForApplicant: 'Financial vulnerability',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { message: 'This application has already been decided' } });
  });

  it('blocks a grant while checks are pending, and asks for a discontinuance’s reason', async () => {
    const fresh = await callApi(
      t,
      w,
      'vetting',
      'POST',
      '/api/v1/vetting/applications',
      recruit({ givenName: 'Pat', familyName: 'Pending' }),
    );
    const id = fresh.json<{ id: string }>().id;
    const form = await page('vetting').get(`/vetting/applications/${id}/decision`);
    expect(form.body).toContain(
      '9 checks are still pending: clearance cannot be granted until every check has a result.',
    );
    const res = await decide(id, { outcome: 'grant', rationale: 'Everything looks in order to me' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      error: { message: 'Record the result of every check before granting (9 still pending)' },
    });
    const discontinue = await decide(id, { outcome: 'discontinue', rationale: 'bail' });
    expect(discontinue.json<{ error: { fields: Record<string, string> } }>().error.fields['rationale']).toMatch(
      /under investigation or on police bail/,
    );
    expect(
      (await decide(id, { outcome: 'discontinue', rationale: 'The applicant was arrested and is on police bail' }))
        .statusCode,
    ).toBe(201);
    expect((await detail(id)).status).toBe('discontinued');
  });
});

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
      await t.database.query(`select period, due_on::text, state from vetting_clocks where subject_key = $1`, [
        `decision:${decisionId}`,
      ]),
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
      await t.database.query(`select state, met_on::text from vetting_clocks where subject_key = $1`, [
        `decision:${decisionId}`,
      ]),
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

describe('an appeal against a withdrawal', () => {
  it('reinstates the withdrawn clearance when upheld, and lets a dismissal stand', async () => {
    await clockOnTo('2026-04-02');
    const [clearance] = await t.database.query<{ id: string }>(
      `select id from vetting_clearances where person_id = $1`,
      [w.people.bob.id],
    );
    const [decision] = await t.database.query<{ id: string }>(
      `insert into vetting_decisions (force_id, person_id, outcome, decided_on, decision_maker_user_id, rationale, document) values ('west', $1, 'withdraw', '2026-03-25', $2, 'Undeclared association with an organised crime group', '{}'::jsonb) returning id`,
      [w.people.bob.id, w.accounts.vetting2.user.id],
    );
    await t.database.query(
      `update vetting_clearances set status = 'withdrawn', ended_on = '2026-03-25', ended_by_decision_id = $2 where id = $1`,
      [clearance?.id, decision?.id],
    );
    const record = await page('vetting').get(`/vetting/decisions/${decision?.id}`);
    expect(record.body).toContain('Vetting decision: Withdraw');
    expect(record.body).toContain('The window to appeal ends on 8 April 2026.');
    const lodged = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/decisions/${decision?.id}/appeals`, {
      lodgedOn: '2026-04-01',
      grounds: 'The association ended in 2019',
    });
    expect(lodged.statusCode).toBe(201);
    const appealId = lodged.json<{ id: string }>().id;
    const outcome = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/appeals/${appealId}/outcome`, {
      version: 1,
      panel: 'DCC and two independent members',
      outcome: 'upheld',
      decidedOn: '2026-04-02',
      reasons: 'The association ended years ago',
    });
    expect(outcome.json()).toEqual({
      reinstatedClearanceIds: [clearance?.id],
      message: 'Appeal upheld: the clearance has been reinstated.',
    });
    expect(
      await t.database.query(`select status, ended_on, ended_by_decision_id from vetting_clearances where id = $1`, [
        clearance?.id,
      ]),
    ).toEqual([{ status: 'active', ended_on: null, ended_by_decision_id: null }]);
    expect(
      await t.database.query(`select period, due_on::text, state from vetting_clocks where subject_key = $1`, [
        `clearance:${clearance?.id}`,
      ]),
    ).toEqual([{ period: 'vetting_renewal_rv', due_on: '2029-05-01', state: 'running' }]);
    expect(
      (
        await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/appeals/${appealId}/outcome`, {
          version: 2,
          panel: 'Again',
          outcome: 'dismissed',
          decidedOn: '2026-04-02',
          reasons: 'Trying a second time',
        })
      ).statusCode,
    ).toBe(422);

    const refused = await readyApplication({ givenName: 'Drew', familyName: 'Dismissed' }, false);
    const d = await decide(refused.id, {
      outcome: 'refuse',
      rationale: 'Failed to declare a caution for assault',
      reasonsForApplicant: 'You did not declare a relevant matter',
    });
    const appeal = await callApi(
      t,
      w,
      'vetting',
      'POST',
      `/api/v1/vetting/decisions/${d.json<{ decisionId: string }>().decisionId}/appeals`,
      { lodgedOn: '2026-04-02', grounds: 'I forgot about the caution' },
    );
    const dismissed = await callApi(
      t,
      w,
      'vetting',
      'POST',
      `/api/v1/vetting/appeals/${appeal.json<{ id: string }>().id}/outcome`,
      { version: 1, panel: 'DCC', outcome: 'dismissed', decidedOn: '2026-04-02', reasons: 'Deliberate non-disclosure' },
    );
    expect(dismissed.json()).toMatchObject({ message: 'Appeal dismissed: the decision stands.' });
    expect(await detail(refused.id)).toMatchObject({ status: 'refused', decidable: false });
  });
});

describe('who may decide and appeal', () => {
  it('refuses every decision and appeal route to other roles, forces and visitors, changing nothing', async () => {
    await clockOnTo('2026-04-02');
    const app = await readyApplication({ givenName: 'Sam', familyName: 'Secure' }, false);
    const d = await decide(app.id, {
      outcome: 'refuse',
      rationale: 'Unexplained wealth found in the checks',
      reasonsForApplicant: 'Information about your finances',
    });
    expect(d.statusCode).toBe(201);
    const decisionId = d.json<{ decisionId: string }>().decisionId;
    const appeal = (
      await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/decisions/${decisionId}/appeals`, {
        lodgedOn: '2026-04-02',
        grounds: 'The money was an inheritance',
      })
    ).json<{ id: string }>();
    const other = await readyApplication({ givenName: 'Oli', familyName: 'Open' }, false);
    const before = await vettingSnapshot(t, true);
    for (const who of REFUSED) {
      for (const path of [
        `/vetting/applications/${other.id}/decision`,
        `/vetting/decisions/${decisionId}`,
        `/vetting/appeals/${appeal.id}`,
      ])
        expect((await page(who).get(path)).statusCode, `${who} ${path}`).toBe(404);
      expect(
        (
          await page(who).post(`/vetting/applications/${other.id}/decision`, {
            version: '3',
            outcome: 'discontinue',
            rationale: 'Under investigation for fraud',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await page(who).post(`/vetting/appeals/${appeal.id}/outcome`, {
            version: '1',
            panel: 'Panel of three',
            outcome: 'upheld',
            reasons: 'xxxxxxxxxxxx',
            ...dateFields('decidedOn', '2026-04-02'),
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await callApi(t, w, who, 'POST', `/api/v1/vetting/applications/${other.id}/decision`, {
            version: 3,
            outcome: 'discontinue',
            rationale: 'Under investigation for fraud',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await callApi(t, w, who, 'POST', `/api/v1/vetting/decisions/${decisionId}/appeals`, {
            lodgedOn: '2026-04-02',
            grounds: 'Some grounds here',
          })
        ).statusCode,
      ).toBe(404);
      expect((await callApi(t, w, who, 'GET', `/api/v1/vetting/decisions/${decisionId}`)).statusCode).toBe(404);
      expect((await callApi(t, w, who, 'GET', `/api/v1/vetting/appeals/${appeal.id}`)).statusCode).toBe(404);
    }
    expect((await page(null).get(`/vetting/decisions/${decisionId}`)).statusCode).toBe(303);
    expect((await callApi(t, w, null, 'GET', `/api/v1/vetting/appeals/${appeal.id}`)).statusCode).toBe(401);
    expect(await vettingSnapshot(t, true)).toBe(before);
    expect(NO_VETTING.every((who) => REFUSED.includes(who))).toBe(true);
  });

  it('never shows a vetting officer a decision about themself', async () => {
    const own = await callApi(
      t,
      w,
      'vetting2',
      'POST',
      '/api/v1/vetting/applications',
      recruit({ kind: 'upgrade', level: 'MV', personId: w.people.vera.id, givenName: 'Vera', familyName: 'Vettel' }),
    );
    const id = own.json<{ id: string }>().id;
    const version = (await callApi(t, w, 'vetting2', 'GET', `/api/v1/vetting/applications/${id}`)).json<{
      version: number;
    }>().version;
    const d = await callApi(t, w, 'vetting2', 'POST', `/api/v1/vetting/applications/${id}/decision`, {
      version,
      outcome: 'discontinue',
      rationale: 'The post was withdrawn before the checks began',
    });
    const decisionId = d.json<{ decisionId: string }>().decisionId;
    expect((await page('vetting2').get(`/vetting/decisions/${decisionId}`)).statusCode).toBe(200);
    expect((await page('vetting').get(`/vetting/decisions/${decisionId}`)).statusCode).toBe(404);
    expect(
      (
        await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${id}/decision`, {
          version,
          outcome: 'grant',
          rationale: 'Granting my own clearance here',
        })
      ).statusCode,
    ).toBe(404);
  });
});
