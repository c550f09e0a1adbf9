import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  allegationRows,
  as,
  buildCaseWorld,
  caseInput,
  dateFields,
  principalOfWorld,
  snapshot,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from '../misconduct/open-case.ts';
import { allocateCase } from '../misconduct/allocate-case.ts';
import { progressAllegation } from '../misconduct/progress-allegation.ts';
import type { AllegationActionInput } from '../misconduct/allegation-action-input.ts';
import { migrationsFolder } from '../../db/client.ts';

/**
 * Clocks under control (issue 17): every clock is met or superseded by the step that ends it (the table in
 * misconduct/rules/clock-endings.ts), and a person can extend, pause, resume, stop or mark done one, as the
 * role the law gives it, with the reason and the new due date on the case timeline.
 * Today is Monday 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-12-07T11:00:00Z'));
  w = await buildCaseWorld(t);
});

afterAll(async () => {
  await t?.close();
});

type Step = [AllegationActionInput, string];

const investigation: Step[] = [
  [
    {
      type: 'assess_severity',
      severity: 'gross_misconduct',
      rationale: 'If proved this would justify dismissal.',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    },
    '2026-03-03',
  ],
  [{ type: 'start_investigation', plan: '' }, '2026-03-04'],
  [{ type: 'serve_reg17_notice', servedOn: '2026-03-05' }, '2026-03-05'],
];
const toHearing: Step[] = [
  ...investigation,
  [{ type: 'submit_report', summary: 'The officer posted the messages.' }, '2026-09-01'],
  [{ type: 'decide_case_to_answer', outcome: 'gross_misconduct', rationale: 'Case to answer.' }, '2026-09-02'],
  [{ type: 'schedule_hearing', date: '2026-12-01', inPublic: true, panel: '' }, '2026-11-10'],
];

async function caseAt(steps: Step[]) {
  const aa = principalOfWorld(w, 'aa');
  const opened = await openCase(t.deps, aa, caseInput([w.people.carol.id], { cameToAttentionOn: '2026-03-02' }), null);
  // The lead investigator may see the case (need-to-know), so a refusal of theirs is about their role.
  await allocateCase(t.deps, aa, { caseId: opened.id, version: 1, leadInvestigatorId: w.accounts.lead.user.id }, null);
  for (const step of steps) await take(opened.id, step);
  const [a] = await allegationRows(t, opened.id);
  if (!a) throw new Error('no allegation');
  return { caseId: opened.id, allegationId: a.id };
}

async function take(caseId: string, [action, occurredOn]: Step) {
  const [a] = await allegationRows(t, caseId);
  if (!a) throw new Error('no allegation');
  return progressAllegation(
    t.deps,
    principalOfWorld(w, 'aa'),
    { caseId, allegationId: a.id, version: a.version, occurredOn, action },
    null,
  );
}

async function clockOf(caseId: string, period: string) {
  const rows = await t.database.query<{ id: string; state: string; due_on: string; met_on: string | null }>(
    `select id, state, due_on::text, met_on::text from clocks where case_id = $1 and period = $2 order by started_on desc`,
    [caseId, period],
  );
  const row = rows[0];
  if (!row) throw new Error(`no ${period} clock`);
  return row;
}

describe('every clock is ended by the step that ends it', () => {
  it('supersedes the officer’s statement clock when the report is submitted, and says so on the timeline', async () => {
    const { caseId } = await caseAt(investigation);
    expect((await clockOf(caseId, 'reg18_representations')).state).toBe('running');
    const done = await take(caseId, [
      { type: 'submit_report', summary: 'The officer posted the messages.' },
      '2026-09-01',
    ]);
    expect(done.effects).toContain('Officer’s statement or documents to the investigator: superseded by this step');
    const clock = await clockOf(caseId, 'reg18_representations');
    expect(clock).toMatchObject({ state: 'superseded', met_on: '2026-09-01' });
    const page = await as(t, w, 'aa').get(`/cases/${caseId}`);
    expect(page.body).toContain('Time limit superseded');
    expect(page.body).toContain('Superseded: submit the investigation report');
  });

  it('meets the pre-hearing clock with the hearing’s finding, and supersedes it when the hearing is withdrawn', async () => {
    const held = await caseAt(toHearing);
    expect((await clockOf(held.caseId, 'pre_hearing')).state).toBe('running');
    await take(held.caseId, [{ type: 'record_finding', finding: 'gross_misconduct' }, '2026-12-01']);
    expect(await clockOf(held.caseId, 'pre_hearing')).toMatchObject({ state: 'met', met_on: '2026-12-01' });

    const withdrawn = await caseAt(toHearing);
    await take(withdrawn.caseId, [
      { type: 'withdraw', route: 'no_further_action', rationale: 'The complainant withdrew the evidence.' },
      '2026-11-20',
    ]);
    expect((await clockOf(withdrawn.caseId, 'pre_hearing')).state).toBe('superseded');
  });
});

describe('acting on a clock', () => {
  it('extends the pre-hearing (extendable) through the page, with the reason and new due date on the timeline', async () => {
    const { caseId } = await caseAt(toHearing);
    const clock = await clockOf(caseId, 'pre_hearing');
    const aa = as(t, w, 'aa');
    const casePage = await aa.get(`/cases/${caseId}`);
    expect(casePage.body).toContain(`/cases/${caseId}/clocks/${clock.id}`);
    const url = `/cases/${caseId}/clocks/${clock.id}`;
    const form = await aa.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Extend the time limit');

    // A date before the current due date is refused with the field named, and nothing changes.
    const early = await aa.post(
      url,
      { action: 'extend', reason: 'The chair agreed', ...dateFields('newDueOn', '2026-11-01') },
      url,
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The new due date must be after the current one');
    expect((await clockOf(caseId, 'pre_hearing')).due_on).toBe(clock.due_on);

    const res = await aa.post(
      url,
      {
        action: 'extend',
        reason: 'The chair extended it at the officer’s request',
        ...dateFields('newDueOn', '2027-01-15'),
      },
      url,
    );
    expect(res.statusCode).toBe(303);
    expect(await clockOf(caseId, 'pre_hearing')).toMatchObject({ state: 'running', due_on: '2027-01-15' });
    const page = await aa.get(`/cases/${caseId}`);
    expect(page.body).toContain('Time limit extended');
    expect(page.body).toContain('The chair extended it at the officer’s request');
    expect(page.body).toContain('15 January 2027');
    const audit = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'clock.extended' and subject_id = $1`,
      [clock.id],
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('refuses an extension the regulations do not allow (422), and one by an investigator without the role (404)', async () => {
    const { caseId } = await caseAt(investigation);
    const reg18 = await clockOf(caseId, 'reg18_representations');
    const body = { action: 'extend', newDueOn: '2027-02-01', reason: 'The officer asked for more time' };
    const refused = await api(t.app, 'POST', `/api/v1/cases/${caseId}/clocks/${reg18.id}/actions`, w.tokens.aa, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('do not allow this time limit to be extended');

    const pcc = await clockOf(caseId, 'pcc_report_first');
    const before = await snapshot(t, false);
    const byLead = await api(t.app, 'POST', `/api/v1/cases/${caseId}/clocks/${pcc.id}/actions`, w.tokens.lead, {
      action: 'stop',
      reason: 'Not needed any more',
    });
    expect(byLead.statusCode).toBe(404);
    expect(await snapshot(t, false)).toBe(before);
  });

  it('pauses a clock with a reason (off the deadline lists) and resumes it', async () => {
    const { caseId } = await caseAt(investigation);
    const pcc = await clockOf(caseId, 'pcc_report_first');
    const call = (body: unknown) =>
      api(t.app, 'POST', `/api/v1/cases/${caseId}/clocks/${pcc.id}/actions`, w.tokens.aa, body);
    const paused = await call({ action: 'pause', reason: 'Awaiting the IOPC’s direction' });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ state: 'paused', dueOn: pcc.due_on });
    const again = await call({ action: 'pause', reason: 'Awaiting the IOPC’s direction' });
    expect(again.statusCode).toBe(422);
    const resumed = await call({ action: 'resume' });
    expect(resumed.json()).toMatchObject({ state: 'running', dueOn: pcc.due_on });
    const page = await as(t, w, 'aa').get(`/cases/${caseId}`);
    expect(page.body).toContain('Time limit paused');
    expect(page.body).toContain('Awaiting the IOPC’s direction');
  });

  it('marks a barred list return as sent: the return records the day and its clock is met', async () => {
    const { caseId } = await caseAt(toHearing);
    await take(caseId, [{ type: 'record_finding', finding: 'gross_misconduct' }, '2026-12-01']);
    await take(caseId, [{ type: 'record_sanction', sanction: 'dismissal_without_notice' }, '2026-12-01']);
    const clock = await clockOf(caseId, 'barred_list_return');
    expect(clock.state).not.toBe('met');
    const byLead = await api(t.app, 'POST', `/api/v1/cases/${caseId}/clocks/${clock.id}/actions`, w.tokens.lead, {
      action: 'mark_met',
    });
    expect(byLead.statusCode).toBe(404);
    const res = await api(t.app, 'POST', `/api/v1/cases/${caseId}/clocks/${clock.id}/actions`, w.tokens.aa, {
      action: 'mark_met',
      metOn: '2026-12-04',
      reason: 'Sent to the College of Policing by secure email',
    });
    expect(res.statusCode).toBe(200);
    const { listReturnId } = res.json<{ listReturnId: string }>();
    expect(listReturnId).toBeTruthy();
    const [ret] = await t.database.query<{ submitted_on: string }>(
      `select submitted_on::text from list_returns where id = $1`,
      [listReturnId],
    );
    expect(ret?.submitted_on).toBe('2026-12-04');
    expect(await clockOf(caseId, 'barred_list_return')).toMatchObject({ state: 'met', met_on: '2026-12-04' });
  });
});

describe('the repair migration (0036_casework-clock-repair)', () => {
  it('closes clocks of finished stages left running by the old code, with a timeline entry', async () => {
    const report = await caseAt([
      ...investigation,
      [{ type: 'submit_report', summary: 'The officer posted the messages.' }, '2026-09-01'],
    ]);
    const hearing = await caseAt(toHearing);
    await take(hearing.caseId, [{ type: 'record_finding', finding: 'gross_misconduct' }, '2026-12-01']);
    // The data as the old code left it: both clocks still running, nothing on the timeline.
    const repaired: string[] = [];
    for (const [caseId, period] of [
      [report.caseId, 'reg18_representations'],
      [hearing.caseId, 'pre_hearing'],
    ] as const) {
      const k = await clockOf(caseId, period);
      repaired.push(k.id);
      await t.database.query(`delete from clock_events where clock_id = $1`, [k.id]);
      await t.database.query(`update clocks set state = 'running', met_on = null, ended_reason = null where id = $1`, [
        k.id,
      ]);
    }
    const file = fs.readdirSync(migrationsFolder).find((f) => f.endsWith('_casework-clock-repair.sql'));
    if (!file) throw new Error('no repair migration');
    const sqlText = fs.readFileSync(path.join(migrationsFolder, file), 'utf8');
    for (const statement of sqlText.split('--> statement-breakpoint')) await t.database.query(statement);

    expect(await clockOf(report.caseId, 'reg18_representations')).toMatchObject({
      state: 'superseded',
      met_on: '2026-09-01',
    });
    expect(await clockOf(hearing.caseId, 'pre_hearing')).toMatchObject({ state: 'met', met_on: '2026-12-01' });
    const events = await t.database.query<{ kind: string }>(
      `select kind from clock_events where clock_id in ($1, $2) order by kind`,
      repaired,
    );
    expect(events.map((e) => e.kind)).toEqual(['met', 'superseded']);
  });
});
