import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
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
import {
  decisionHelpers,
  GOOD_RATIONALE as good,
  movingClock,
} from '../../../../test/fixtures/vetting/decisions.http-fixtures.ts';

/** Decisions on applications: THE rule, the clearance, the Appendix K record, and who may decide and appeal. */

let t: TestApp;
let w: VettingWorld;
const clock = movingClock();

beforeAll(async () => {
  t = await createTestApp({}, clock.now);
  w = await buildVettingWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const page = (who: Parameters<typeof browser>[2]) => browser(t, w, who);
const { detail, readyApplication, decide } = decisionHelpers(
  () => t,
  () => w,
);
const clockOnTo = (iso: string) => clock.onTo(t, w, iso);

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
    const old = await t.database.query(`select state from clocks where owner_kind = 'vetting' and subject_key = $1`, [
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
