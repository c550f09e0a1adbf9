import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { eiClock } from '../../../test/fixtures/early-intervention/ei.http-fixtures.ts';
import { buildSupervisorWorld } from '../../../test/fixtures/early-intervention/ei-supervisor.http-fixtures.ts';
import { saveEiSettings } from './ei-settings.ts';
import { findSettings } from './settings.repository.ts';
import type { Principal } from '../../kernel/access/principal.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildSupervisorWorld>>;

beforeAll(async () => {
  t = await createTestApp({}, eiClock);
  w = await buildSupervisorWorld(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Sup = keyof typeof w.sup;
const page = (who: Sup, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: `probity_session=${w.sup[who].cookie}` } });
const listed = async (who: Sup) => {
  const res = await api(t.app, 'GET', '/api/v1/early-intervention/alerts?state=all', w.sup[who].token);
  return {
    status: res.statusCode,
    people:
      res.statusCode === 200
        ? res
            .json<{ items: { personId: string }[] }>()
            .items.map((i) => i.personId)
            .sort()
        : [],
  };
};
const eastAa = (): Principal => ({
  ...w.aa,
  forceId: 'east',
  userId: w.accounts.east.user.id,
  email: 'aa@east.example',
});

/** Sets a force's supervisor access through the use case (whatever the version is now). */
async function setAccess(on: boolean, principal: Principal = w.aa) {
  const current = await findSettings(t.deps.db, principal.forceId);
  await saveEiSettings(
    t.deps,
    principal,
    { supervisorAccess: on, supervisoryRoles: ['Response sergeant'], version: current.version },
    null,
  );
}
const settingsRow = () => t.database.query(`select * from ei_settings order by force_id`);
const auditCount = async (type: string) =>
  (
    await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where event_type = $1`, [type])
  )[0]?.n ?? 0;

describe('supervisor access is off by default', () => {
  it('answers 404 to a supervisor for the list and for an alert of their own unit, on pages and the API', async () => {
    await setAccess(false);
    expect((await page('sam', '/early-intervention')).statusCode).toBe(404);
    expect((await page('sam', `/early-intervention/alerts/${w.alertOf(w.people.alice.id)}`)).statusCode).toBe(404);
    expect((await listed('sam')).status).toBe(404);
    const res = await api(
      t.app,
      'GET',
      `/api/v1/early-intervention/alerts/${w.alertOf(w.people.alice.id)}`,
      w.sup.sam.token,
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('when the force turns it on', () => {
  it('a supervisor sees the alerts of the people posted to their own unit only, never their own', async () => {
    await setAccess(true);
    const northgate = [
      w.people.alice.id,
      w.people.bob.id,
      w.people.carol.id,
      w.people.dave.id,
      w.people.erin.id,
    ].sort();
    expect(await listed('sam')).toEqual({ status: 200, people: northgate });
    expect(await listed('sue')).toEqual({ status: 200, people: [w.pat.id] });
    const list = await page('sam', '/early-intervention?state=all');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Alice Ashworth');
    expect(list.body).not.toContain('Pat Supervised');
    expect(list.body).toContain('id="supervisor-view"');
    // Only the alerts: no rules, scores or network in a supervisor's view.
    expect(list.body).not.toContain('href="/early-intervention/rules"');
  });

  it('shows an alert of their own unit read only, and audits the read as a supervisor’s', async () => {
    await setAccess(true);
    const before = await auditCount('ei.alert_viewed');
    const res = await page('sam', `/early-intervention/alerts/${w.alertOf(w.people.carol.id)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Carol Calder');
    expect(res.body).not.toContain('/move"');
    expect(await auditCount('ei.alert_viewed')).toBe(before + 1);
    const [last] = await t.database.query<{ payload: { asSupervisor?: boolean } }>(
      `select payload from audit_events where event_type = 'ei.alert_viewed' order by seq desc limit 1`,
    );
    expect(last?.payload.asSupervisor).toBe(true);
  });

  it('answers 404 for another unit’s alert, the supervisor’s own alert, and to someone in no supervisory role', async () => {
    await setAccess(true);
    for (const url of [
      `/early-intervention/alerts/${w.alertOf(w.pat.id)}`,
      `/early-intervention/alerts/${w.alertOf(w.sam.id)}`,
    ]) {
      expect((await page('sam', url)).statusCode).toBe(404);
      expect((await api(t.app, 'GET', `/api/v1${url}`, w.sup.sam.token)).statusCode).toBe(404);
    }
    expect((await page('sue', `/early-intervention/alerts/${w.alertOf(w.people.alice.id)}`)).statusCode).toBe(404);
    expect((await page('olive', '/early-intervention')).statusCode).toBe(404);
    expect((await page('olive', `/early-intervention/alerts/${w.alertOf(w.people.alice.id)}`)).statusCode).toBe(404);
  });

  it('answers 404 to another force’s supervisor, even with their own force’s access on', async () => {
    await setAccess(true);
    await setAccess(true, eastAa());
    expect(await listed('ed')).toEqual({ status: 200, people: [] });
    expect((await page('ed', `/early-intervention/alerts/${w.alertOf(w.people.alice.id)}`)).statusCode).toBe(404);
  });

  it('lets a supervisor change nothing: moves, interventions, rules, scores and settings are 404', async () => {
    await setAccess(true);
    const alert = w.alertOf(w.people.alice.id);
    const before = await t.database.query(`select id, state, version from ei_alerts order by id`);
    const move = await api(t.app, 'POST', `/api/v1/early-intervention/alerts/${alert}/moves`, w.sup.sam.token, {
      to: 'acknowledged',
      version: 1,
    });
    expect(move.statusCode).toBe(404);
    for (const url of ['/early-intervention/rules', '/early-intervention/scores', '/early-intervention/settings'])
      expect((await page('sam', url)).statusCode).toBe(404);
    expect(await t.database.query(`select id, state, version from ei_alerts order by id`)).toEqual(before);
  });

  it('switched off again, the supervisor is back to 404', async () => {
    await setAccess(true);
    expect((await listed('sam')).status).toBe(200);
    await setAccess(false);
    expect((await listed('sam')).status).toBe(404);
  });
});

