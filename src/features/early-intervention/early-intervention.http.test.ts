import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { buildEiWorld, EI_TODAY, eiClock } from '../../../test/fixtures/early-intervention/ei.http-fixtures.ts';
import { runEarlyIntervention } from './run-early-intervention.ts';
import { loadSignals } from './signals.repository.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildEiWorld>>;

beforeAll(async () => {
  t = await createTestApp({}, eiClock);
  w = await buildEiWorld(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A browser with JavaScript off: a session cookie, forms posted with the CSRF token of the section's page. */
function client(who: keyof typeof w.cookies) {
  const c = new TestClient(t.app).setCookie('probity_session', w.cookies[who]);
  return {
    get: (url: string) => c.get(url),
    post: (url: string, body: Record<string, string>) => c.post(url, body, { formPage: '/early-intervention' }),
  };
}

const get = (who: keyof typeof w.cookies, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: `probity_session=${w.cookies[who]}` } });

describe('a run', () => {
  it('alerts on everyone who crosses the rule, at the right level, and never from an anonymous report', () => {
    const byPerson = Object.fromEntries(w.alerts.map((a) => [a.person_id, a.level]));
    expect(byPerson).toEqual({
      [w.people.alice.id]: 'warning',
      [w.people.bob.id]: 'warning',
      [w.people.carol.id]: 'critical',
      [w.people.dave.id]: 'critical',
      [w.people.erin.id]: 'warning',
    });
    expect(byPerson[w.people.frank.id]).toBeUndefined();
    expect(w.run).toMatchObject({ opened: 5, changed: 0, rules: 1 });
  });

  it('is idempotent: a second run the same day changes no alert, and is recorded with what it evaluated', async () => {
    const before = await t.database.query(`select id, version, updated_at::text, events from ei_alerts order by id`);
    const again = await runEarlyIntervention(t.deps, systemActor('test', 'west'), {
      forceId: 'west',
      today: EI_TODAY,
      trigger: 'test',
    });
    expect(again).toMatchObject({ opened: 0, changed: 0 });
    expect(await t.database.query(`select id, version, updated_at::text, events from ei_alerts order by id`)).toEqual(
      before,
    );
    const runs = await t.database.query<{ evaluated: { version: number; people: number }[] }>(
      `select evaluated from ei_runs where id = $1`,
      [again.runId],
    );
    expect(runs[0]?.evaluated).toEqual([expect.objectContaining({ version: 1, people: 5, critical: 2, warning: 3 })]);
  });
});

describe('an alert explains itself', () => {
  it('lists exactly the events that counted, linked only where the viewer has need-to-know', async () => {
    const carol = w.alertOf(w.people.carol.id);
    const res = await api(t.app, 'GET', `/api/v1/early-intervention/alerts/${carol.id}`, w.tokens.aa);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      events: { occurredOn: string; href: string | null }[];
      changes: { levelFrom: string | null };
    }>();
    expect(body.events.map((e) => e.occurredOn)).toEqual(['2025-03-10', '2026-01-10']);
    expect(body.events.map((e) => e.href)).toEqual([`/cases/${w.normal.id}`, `/cases/${w.second.id}`]);
    expect(body.changes.levelFrom).toBeNull();

    // Alice's event is in the RESTRICTED case: the appropriate authority not named on it sees the alert, not the link.
    const alice = w.alertOf(w.people.alice.id);
    const unnamed = await api(t.app, 'GET', `/api/v1/early-intervention/alerts/${alice.id}`, w.tokens.aaUnnamed);
    expect(unnamed.json<{ events: { href: string | null }[] }>().events.map((e) => e.href)).toEqual([null]);
    const opener = await api(t.app, 'GET', `/api/v1/early-intervention/alerts/${alice.id}`, w.tokens.aa);
    expect(opener.json<{ events: { href: string | null }[] }>().events.map((e) => e.href)).toEqual([
      `/cases/${w.restricted.id}`,
    ]);
  });

  it('shows the page with the rule, the events and the peer group, and audits the read', async () => {
    const dave = w.alertOf(w.people.dave.id);
    const before = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'ei.alert_viewed'`,
    );
    const res = await get('aa', `/early-intervention/alerts/${dave.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Allegations in a year');
    expect(res.body).toContain('The events that counted');
    // 10 Constables in 2015–: a peer group of 10 (the minimum) gets a percentile.
    expect(res.body).toMatch(/percentile/);
    const after = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'ei.alert_viewed'`,
    );
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
  });
});

describe('hidden from the subject and from other forces', () => {
  it('answers 404 to the person the alert is about, and leaves it out of their list', async () => {
    const dave = w.alertOf(w.people.dave.id);
    expect((await get('aaSubject', `/early-intervention/alerts/${dave.id}`)).statusCode).toBe(404);
    expect(
      (await api(t.app, 'GET', `/api/v1/early-intervention/alerts/${dave.id}`, w.tokens.aaSubject)).statusCode,
    ).toBe(404);
    const list = await get('aaSubject', '/early-intervention');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(dave.id);
    expect(list.body).toContain(w.alertOf(w.people.carol.id).id);
  });

  it('answers 404 to another force and to a role without early intervention', async () => {
    const carol = w.alertOf(w.people.carol.id);
    expect((await get('east', `/early-intervention/alerts/${carol.id}`)).statusCode).toBe(404);
    expect((await get('investigator', `/early-intervention/alerts/${carol.id}`)).statusCode).toBe(404);
    expect((await get('investigator', '/early-intervention')).statusCode).toBe(404);
  });
});

describe('rules and the workflow, with JavaScript off', () => {
  it('previews a rule, saves it switched off, switches it on, and versions an edit', async () => {
    const c = client('aa');
    const form = await c.get('/early-intervention/rules/new');
    expect(form.statusCode).toBe(200);
    const fields = {
      name: 'Repeated allegations',
      signalKinds: 'conduct_allegation',
      windowDays: '365',
      warningLevel: '2',
      criticalLevel: '3',
    };
    const preview = await c.post('/early-intervention/rules', { ...fields, intent: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toMatch(/would alert on <strong>2 people<\/strong>/);
    const saved = await c.post('/early-intervention/rules', { ...fields, intent: 'save' });
    expect(saved.statusCode).toBe(303);
    const ruleUrl = saved.headers.location?.split('?')[0] ?? '';
    const page = await c.get(ruleUrl);
    expect(page.body).toContain('switched off');
    const on = await c.post(`${ruleUrl}/switch`, { active: 'true', version: '1' });
    expect(on.statusCode).toBe(303);
    const edited = await c.post(ruleUrl, { ...fields, warningLevel: '1', version: '1' });
    expect(edited.statusCode).toBe(303);
    const rows = await t.database.query<{ version: number; superseded: boolean; active: boolean }>(
      `select version, superseded, active from ei_rules where name = 'Repeated allegations' order by version`,
    );
    expect(rows).toEqual([
      { version: 1, superseded: true, active: true },
      { version: 2, superseded: false, active: true },
    ]);
    const bad = await c.post('/early-intervention/rules', { ...fields, warningLevel: '4', intent: 'save' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The critical level must be at least the warning level');
  });

  it('moves an alert, plans an intervention, and closes another as a false positive, which shows beside the rule', async () => {
    const c = client('aa');
    const erin = w.alertOf(w.people.erin.id);
    const ack = await c.post(`/early-intervention/alerts/${erin.id}/move`, { to: 'acknowledged', version: '1' });
    expect(ack.statusCode).toBe(303);
    await c.post(`/early-intervention/alerts/${erin.id}/move`, { to: 'under_assessment', version: '2' });
    await c.post(`/early-intervention/alerts/${erin.id}/move`, { to: 'intervention_planned', version: '3' });
    const plan = await c.post(`/early-intervention/alerts/${erin.id}/interventions`, {
      kind: 'mentoring',
      owner: 'Sgt Patel',
      'dueOn-day': '1',
      'dueOn-month': '4',
      'dueOn-year': '2026',
    });
    expect(plan.statusCode).toBe(303);
    const page = await c.get(`/early-intervention/alerts/${erin.id}`);
    expect(page.body).toContain('Sgt Patel');
    expect(page.body).toContain('Intervention planned');

    const bob = w.alertOf(w.people.bob.id);
    const noReason = await c.post(`/early-intervention/alerts/${bob.id}/move`, { to: 'false_positive', version: '1' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Give the reason');
    const skip = await c.post(`/early-intervention/alerts/${bob.id}/move`, { to: 'closed', version: '1' });
    expect(skip.statusCode).toBe(422);
    const fp = await c.post(`/early-intervention/alerts/${bob.id}/move`, {
      to: 'false_positive',
      reason: 'Named in error by the reporter',
      version: '1',
    });
    expect(fp.statusCode).toBe(303);
    const rules = await c.get('/early-intervention/rules');
    expect(rules.body).toMatch(/100% \(1 of 1\)/);
    // A closed alert is not raised again on the same events.
    await runEarlyIntervention(t.deps, systemActor('test', 'west'), {
      forceId: 'west',
      today: EI_TODAY,
      trigger: 'test',
    });
    const bobs = await t.database.query<{ state: string }>(
      `select state from ei_alerts where rule_key = $1 and person_id = $2`,
      [w.rule.ruleKey, w.people.bob.id],
    );
    expect(bobs).toEqual([{ state: 'false_positive' }]);
  });
});

describe('signals', () => {
  it('counts an adverse vetting decision, and never a decision without a person', async () => {
    const decider = w.accounts.aa.user.id;
    await t.database.query(
      `insert into vetting_decisions (force_id, person_id, outcome, decided_on, decision_maker_user_id, rationale, document)
       values ('west', $1, 'refuse', '2026-02-01', $2, 'Undisclosed debts', '{}'), ('west', $1, 'grant', '2026-02-02', $2, 'Fine', '{}'),
              ('west', null, 'refuse', '2026-02-03', $2, 'An applicant', '{}')`,
      [w.people.gina.id, decider],
    );
    const signals = await loadSignals(t.deps.db, 'west', ['vetting_outcome'], '2025-03-03', EI_TODAY);
    expect(signals.map((s) => [s.personId, s.category, s.ref.type])).toEqual([
      [w.people.gina.id, 'refuse', 'vetting_decision'],
    ]);
  });
});

describe('network and fairness', () => {
  it('draws the co-accused pairs the viewer may see, and none from a restricted case they are not named on', async () => {
    const seen = await get('aa', '/early-intervention/network');
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('<svg');
    expect(seen.body).toMatch(/Carol Calder[\s\S]*Dave Dunmore|Dave Dunmore[\s\S]*Carol Calder/);
    expect(seen.body).toContain('Alice Ashworth');
    const unnamed = await get('aaUnnamed', '/early-intervention/network');
    expect(unnamed.body).not.toContain('Alice Ashworth');
    const pairs = await get('aa', `/early-intervention/network?min=2`);
    expect(pairs.body).toMatch(/<td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>/);
  });

  it('shows the fairness report through the disclosure control', async () => {
    const res = await get('aa', '/early-intervention/fairness');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('People with an alert, by sex');
    expect(res.body).toContain('Relative rate');
  });
});
