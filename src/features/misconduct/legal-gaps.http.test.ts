import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { caseWorldOn7December2026, openCaseThrough, type Step } from '../../../test/support/conduct-case-world.ts';
import { snapshot, type CaseWorld } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import type { AllegationActionInput } from './allegation-action-input.ts';

/**
 * The "missing — add" rules of the 2026 legal review, as a user meets them through the API.
 * Today is Monday 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  ({ t, w } = await caseWorldOn7December2026());
});

afterAll(async () => {
  await t?.close();
});

/** Opens a case for Alice and takes the steps through the use case, returning the case and allegation ids. */
async function caseAt(cameToAttentionOn: string, steps: Step[]) {
  const { caseId, allegations } = await openCaseThrough(t, w, [w.people.alice.id], steps, { cameToAttentionOn });
  const [a] = allegations;
  if (!a) throw new Error('no allegation');
  return { caseId, allegation: a };
}

const act = (caseId: string, allegationId: string, body: unknown) =>
  api(t.app, 'POST', `/api/v1/cases/${caseId}/allegations/${allegationId}/actions`, w.tokens.aa, body);

const toMeeting: [AllegationActionInput, string][] = [
  [
    {
      type: 'assess_severity',
      severity: 'misconduct',
      rationale: 'If proved this would be misconduct.',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    },
    '2026-03-03',
  ],
  [{ type: 'start_investigation', plan: '' }, '2026-03-04'],
  [{ type: 'submit_report', summary: 'The officer swore at a member of the public.' }, '2026-06-01'],
  [{ type: 'decide_case_to_answer', outcome: 'misconduct', rationale: 'Case to answer for misconduct.' }, '2026-06-02'],
  [{ type: 'schedule_meeting', date: '2026-07-01' }, '2026-06-03'],
];

