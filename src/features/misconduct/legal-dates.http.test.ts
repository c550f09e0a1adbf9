import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
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
import { openCase } from './open-case.ts';
import { progressAllegation } from './progress-allegation.ts';
import type { AllegationActionInput } from './allegation-action-input.ts';

/**
 * Event dates as a user gives them (legal review, December 2026): the regulation 17 notice's served date starts
 * the representations clock and is printed on the PCC report; impossible chronology is refused with both dates.
 * Today is Monday 7 December 2026; the matter came to attention on Tuesday 1 December 2026.
 */
let t: TestApp;
let w: CaseWorld;
let caseId = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-12-07T11:00:00Z'));
  w = await buildCaseWorld(t);
  const opened = await openCase(
    t.deps,
    principalOfWorld(w, 'aa'),
    caseInput([w.people.gina.id], { cameToAttentionOn: '2026-12-01' }),
    null,
  );
  caseId = opened.id;
});

afterAll(async () => {
  await t?.close();
});

async function allegation() {
  const [a] = await allegationRows(t, caseId);
  if (!a) throw new Error('no allegation');
  return a;
}

async function act(action: AllegationActionInput, occurredOn: string) {
  const a = await allegation();
  return progressAllegation(
    t.deps,
    principalOfWorld(w, 'aa'),
    { caseId, allegationId: a.id, version: a.version, occurredOn, action },
    null,
  );
}

describe('event dates and chronology', () => {
  it('refuses a severity assessment dated 2019 on a matter that came to attention on 1 December 2026, naming both dates (Conduct Regs reg 14)', async () => {
    const a = await allegation();
    const before = await snapshot(t);
    const res = await api(t.app, 'POST', `/api/v1/cases/${caseId}/allegations/${a.id}/actions`, w.tokens.aa, {
      version: a.version,
      occurredOn: '2019-05-01',
      action: { type: 'assess_severity', severity: 'gross_misconduct', rationale: 'If proved this would be gross.' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().error.fields?.['occurredOn']).toBe(
      'The date to assess severity (1 May 2019) is before the matter came to attention (1 December 2026)',
    );
    expect(await snapshot(t)).toBe(before);
  });

  it('starts the reg 18 representations clock from the regulation 17 notice’s served date, 3 December, not the day it is recorded (Conduct Regs reg 17, reg 18)', async () => {
    await act(
      {
        type: 'assess_severity',
        severity: 'gross_misconduct',
        rationale: 'If proved this would be gross.',
        finalWrittenWarningInForce: false,
        multipleUnconnectedIncidents: false,
      },
      '2026-12-01',
    );
    await act({ type: 'start_investigation', plan: '' }, '2026-12-02');
    const a = await allegation();
    const url = `/cases/${caseId}/allegations/${a.id}/actions/serve_reg17_notice`;
    const res = await as(t, w, 'aa').post(
      url,
      { version: String(a.version), ...dateFields('servedOn', '2026-12-03') },
      url,
    );
    expect(res.statusCode).toBe(303);
    const [clock] = await t.database.query<{ started_on: string; due_on: string }>(
      `select started_on::text, due_on::text from clocks where case_id = $1 and period = 'reg18_representations'`,
      [caseId],
    );
    // 10 working days from the first working day after Thursday 3 December: 4, 7 … 17 December (not 21st).
    expect(clock).toEqual({ started_on: '2026-12-03', due_on: '2026-12-17' });
    const report = await as(t, w, 'aa').get(`/cases/${caseId}/pcc-report`);
    expect(report.body).toMatch(/Date of the regulation 17 notice[\s\S]*?3 December 2026/);
  });

  it('refuses a step dated before the step before it, naming both dates, and writes nothing', async () => {
    const a = await allegation();
    const before = await snapshot(t);
    const res = await api(t.app, 'POST', `/api/v1/cases/${caseId}/allegations/${a.id}/actions`, w.tokens.aa, {
      version: a.version,
      occurredOn: '2026-12-02',
      action: { type: 'submit_report', summary: 'The messages were sent by the officer.' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().error.fields?.['occurredOn']).toBe(
      'The date to submit the investigation report (2 December 2026) is before the step before it, “serve the regulation 17 notice”, on 3 December 2026',
    );
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses a finding recorded before the hearing it belongs to (Conduct Regs reg 42)', async () => {
    await act({ type: 'submit_report', summary: 'The messages were sent by the officer.' }, '2026-12-04');
    await act(
      { type: 'decide_case_to_answer', outcome: 'gross_misconduct', rationale: 'Case to answer.' },
      '2026-12-04',
    );
    await act({ type: 'schedule_hearing', date: '2027-01-20', inPublic: true, panel: '' }, '2026-12-04');
    const a = await allegation();
    const before = await snapshot(t);
    const res = await api(t.app, 'POST', `/api/v1/cases/${caseId}/allegations/${a.id}/actions`, w.tokens.aa, {
      version: a.version,
      occurredOn: '2026-12-07',
      action: { type: 'record_finding', finding: 'gross_misconduct' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().error.fields?.['occurredOn']).toBe(
      'A finding cannot be recorded on 7 December 2026, before the meeting or hearing it belongs to on 20 January 2027',
    );
    expect(await snapshot(t)).toBe(before);
  });
});
