import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import {
  allegationRows,
  buildCaseWorld,
  caseInput,
  principalOfWorld,
  snapshot,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from './open-case.ts';
import { progressAllegation } from './progress-allegation.ts';
import type { AllegationActionInput } from './allegation-action-input.ts';
import { STAFF_REFUSAL } from './rules/subject-standing.ts';

/**
 * Who the officer process applies to, through the API as a user meets it (Conduct Regs reg 3, reg 62(6)–(7)):
 * police staff are refused the officer track, and a reduction in rank needs a rank below the one the officer
 * held on the date of the step, from the person record. Today is Monday 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;
let staff = '';
let promoted = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-12-07T11:00:00Z'));
  w = await buildCaseWorld(t);
  const [unit] = await t.database.query<{ unit_id: string }>(`select unit_id from person_postings limit 1`);
  const unitId = unit?.unit_id ?? '';
  staff = (
    await createPerson(t.deps.db, 'west', {
      givenName: 'Sam',
      familyName: 'Staffer',
      personType: 'staff',
      postings: [{ rank: 'Grade 4', role: 'Control room operator', unitId, validFrom: '2018-01-01' }],
    })
  ).id;
  // A constable until the end of June 2026, a sergeant from 1 July 2026.
  promoted = (
    await createPerson(t.deps.db, 'west', {
      givenName: 'Pat',
      familyName: 'Promoted',
      postings: [
        { rank: 'Constable', role: 'Response officer', unitId, validFrom: '2012-01-01', validTo: '2026-06-30' },
        { rank: 'Sergeant', role: 'Response sergeant', unitId, validFrom: '2026-07-01' },
      ],
    })
  ).id;
});

afterAll(async () => {
  await t?.close();
});

/** Opens a case on one subject and takes its allegation to a gross misconduct finding on `findingOn`. */
async function toFinding(personId: string, findingOn: string): Promise<{ caseId: string }> {
  const aa = principalOfWorld(w, 'aa');
  const opened = await openCase(t.deps, aa, caseInput([personId], { cameToAttentionOn: '2026-03-02' }), null);
  const steps: [AllegationActionInput, string][] = [
    [
      {
        type: 'assess_severity',
        severity: 'gross_misconduct',
        rationale: 'If proved this would be gross misconduct.',
        finalWrittenWarningInForce: false,
        multipleUnconnectedIncidents: false,
      },
      '2026-03-03',
    ],
    [{ type: 'start_investigation', plan: '' }, '2026-03-04'],
    [{ type: 'serve_reg17_notice' }, '2026-03-05'],
    [{ type: 'submit_report', summary: 'The messages were sent by the officer.' }, '2026-05-04'],
    [{ type: 'decide_case_to_answer', outcome: 'gross_misconduct', rationale: 'Case to answer.' }, '2026-05-05'],
    [{ type: 'schedule_hearing', date: findingOn, inPublic: true, panel: '' }, '2026-05-06'],
    [{ type: 'record_finding', finding: 'gross_misconduct' }, findingOn],
  ];
  for (const [action, occurredOn] of steps) {
    const [a] = await allegationRows(t, opened.id);
    if (!a) throw new Error('no allegation');
    await progressAllegation(
      t.deps,
      aa,
      { caseId: opened.id, allegationId: a.id, version: a.version, occurredOn, action },
      null,
    );
  }
  return { caseId: opened.id };
}

async function sanction(caseId: string, occurredOn: string) {
  const [a] = await allegationRows(t, caseId);
  if (!a) throw new Error('no allegation');
  return api(t.app, 'POST', `/api/v1/cases/${caseId}/allegations/${a.id}/actions`, w.tokens.aa, {
    version: a.version,
    occurredOn,
    action: { type: 'record_sanction', sanction: 'reduction_in_rank', exceptionalCircumstances: 'Long service.' },
  });
}

describe('who the officer process applies to', () => {
  it('refuses to open a conduct case on a member of police staff, saying why, and writes nothing (Conduct Regs reg 3)', async () => {
    const before = await snapshot(t);
    const res = await api(t.app, 'POST', '/api/v1/cases', w.tokens.aa, caseInput([w.people.gina.id, staff]));
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().error.fields?.['subjectPersonIds']).toBe(`Sam Staffer: ${STAFF_REFUSAL}`);
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses a reduction in rank for a constable (no lower rank) and writes nothing (Conduct Regs reg 62(6))', async () => {
    const { caseId } = await toFinding(w.people.gina.id, '2026-09-14');
    const before = await snapshot(t);
    const res = await sanction(caseId, '2026-09-14');
    expect(res.statusCode).toBe(422);
    expect(res.json<ApiError>().error.message).toMatch(/Reduction in rank is not available/);
    expect(await snapshot(t)).toBe(before);
  });

  it('takes the rank held on the date of the step: a sergeant since July may be reduced for a September step, not for a June one', async () => {
    const june = await toFinding(promoted, '2026-06-15');
    const refused = await sanction(june.caseId, '2026-06-15');
    expect(refused.statusCode).toBe(422);
    const september = await toFinding(promoted, '2026-09-14');
    const accepted = await sanction(september.caseId, '2026-09-14');
    expect(accepted.statusCode).toBe(200);
    const [row] = await t.database.query<{ sanction: string }>(
      `select facts -> 'track' ->> 'sanction' as sanction from allegations where case_id = $1`,
      [september.caseId],
    );
    expect(row?.sanction).toBe('reduction_in_rank');
  });
});