describe('appeal after admitted misconduct (Conduct Regs reg 45)', () => {
  it('records the admission at the July 2026 meeting and refuses overturning the finding on appeal, writing nothing', async () => {
    const { caseId, allegation } = await caseAt('2026-03-02', toMeeting);
    let res = await act(caseId, allegation.id, {
      version: allegation.version,
      occurredOn: '2026-07-01',
      action: { type: 'record_finding', finding: 'misconduct', admitted: true },
    });
    expect(res.statusCode).toBe(200);
    let version = res.json<{ version: number }>().version;
    for (const [action, occurredOn] of [
      [{ type: 'record_sanction', sanction: 'written_warning' }, '2026-07-01'],
      [{ type: 'lodge_appeal', grounds: 'The written warning is too severe.' }, '2026-07-06'],
    ] as const) {
      res = await act(caseId, allegation.id, { version, occurredOn, action });
      expect(res.statusCode).toBe(200);
      version = res.json<{ version: number }>().version;
    }
    const before = await snapshot(t);
    res = await act(caseId, allegation.id, {
      version,
      occurredOn: '2026-07-20',
      action: { type: 'decide_appeal', outcome: 'finding_overturned' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<ApiError>().error.message).toMatch(/sanction only.*Conduct Regs reg 45/);
    expect(await snapshot(t)).toBe(before);
    res = await act(caseId, allegation.id, {
      version,
      occurredOn: '2026-07-20',
      action: { type: 'decide_appeal', outcome: 'dismissed' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('an indictable-only conviction forces gross misconduct (SI 2025/558)', () => {
  it('refuses a misconduct assessment of a July 2025 matter after recording a conviction on 3 November 2025, writing nothing', async () => {
    const { caseId, allegation } = await caseAt('2025-07-01', []);
    const criminal = await api(t.app, 'POST', `/api/v1/cases/${caseId}/criminal-proceedings`, w.tokens.aa, {
      subjectId: allegation.subject_id,
      kind: 'court_outcome',
      occurredOn: '2025-11-03',
      details: 'Convicted at the Crown Court of robbery',
      indictableOnlyConviction: true,
    });
    expect(criminal.statusCode).toBe(201);
    const assess = (severity: string) =>
      act(caseId, allegation.id, {
        version: allegation.version,
        occurredOn: '2025-11-10',
        action: {
          type: 'assess_severity',
          severity,
          rationale: 'The officer was convicted at the Crown Court.',
          finalWrittenWarningInForce: false,
          multipleUnconnectedIncidents: false,
        },
      });
    const before = await snapshot(t);
    const refused = await assess('misconduct');
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ApiError>().error.message).toMatch(
      /convicted of an indictable-only offence on 2025-11-03.*SI 2025\/558/,
    );
    expect(await snapshot(t)).toBe(before);
    expect((await assess('gross_misconduct')).statusCode).toBe(200);
  });

  it('refuses a conviction flag on a step that is not a court outcome', async () => {
    const { caseId, allegation } = await caseAt('2025-07-01', []);
    const res = await api(t.app, 'POST', `/api/v1/cases/${caseId}/criminal-proceedings`, w.tokens.aa, {
      subjectId: allegation.subject_id,
      kind: 'charge',
      occurredOn: '2025-09-01',
      indictableOnlyConviction: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().error.fields?.['indictableOnlyConviction']).toBe(
      'A conviction is recorded with a court outcome',
    );
  });
});

describe('accelerated hearing timing (Conduct Regs reg 52(1))', () => {
  const assessGross: [AllegationActionInput, string] = [
    {
      type: 'assess_severity',
      severity: 'gross_misconduct',
      rationale: 'If proved this would be gross misconduct.',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    },
    '2026-10-30',
  ];

  it('refuses a hearing on 30 November 2026 after a notice on 2 November, naming 16–23 November, then starts the clock due 23 November', async () => {
    const { caseId, allegation } = await caseAt('2026-10-29', [assessGross]);
    const schedule = (date: string) =>
      act(caseId, allegation.id, {
        version: allegation.version,
        occurredOn: '2026-11-02',
        action: { type: 'schedule_accelerated_hearing', date, specialConditionsCertified: true },
      });
    const before = await snapshot(t);
    const refused = await schedule('2026-11-30');
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().error.fields?.['date']).toBe(
      'An accelerated hearing must be held between 16 November 2026 and 23 November 2026: not less than 10 nor more than 15 working days after the regulation 51 notice given on 2 November 2026 (Conduct Regs reg 52(1))',
    );
    expect(await snapshot(t)).toBe(before);
    const ok = await schedule('2026-11-20');
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ effects: string[] }>().effects).toContain('clock accelerated_hearing due 2026-11-23');
  });
});

describe('final written warning length (Conduct Regs reg 62(4), reg 42(4))', () => {
  it('records a 3-year final written warning notified on 15 July 2026, last in force on 14 July 2029; refuses 6 years', async () => {
    const { caseId, allegation } = await caseAt('2026-03-02', [
      ...toMeeting,
      [{ type: 'record_finding', finding: 'misconduct' }, '2026-07-01'],
    ]);
    const sanction = (action: Record<string, unknown>) =>
      act(caseId, allegation.id, {
        version: allegation.version,
        occurredOn: '2026-07-15',
        action: { type: 'record_sanction', ...action },
      });
    const before = await snapshot(t);
    const tooLong = await sanction({ sanction: 'final_written_warning', finalWrittenWarningYears: 6 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<ApiError>().error.fields?.['action.finalWrittenWarningYears']).toBe(
      'A final written warning is in force for 2 to 5 years',
    );
    const notFww = await sanction({ sanction: 'written_warning', finalWrittenWarningYears: 3 });
    expect(notFww.statusCode).toBe(422);
    expect(notFww.json<ApiError>().error.message).toMatch(/only for a final written warning.*reg 62\(4\)/);
    expect(await snapshot(t)).toBe(before);
    const ok = await sanction({ sanction: 'final_written_warning', finalWrittenWarningYears: 3 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ effects: string[] }>().effects).toContain('clock final_written_warning_expiry due 2029-07-14');
  });
});
