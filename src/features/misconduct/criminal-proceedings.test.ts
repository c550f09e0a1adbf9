import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, createPerson } from '../../../test/support/factories.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { openCase } from './open-case.ts';
import { progressAllegation } from './progress-allegation.ts';
import { recordCriminalEvent } from './record-criminal-event.ts';
import type { AllegationActionInput } from './allegation-action-input.ts';

let t: TestApp;
let aa: Principal;
let caseId = '';
let allegationId = '';
let subjectId = '';

async function act(action: AllegationActionInput, occurredOn: string) {
  const [row] = await t.database.query<{ version: number }>(`select version from allegations where id = $1`, [
    allegationId,
  ]);
  return progressAllegation(
    t.deps,
    aa,
    { caseId, allegationId, version: row?.version ?? 0, occurredOn, action },
    'test',
  );
}

async function dueOf(period: string): Promise<string | undefined> {
  const [row] = await t.database.query<{ due_on: string }>(
    `select due_on::text from clocks where case_id = $1 and period = $2`,
    [caseId, period],
  );
  return row?.due_on;
}

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-11-25T10:00:00Z'));
  await createForce(t.deps.db, 'west');
  const person = await createPerson(t.deps.db, 'west', { givenName: 'Carl', familyName: 'Charged' });
  aa = (await createAccount(t.deps, { email: 'aa@west.example', role: 'appropriate_authority', forceId: 'west' }))
    .principal;
  const created = await openCase(
    t.deps,
    aa,
    {
      source: 'criminal_investigation',
      caseType: 'conduct_matter',
      cameToAttentionOn: '2026-02-02',
      summary: 'Officer arrested over an off-duty assault',
      subjectPersonIds: [person.id],
      allegation: {
        categoryCode: 'discreditable.vawg',
        standards: ['discreditable_conduct'],
        description: 'Assault on a partner while off duty',
      },
    },
    'test',
  );
  caseId = created.id;
  const [row] = await t.database.query<{ id: string; subject_id: string }>(
    `select id, subject_id from allegations where case_id = $1`,
    [caseId],
  );
  allegationId = row?.id ?? '';
  subjectId = row?.subject_id ?? '';
  await act(
    {
      type: 'assess_severity',
      severity: 'gross_misconduct',
      rationale: 'Violence against a partner',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    },
    '2026-02-03',
  );
  await act({ type: 'start_investigation', plan: 'Parallel with the criminal investigation' }, '2026-02-04');
  await act({ type: 'submit_report', summary: 'Evidence supports the allegation' }, '2026-04-01');
  await act(
    { type: 'decide_case_to_answer', outcome: 'gross_misconduct', rationale: 'Case to answer for gross misconduct' },
    '2026-04-02',
  );
  await act({ type: 'schedule_hearing', date: '2026-06-01', inPublic: true, panel: '' }, '2026-04-06');
});

afterAll(async () => {
  await t?.close();
});

describe('criminal proceedings alongside the conduct case', () => {
  it('pauses the proceedings clocks for a sub judice period, but not the 12-month report to the PCC', async () => {
    const preHearingBefore = await dueOf('pre_hearing');
    expect(preHearingBefore).toBeDefined();
    expect(await dueOf('pcc_report_first')).toBe('2027-02-02');
    const result = await recordCriminalEvent(
      t.deps,
      aa,
      {
        caseId,
        subjectId,
        kind: 'charge',
        occurredOn: '2026-04-10',
        details: 'Charged with assault by beating',
        subJudiceFrom: '2026-04-10',
        subJudiceTo: '2026-07-10',
      },
      'test',
    );
    expect(result.adjustments.map((a) => a.period)).toEqual(['pre_hearing']);
    const after = (await dueOf('pre_hearing')) ?? '';
    expect(after > (preHearingBefore ?? '')).toBe(true);
    expect(await dueOf('pcc_report_first')).toBe('2027-02-02');
    const [row] = await t.database.query<{ paused_days: number }>(
      `select paused_days from clocks where case_id = $1 and period = 'pre_hearing'`,
      [caseId],
    );
    expect(row?.paused_days).toBe(92);
  });

  it('refuses a sub judice period that ends before it starts, writing nothing', async () => {
    const before = await t.database.query(`select 1 from criminal_proceedings`);
    await expect(
      recordCriminalEvent(
        t.deps,
        aa,
        {
          caseId,
          subjectId,
          kind: 'bail',
          occurredOn: '2026-04-11',
          subJudiceFrom: '2026-05-01',
          subJudiceTo: '2026-04-01',
        },
        'test',
      ),
    ).rejects.toThrow(/Check the details/);
    expect(await t.database.query(`select 1 from criminal_proceedings`)).toHaveLength(before.length);
  });
});
