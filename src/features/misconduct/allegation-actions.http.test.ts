import { describe, expect, it } from 'vitest';
import { ACTION_TYPES } from './rules/allegation-types.ts';
import { progressAllegation } from './progress-allegation.ts';
import {
  allegationRows,
  as,
  dateFields,
  principalOfWorld,
  snapshot,
  type Who,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  t,
  w,
  useCaseActionsWorld,
  actionUrl,
  assess,
  firstAllegation,
} from '../../../test/fixtures/misconduct/case-actions.http-fixtures.ts';

/** The forms that move allegations, one or several at once. */
useCaseActionsWorld();

describe('the journey: ten subjects moved quickly', () => {
  it('opens a case with three subjects by collar number, then assesses all three at once', async () => {
    const client = as(t, w, 'aa');
    const opened = await client.post(
      '/cases/new',
      {
        source: 'data_check',
        caseType: 'conduct_matter',
        ...dateFields('cameToAttentionOn', '2025-01-15'),
        summary: 'Chat group found by a data wash',
        confidentiality: 'normal',
        subjects: '7002\n7003\n7004',
        categoryCode: 'discrimination.race',
        standards: ['equality_diversity'],
        description: 'Racist messages in a chat group of the shift.',
      },
      '/cases/new',
    );
    expect(opened.statusCode).toBe(303);
    const caseId = (opened.headers.location ?? '').split('/')[2] ?? '';
    const [erin, frank, gina] = await allegationRows(t, caseId);
    if (!erin || !frank || !gina) throw new Error('three allegations expected');
    expect([erin.given_name, frank.given_name, gina.given_name]).toEqual(['Erin', 'Frank', 'Gina']);

    const casePage = await client.get(`/cases/${caseId}`);
    const url = actionUrl(caseId, erin.id, 'assess_severity');
    expect(casePage.body).toContain(`href="${url}"`);
    const form = await client.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Apply the same action to other allegations in this case that are in the same state');
    expect(form.body).toContain(`value="${frank.id}:1"`);
    expect(form.body).toContain(`value="${gina.id}:1"`);
    expect(form.body).not.toContain(`value="${erin.id}:1"`);

    const res = await client.post(url, assess(1, { others: [`${frank.id}:1`, `${gina.id}:1`] }), url);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}`);
    const after = await allegationRows(t, caseId);
    expect(after.map((r) => [r.given_name, r.state, r.version])).toEqual([
      ['Erin', 'assessed_misconduct', 2],
      ['Frank', 'assessed_misconduct', 2],
      ['Gina', 'assessed_misconduct', 2],
    ]);
    const events = await t.database.query<{ n: number }>(
      `select count(*)::int as n from allegation_events where case_id = $1 and action = 'assess_severity'`,
      [caseId],
    );
    expect(events[0]?.n).toBe(3);
    const page = (await client.get(`/cases/${caseId}`)).body;
    expect(page.match(/Assessed as misconduct<\/strong>/g)).toHaveLength(3);
    // One timeline entry for the one action applied to three allegations, naming every subject.
    expect(page.match(/Assess severity: /g)).toHaveLength(1);
    expect(page).toContain('Assess severity: Erin Eastwood, Frank Fairley, Gina Garside');
    expect(page).toContain('moj-timeline');
    expect(page).toContain('Shared offensive images: if proved');
  });
});

describe('an action form', () => {
  it('renders every action’s form with labelled controls and the hidden version', async () => {
    const a = await firstAllegation(w.normal.id);
    for (const action of ACTION_TYPES) {
      const res = await as(t, w, 'aa').get(actionUrl(w.normal.id, a.id, action));
      expect(res.statusCode, action).toBe(200);
      expect(res.body).toContain(`name="version" value="${a.version}"`);
      expect(res.body).toContain('name="occurredOn-day"');
      expect(res.body).not.toContain('style=');
    }
    const hearing = (await as(t, w, 'aa').get(actionUrl(w.normal.id, a.id, 'schedule_hearing'))).body;
    expect(hearing).toMatch(/name="inPublic" type="checkbox" value="yes" checked/);
    expect(hearing).toContain('This step is not available for this allegation now');
    expect((await as(t, w, 'aa').get(actionUrl(w.normal.id, a.id, 'fly_to_the_moon'))).statusCode).toBe(404);
  });

  it('names each field in error, keeps the values and writes nothing', async () => {
    const a = await firstAllegation(w.normal.id);
    const url = actionUrl(w.normal.id, a.id, 'assess_severity');
    const before = await snapshot(t, false);
    const res = await as(t, w, 'aa').post(
      url,
      { version: String(a.version), severity: '', rationale: 'short', ...dateFields('occurredOn', '2025-13-40') },
      url,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose the severity');
    expect(res.body).toContain('Give the reasons for the assessment in at least 10 characters');
    expect(res.body).toContain('The date it happened must be a real date');
    expect(res.body).toContain('href="#severity"');
    expect(res.body).toContain('href="#occurredOn-day"');
    expect(res.body).toContain('>short</textarea>');
    expect(await snapshot(t, false)).toBe(before);
  });

  it('answers a transition the workflow refuses with 422 and its reason, writing nothing', async () => {
    const a = await firstAllegation(w.normal.id);
    const url = actionUrl(w.normal.id, a.id, 'schedule_meeting');
    const before = await snapshot(t, false);
    const res = await as(t, w, 'aa').post(
      url,
      { version: String(a.version), ...dateFields('date', '2026-12-01') },
      url,
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain(
      'Arrange a misconduct meeting is not possible while the allegation is received and not yet assessed',
    );
    expect(await snapshot(t, false)).toBe(before);
  });

  it('answers a stale version with 409 and writes nothing', async () => {
    const a = await firstAllegation(w.normal.id);
    const url = actionUrl(w.normal.id, a.id, 'assess_severity');
    const before = await snapshot(t, false);
    const res = await as(t, w, 'aa').post(url, assess(a.version + 5), url);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Someone else changed this record since you opened it');
    expect(await snapshot(t, false)).toBe(before);
  });

  it('stops at the first refusal among the chosen allegations and says what was done', async () => {
    const caseId = w.restricted.id;
    const aa = principalOfWorld(w, 'aa');
    const [alice, bob] = await allegationRows(t, caseId);
    if (!alice || !bob) throw new Error('two allegations expected');
    // Alice has a final written warning in force, so her misconduct cannot go to a meeting (§2.9).
    const steps = async (id: string, fww: boolean) => {
      let version = 1;
      const go = async (action: Parameters<typeof progressAllegation>[2]['action']) => {
        version = (await progressAllegation(t.deps, aa, { caseId, allegationId: id, version, action }, null)).version;
      };
      await go({
        type: 'assess_severity',
        severity: 'misconduct',
        rationale: 'Misconduct if proved, on the evidence.',
        finalWrittenWarningInForce: fww,
      });
      await go({ type: 'start_investigation' });
      await go({ type: 'submit_report', summary: 'The messages were sent as alleged.' });
      await go({
        type: 'decide_case_to_answer',
        outcome: 'misconduct',
        rationale: 'The report shows a case to answer.',
      });
      return version;
    };
    const aliceVersion = await steps(alice.id, true);
    const bobVersion = await steps(bob.id, false);
    const url = actionUrl(caseId, bob.id, 'schedule_meeting');
    const form = await as(t, w, 'aa').get(url);
    expect(form.body).toContain(`value="${alice.id}:${aliceVersion}"`);
    const res = await as(t, w, 'aa').post(
      url,
      { version: String(bobVersion), ...dateFields('date', '2026-12-01'), others: [`${alice.id}:${aliceVersion}`] },
      url,
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('done for Bob Bramley');
    expect(res.body).toContain('Not done for Alice Ashworth: A final written warning is in force');
    expect(res.body).toContain(`action="${actionUrl(caseId, alice.id, 'schedule_meeting')}"`);
    const rows = await allegationRows(t, caseId);
    expect(rows.map((r) => [r.given_name, r.state])).toEqual([
      ['Alice', 'case_to_answer_misconduct'],
      ['Bob', 'meeting_scheduled'],
    ]);
  });

  it('sends a visitor who is not signed in to sign in, for the form and its post', async () => {
    const a = await firstAllegation(w.normal.id);
    const url = actionUrl(w.normal.id, a.id, 'assess_severity');
    expect((await as(t, w, null).get(url)).statusCode).toBe(303);
    const before = await snapshot(t);
    const res = await as(t, w, null).post(url, assess(a.version));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in/);
    expect(await snapshot(t)).toBe(before);
  });

  it('answers 404 without need-to-know or without the ability the action needs, and changes nothing', async () => {
    const restricted = await firstAllegation(w.restricted.id);
    const normal = await firstAllegation(w.normal.id);
    const refused: [Who, string, { id: string; version: number }][] = [
      ['outsider', w.restricted.id, restricted],
      ['aaUnnamed', w.restricted.id, restricted],
      ['east', w.restricted.id, restricted],
      ['pcc', w.restricted.id, restricted],
      ['aaSubject', w.normal.id, normal],
      ['named', w.restricted.id, restricted],
    ];
    const before = await snapshot(t);
    for (const [who, caseId, a] of refused) {
      const url = actionUrl(caseId, a.id, 'assess_severity');
      expect((await as(t, w, who).get(url)).statusCode, `${who} GET`).toBe(404);
      expect((await as(t, w, who).post(url, assess(a.version))).statusCode, `${who} POST`).toBe(404);
    }
    expect(await snapshot(t)).toBe(before);
  });
});
