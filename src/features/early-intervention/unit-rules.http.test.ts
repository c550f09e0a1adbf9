import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import { EI_TODAY, eiClock } from '../../../test/fixtures/early-intervention/ei.http-fixtures.ts';
import { buildSupervisorWorld } from '../../../test/fixtures/early-intervention/ei-supervisor.http-fixtures.ts';
import { caseInput } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from '../misconduct/index.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { runEarlyIntervention } from './run-early-intervention.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildSupervisorWorld>>;
/** Max moved from Northgate to Southgate on 2026-02-01; Lena left Southgate for Northgate on 2026-02-21. */
let max: { id: string };
let lena: { id: string };

beforeAll(async () => {
  t = await createTestApp({}, eiClock);
  w = await buildSupervisorWorld(t);
  const mover = (givenName: string, from: string, to: string, movedOn: string, collar: string) =>
    createPerson(t.deps.db, 'west', {
      givenName,
      familyName: 'Mover',
      identifiers: [{ kind: 'collar', value: collar, validFrom: '2015-01-01' }],
      postings: [
        {
          rank: 'Constable',
          role: 'Response officer',
          unitId: from,
          validFrom: '2015-01-01',
          validTo: dayBefore(movedOn),
        },
        { rank: 'Constable', role: 'Response officer', unitId: to, validFrom: movedOn },
      ],
    });
  max = await mover('Max', w.units.northgate, w.units.southgate, '2026-02-01', '8401');
  lena = await mover('Lena', w.units.southgate, w.units.northgate, '2026-02-21', '8402');
  await openCase(t.deps, w.aa, caseInput([max.id, lena.id], { cameToAttentionOn: '2025-12-01' }), null);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const RULE = {
  name: 'Southgate allegations',
  signalKinds: ['conduct_allegation'],
  windowDays: 365,
  warningLevel: 1,
  criticalLevel: 3,
};

describe('a rule of one unit', () => {
  it('previews and runs over the people posted to the unit on the day only (the API)', async () => {
    const preview = await api(t.app, 'POST', '/api/v1/early-intervention/rules/preview', w.tokens.aa, {
      ...RULE,
      unitId: w.units.southgate,
    });
    expect(preview.statusCode).toBe(200);
    // Pat (Southgate throughout) and Max (there since 2026-02-01); not Lena (left on 2026-02-20), not Northgate.
    expect(preview.json()).toMatchObject({ today: EI_TODAY, people: 2, warning: 2, critical: 0 });

    const created = await api(t.app, 'POST', '/api/v1/early-intervention/rules', w.tokens.aa, {
      ...RULE,
      unitId: w.units.southgate,
    });
    expect(created.statusCode).toBe(201);
    const rule = created.json<{ id: string; ruleKey: string; unitId: string }>();
    expect(rule.unitId).toBe(w.units.southgate);
    const on = await api(t.app, 'POST', `/api/v1/early-intervention/rules/${rule.id}/switch`, w.tokens.aa, {
      active: true,
      version: 1,
    });
    expect(on.statusCode).toBe(200);
    await runEarlyIntervention(t.deps, systemActor('test', 'west'), {
      forceId: 'west',
      today: EI_TODAY,
      trigger: 'test',
    });
    const alerted = await t.database.query<{ person_id: string }>(
      `select person_id from ei_alerts where rule_key = $1 order by person_id`,
      [rule.ruleKey],
    );
    expect(alerted.map((a) => a.person_id)).toEqual([w.pat.id, max.id].sort());

    // The same rule on the day before Max moved: Max was not yet posted there, Lena still was (and Pat's
    // allegation of 2026-02-10 had not happened yet).
    const earlier = await runEarlyIntervention(t.deps, systemActor('test', 'west'), {
      forceId: 'west',
      today: '2026-01-31',
      trigger: 'test',
    });
    const [run] = await t.database.query<{ evaluated: { ruleKey: string; people: number }[] }>(
      `select evaluated from ei_runs where id = $1`,
      [earlier.runId],
    );
    expect(run?.evaluated.find((e) => e.ruleKey === rule.ruleKey)?.people).toBe(1);
    const lenaAlerts = await t.database.query(`select 1 from ei_alerts where rule_key = $1 and person_id = $2`, [
      rule.ruleKey,
      lena.id,
    ]);
    expect(lenaAlerts).toHaveLength(1);
  });

  it('is saved from the page, and a new version may change the unit (versioned like every change)', async () => {
    const browser = new TestClient(t.app).setCookie('probity_session', w.cookies.aa);
    const form = await browser.get('/early-intervention/rules/new');
    expect(form.body).toContain(`<option value="${w.units.southgate}"`);
    const preview = await browser.post(
      '/early-intervention/rules',
      { ...strings(RULE), signalKinds: 'conduct_allegation', unitId: w.units.northgate, intent: 'preview' },
      { formPage: '/early-intervention/rules/new' },
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toMatch(/id="preview"/);
    const saved = await browser.post(
      '/early-intervention/rules',
      {
        ...strings(RULE),
        name: 'Northgate allegations',
        signalKinds: 'conduct_allegation',
        unitId: w.units.northgate,
        intent: 'save',
      },
      { formPage: '/early-intervention/rules/new' },
    );
    expect(saved.statusCode).toBe(303);
    const id = /rules\/([0-9a-f-]{36})/.exec(saved.headers.location ?? '')?.[1] ?? '';
    const shown = await browser.get(`/early-intervention/rules/${id}`);
    expect(shown.body).toContain('unit: Northgate Response');
    const next = await api(t.app, 'POST', `/api/v1/early-intervention/rules/${id}/versions`, w.tokens.aa, {
      ...RULE,
      name: 'Northgate allegations',
      unitId: null,
      version: 1,
    });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ version: 2, unitId: null });
    const versions = await t.database.query<{ version: number; unit_id: string | null; superseded: boolean }>(
      `select version, unit_id, superseded from ei_rules where rule_key = (select rule_key from ei_rules where id = $1) order by version`,
      [id],
    );
    expect(versions).toEqual([
      { version: 1, unit_id: w.units.northgate, superseded: true },
      { version: 2, unit_id: null, superseded: false },
    ]);
  });

  it('refuses a unit that is not the force’s own with a 400, and saves nothing (page and API)', async () => {
    const before = await t.database.query(`select id from ei_rules order by id`);
    for (const unitId of [randomUUID(), w.units.east, 'not-a-unit']) {
      const res = await api(t.app, 'POST', '/api/v1/early-intervention/rules', w.tokens.aa, { ...RULE, unitId });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields['unitId']).toMatch(
        /unit of the force/,
      );
      const preview = await api(t.app, 'POST', '/api/v1/early-intervention/rules/preview', w.tokens.aa, {
        ...RULE,
        unitId,
      });
      expect(preview.statusCode).toBe(400);
    }
    const browser = new TestClient(t.app).setCookie('probity_session', w.cookies.aa);
    const page = await browser.post(
      '/early-intervention/rules',
      { ...strings(RULE), signalKinds: 'conduct_allegation', unitId: w.units.east, intent: 'save' },
      { formPage: '/early-intervention/rules/new' },
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Choose a unit of the force');
    expect(await t.database.query(`select id from ei_rules order by id`)).toEqual(before);
  });
});

function strings(r: typeof RULE): Record<string, string> {
  return {
    name: r.name,
    windowDays: String(r.windowDays),
    warningLevel: String(r.warningLevel),
    criticalLevel: String(r.criticalLevel),
  };
}