describe('the settings', () => {
  it('are saved by the appropriate authority through the API, versioned and audited', async () => {
    const current = await findSettings(t.deps.db, 'west');
    const before = await auditCount('ei.settings_changed');
    const res = await api(t.app, 'POST', '/api/v1/early-intervention/settings', w.tokens.aa, {
      supervisorAccess: true,
      supervisoryRoles: ['Response sergeant', 'Duty inspector'],
      version: current.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      supervisorAccess: true,
      supervisoryRoles: ['Duty inspector', 'Response sergeant'],
      version: current.version + 1,
    });
    expect(await auditCount('ei.settings_changed')).toBe(before + 1);
    const stale = await api(t.app, 'POST', '/api/v1/early-intervention/settings', w.tokens.aa, {
      supervisorAccess: false,
      supervisoryRoles: [],
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuse bad input with a 400 and change nothing (page and API)', async () => {
    await setAccess(false);
    const before = await settingsRow();
    const { version } = await findSettings(t.deps.db, 'west');
    const none = await api(t.app, 'POST', '/api/v1/early-intervention/settings', w.tokens.aa, {
      supervisorAccess: true,
      supervisoryRoles: [],
      version,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: { fields: Record<string, string> } }>().error.fields['supervisoryRoles']).toMatch(
      /at least one supervisory role/,
    );
    const wrongType = await api(t.app, 'POST', '/api/v1/early-intervention/settings', w.tokens.aa, {
      supervisorAccess: 'maybe',
      supervisoryRoles: [],
      version,
    });
    expect(wrongType.statusCode).toBe(400);
    const browser = new TestClient(t.app).setCookie('probity_session', w.cookies.aa);
    const form = await browser.post(
      '/early-intervention/settings',
      { supervisorAccess: 'perhaps', version: String(version) },
      { formPage: '/early-intervention/settings' },
    );
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('Say whether supervisors see the alerts of their own units');
    expect(await settingsRow()).toEqual(before);
  });

  it('are saved from the page with JavaScript off', async () => {
    await setAccess(false);
    const { version } = await findSettings(t.deps.db, 'west');
    const browser = new TestClient(t.app).setCookie('probity_session', w.cookies.aa);
    const shown = await browser.get('/early-intervention/settings');
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('value="Response sergeant"');
    const res = await browser.post(
      '/early-intervention/settings',
      { supervisorAccess: 'true', supervisoryRoles: 'Response sergeant', version: String(version) },
      { formPage: '/early-intervention/settings' },
    );
    expect(res.statusCode).toBe(303);
    expect(await findSettings(t.deps.db, 'west')).toEqual({
      supervisorAccess: true,
      supervisoryRoles: ['Response sergeant'],
      version: version + 1,
    });
  });

  it('are 404 to anyone without ei.manage and to another force (nothing changed)', async () => {
    const before = await settingsRow();
    expect((await page('sam', '/early-intervention/settings')).statusCode).toBe(404);
    for (const token of [w.tokens.lead, w.sup.sam.token]) {
      const res = await api(t.app, 'POST', '/api/v1/early-intervention/settings', token, {
        supervisorAccess: true,
        supervisoryRoles: ['Response sergeant'],
        version: 0,
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await settingsRow()).toEqual(before);
  });
});
