import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, createPerson } from '../../../test/support/factories.ts';
import { story } from '../../../test/support/story.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { openCase } from './open-case.ts';
import { progressAllegation } from './progress-allegation.ts';
import { viewCase } from './view-case.ts';
import { recordSubjectLeft } from './record-subject-left.ts';
import type { AllegationActionInput } from './allegation-action-input.ts';

/**
 * The founding scenario at use-case level: ten staff shared discriminatory messages → one case, ten
 * subjects → each allegation on its own track → a dismissal → the barred-list return and its clock.
 */
let t: TestApp;
let aa: Principal;
let outsider: Principal;
const subjects: string[] = [];
let caseId = '';
/**
 * Each test is a chapter of the case's story, from report to outcome: a test run on its own (`-t`) first plays
 * the tests before it (test/support/story.ts).
 */
const it = story();

async function act(allegationId: string, action: AllegationActionInput, occurredOn = '2026-06-01') {
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

async function allegationIds(): Promise<string[]> {
  const rows = await t.database.query<{ id: string }>(
    `select a.id from allegations a join case_subjects s on s.id = a.subject_id join people p on p.id = s.person_id where a.case_id = $1 order by p.family_name`,
    [caseId],
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2027-01-10T10:00:00Z'));
  const west = await createForce(t.deps.db, 'west');
  for (let i = 0; i < 10; i++) {
    const p = await createPerson(t.deps.db, 'west', {
      givenName: `Officer${i}`,
      familyName: `Subject${String(i).padStart(2, '0')}`,
      identifiers: [{ kind: 'warrant', value: `W9000${i}`, validFrom: '2015-01-01' }],
      postings: [{ rank: 'Constable', role: 'Response officer', unitId: west.rootUnitId, validFrom: '2015-01-01' }],
    });
    subjects.push(p.id);
  }
  aa = (await createAccount(t.deps, { email: 'aa@west.example', role: 'appropriate_authority', forceId: 'west' }))
    .principal;
  outsider = (await createAccount(t.deps, { email: 'inv@west.example', role: 'psd_investigator', forceId: 'west' }))
    .principal;
});

afterAll(async () => {
  await t?.close();
});

describe('the conduct process, from report to outcome', () => {
  it('opens one case with ten subjects in one action, each allegation on its own track, with the 12-month clock', async () => {
    const created = await openCase(
      t.deps,
      aa,
      {
        source: 'internal_report',
        caseType: 'conduct_matter',
        cameToAttentionOn: '2026-01-12',
        summary: 'Ten members of staff shared discriminatory messages in a group chat',
        confidentiality: 'normal',
        subjectPersonIds: subjects,
        allegation: {
          categoryCode: 'discrimination.race',
          standards: ['equality_diversity', 'discreditable_conduct'],
          description: 'Shared racist messages in a work group chat',
        },
      },
      'test',
    );
    caseId = created.id;
    expect(created.reference).toBe('WEST-2026-0001');
    expect(created.regimeVersion).toBe('2020+2025');
    const rows = await t.database.query<{ state: string }>(`select state from allegations where case_id = $1`, [
      caseId,
    ]);
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['received']));
    const [clock] = await t.database.query<{ period: string; due_on: string }>(
      `select period, due_on::text from clocks where case_id = $1`,
      [caseId],
    );
    expect(clock).toEqual({ period: 'pcc_report_first', due_on: '2027-01-12' });
  });

  it('assesses each person separately: gross misconduct for some, practice requiring improvement for others', async () => {
    const ids = await allegationIds();
    for (const [i, id] of ids.entries()) {
      const severity = i < 4 ? 'gross_misconduct' : 'pri';
      const r = await act(
        id,
        {
          type: 'assess_severity',
          severity,
          rationale: 'Assessed against the messages each person sent',
          finalWrittenWarningInForce: false,
          multipleUnconnectedIncidents: false,
        },
        '2026-01-20',
      );
      expect(r.state).toBe(severity === 'pri' ? 'assessed_pri' : 'assessed_gross_misconduct');
    }
  });

  it('refuses a transition the law does not allow, with a reason, and changes nothing', async () => {
    const [first] = await allegationIds();
    const before = await t.database.query(`select state, version from allegations where id = $1`, [first]);
    await expect(
      act(first ?? '', { type: 'submit_report', summary: 'A report before any investigation started' }),
    ).rejects.toThrow(/not possible while the allegation is/);
    expect(await t.database.query(`select state, version from allegations where id = $1`, [first])).toEqual(before);
  });

  it('refuses a stale edit with 409', async () => {
    const [first] = await allegationIds();
    await expect(
      progressAllegation(
        t.deps,
        aa,
        { caseId, allegationId: first ?? '', version: 1, action: { type: 'start_investigation', plan: '' } },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('takes a gross-misconduct allegation to a hearing, presumes dismissal, and generates the barred-list return with its 5-working-day clock (Barred List Regs 2017 reg 3(1)), and a further report when overturned (Police Act 1996 s.88F)', async () => {
    const [gm] = await allegationIds();
    const id = gm ?? '';
    await act(
      id,
      {
        type: 'record_referral_check',
        referable: true,
        criteria: ['discriminatory behaviour'],
        rationale: 'Aggravated by discrimination',
      },
      '2026-01-21',
    );
    expect((await act(id, { type: 'record_iopc_mode', mode: 'local' }, '2026-02-02')).state).toBe(
      'under_investigation',
    );
    await act(id, { type: 'serve_reg17_notice' }, '2026-02-03');
    expect(
      (
        await act(
          id,
          { type: 'submit_report', summary: 'The messages were sent by the officer and are racist' },
          '2026-05-01',
        )
      ).state,
    ).toBe('report_submitted');
    expect(
      (
        await act(
          id,
          {
            type: 'decide_case_to_answer',
            outcome: 'gross_misconduct',
            rationale: 'The evidence supports gross misconduct',
          },
          '2026-05-08',
        )
      ).state,
    ).toBe('case_to_answer_gross_misconduct');
    await expect(act(id, { type: 'schedule_meeting', date: '2026-06-01' })).rejects.toThrow(/meeting/i);
    expect(
      (
        await act(
          id,
          {
            type: 'schedule_hearing',
            date: '2026-07-01',
            inPublic: true,
            panel: 'Chief Constable and two independent members',
          },
          '2026-05-20',
        )
      ).state,
    ).toBe('hearing_scheduled');
    expect((await act(id, { type: 'record_finding', finding: 'gross_misconduct' }, '2026-12-24')).state).toBe(
      'finding_recorded',
    );
    await expect(act(id, { type: 'record_sanction', sanction: 'final_written_warning' }, '2026-12-24')).rejects.toThrow(
      /exceptional circumstances/i,
    );
    const done = await act(id, { type: 'record_sanction', sanction: 'dismissal_without_notice' }, '2026-12-24');
    expect(done.effects).toContain('barred list return created');
    const [ret] = await t.database.query<{ list: string; document: Record<string, unknown> }>(
      `select list, document from list_returns where case_id = $1`,
      [caseId],
    );
    expect(ret?.list).toBe('barred');
    expect(ret?.document).toMatchObject({
      fullName: 'Officer0 Subject00',
      force: 'west Police',
      category: 'officer',
      warrantOrIdNumber: 'W90000',
      standardsBreached: ['Equality and diversity', 'Discreditable conduct'],
      dateOfDismissalOrFinding: '2026-12-24',
    });
    // Barred List Regs 2017 reg 3(1), "5 working days beginning with the date of" the dismissal: Thu 24 Dec 2026
    // is day 1, then 29, 30, 31 Dec and (1 Jan a holiday) Mon 4 Jan 2027 — not 5 Jan as first coded.
    const [clock] = await t.database.query<{ due_on: string }>(
      `select due_on::text from clocks where case_id = $1 and period = 'barred_list_return'`,
      [caseId],
    );
    expect(clock?.due_on).toBe('2027-01-04');

    // Police Act 1996 s.88F: the dismissal overturned on appeal → a further report, its own return and clock.
    await act(id, { type: 'lodge_appeal', grounds: 'The panel misread the messages' }, '2026-12-29');
    const overturned = await act(id, { type: 'decide_appeal', outcome: 'finding_overturned' }, '2027-01-08');
    expect(overturned.effects).toContain('barred list further report created');
    const returns = await t.database.query<{ kind: string; document: Record<string, unknown> }>(
      `select kind, document from list_returns where case_id = $1 order by created_at`,
      [caseId],
    );
    expect(returns.map((r) => r.kind)).toEqual(['initial', 'further']);
    expect(returns[1]?.document).toMatchObject({ furtherReport: true, change: 'finding overturned on appeal' });
    const further = await t.database.query<{ due_on: string; state: string }>(
      `select due_on::text, state from clocks where case_id = $1 and period = 'barred_list_further_report'`,
      [caseId],
    );
    // Friday 8 January 2027 is day 1: 8, 11, 12, 13, 14 January.
    expect(further).toEqual([{ due_on: '2027-01-14', state: 'running' }]);
  });

  it('sends practice requiring improvement to reflective practice', async () => {
    const ids = await allegationIds();
    const pri = ids[9] ?? '';
    expect((await act(pri, { type: 'refer_to_rprp' }, '2026-02-01')).state).toBe('rprp');
    expect(
      (
        await act(
          pri,
          { type: 'complete_rprp', report: 'Reflective review discussion held; actions agreed' },
          '2026-03-01',
        )
      ).state,
    ).not.toBe('rprp');
  });

  it('creates the advisory-list return when a subject under investigation resigns', async () => {
    const ids = await allegationIds();
    const id = ids[1] ?? '';
    await act(id, { type: 'start_investigation', plan: 'Interview and examine devices' }, '2026-02-01');
    const [subject] = await t.database.query<{ id: string; version: number }>(
      `select s.id, s.version from allegations a join case_subjects s on s.id = a.subject_id where a.id = $1`,
      [id],
    );
    const result = await recordSubjectLeft(
      t.deps,
      aa,
      { caseId, subjectId: subject?.id ?? '', version: subject?.version ?? 0, leftOn: '2026-03-02', how: 'resigned' },
      'test',
    );
    expect(result.advisoryReturnId).not.toBeNull();
    const lists = await t.database.query<{ list: string }>(`select list from list_returns where subject_id = $1`, [
      subject?.id,
    ]);
    expect(lists.map((l) => l.list)).toEqual(['advisory']);
  });

  it('shows the case to no one without need-to-know, and audits every read', async () => {
    await expect(viewCase(t.deps, outsider, caseId, 'test')).rejects.toMatchObject({ code: 'not_found' });
    const view = await viewCase(t.deps, aa, caseId, 'test');
    expect(view.allegations).toHaveLength(10);
    expect(view.timeline.length).toBeGreaterThan(10);
    const reads = await t.database.query(`select 1 from audit_events where event_type = 'case.viewed'`);
    expect(reads).toHaveLength(1);
  });
});

describe('closing', () => {
  it('closes the case when its last allegation closes, cancelling the PCC report clocks but not the barred-list return', async () => {
    const ids = await allegationIds();
    // Bring every still-open allegation to a close by the shortest lawful path.
    for (const id of ids) {
      const [row] = await t.database.query<{ state: string }>(`select state from allegations where id = $1`, [id]);
      const state = row?.state;
      if (
        state === 'finding_recorded' ||
        state === 'case_to_answer_gross_misconduct' ||
        state === 'assessed_pri' ||
        state === 'rprp'
      ) {
        if (state === 'assessed_pri') await act(id, { type: 'refer_to_rprp' }, '2026-06-02');
        if (state === 'assessed_pri' || state === 'rprp') {
          const [now] = await t.database.query<{ state: string }>(`select state from allegations where id = $1`, [id]);
          if (now?.state === 'rprp')
            await act(id, { type: 'complete_rprp', report: 'Reflective review completed with actions' }, '2026-06-03');
        }
      }
      const [after] = await t.database.query<{ state: string }>(`select state from allegations where id = $1`, [id]);
      if (after?.state === 'under_investigation') {
        await act(id, { type: 'submit_report', summary: 'No evidence of the conduct alleged' }, '2026-06-04');
        await act(
          id,
          { type: 'decide_case_to_answer', outcome: 'no_case', rationale: 'No case to answer on the evidence' },
          '2026-06-05',
        );
      }
      if (after?.state === 'assessed_gross_misconduct') {
        await act(id, { type: 'start_investigation', plan: 'Examine the messages' }, '2026-06-04');
        await act(id, { type: 'submit_report', summary: 'No evidence of the conduct alleged' }, '2026-06-05');
        await act(
          id,
          { type: 'decide_case_to_answer', outcome: 'no_case', rationale: 'No case to answer on the evidence' },
          '2026-06-06',
        );
      }
      const [last] = await t.database.query<{ state: string }>(`select state from allegations where id = $1`, [id]);
      // On or after every earlier step (the overturned dismissal's appeal was decided on 8 January 2027).
      if (last?.state !== 'closed') await act(id, { type: 'close' }, '2027-01-08');
    }
    const [theCase] = await t.database.query<{ status: string; closed_on: string | null }>(
      `select status, closed_on::text from cases where id = $1`,
      [caseId],
    );
    expect(theCase?.status).toBe('closed');
    expect(theCase?.closed_on).toMatch(/^2026-/);
    const clocks = await t.database.query<{ period: string; state: string }>(
      `select period, state from clocks where case_id = $1 and period in ('pcc_report_first', 'barred_list_return') order by period`,
      [caseId],
    );
    expect(clocks).toEqual([
      { period: 'barred_list_return', state: 'running' },
      { period: 'pcc_report_first', state: 'met' },
    ]);
  });
});
