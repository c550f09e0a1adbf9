import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestApp } from '../../../test/support/test-app.ts';
import { caseWorldOn7December2026, openCaseThrough, type Step } from '../../../test/support/conduct-case-world.ts';
import {
  allegationRows,
  as,
  dateFields,
  principalOfWorld,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { progressAllegation } from '../misconduct/progress-allegation.ts';

/**
 * Career breaks on the person record extend a warning (Police (Conduct) Regulations 2020 reg 42(4), 42(11),
 * 62(5)), shown on the person page and the case page, and used where reg 42(8) asks whether a final written
 * warning is in force. Today is Monday 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;
beforeAll(async () => {
  ({ t, w } = await caseWorldOn7December2026());
});
afterAll(async () => {
  await t?.close();
});

const misconductToMeeting = (dates: string[], meetingOn: string): Step[] => [
  [
    {
      type: 'assess_severity',
      severity: 'misconduct',
      rationale: 'If proved this would be misconduct.',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    },
    dates[0] ?? '',
  ],
  [{ type: 'start_investigation', plan: '' }, dates[1] ?? ''],
  [{ type: 'submit_report', summary: 'The officer was late to duty repeatedly.' }, dates[2] ?? ''],
  [
    { type: 'decide_case_to_answer', outcome: 'misconduct', rationale: 'Case to answer for misconduct.' },
    dates[3] ?? '',
  ],
  [{ type: 'schedule_meeting', date: meetingOn }, dates[4] ?? ''],
  [{ type: 'record_finding', finding: 'misconduct' }, meetingOn],
];

const breaks = async () =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from person_career_breaks`))[0]?.n ?? -1;

describe('career breaks extend a warning (Conduct Regs 2020 reg 42(11), 62(5))', () => {
  it('reg 42(8): a final written warning that ran out is in force again once a career break extends it', async () => {
    const erin = w.people.erin.id;
    // A final written warning notified on 2 November 2024: in force to 1 November 2026 (reg 42(4)).
    const first = await openCaseThrough(
      t,
      w,
      [erin],
      [
        ...misconductToMeeting(['2024-06-04', '2024-06-05', '2024-09-02', '2024-09-03', '2024-09-04'], '2024-11-01'),
        [{ type: 'record_sanction', sanction: 'final_written_warning', finalWrittenWarningYears: 2 }, '2024-11-02'],
      ],
      { cameToAttentionOn: '2024-06-03' },
    );
    // A second matter after it ran out: a meeting is allowed, a finding of misconduct on 1 December 2026.
    const second = await openCaseThrough(
      t,
      w,
      [erin],
      misconductToMeeting(['2026-11-03', '2026-11-04', '2026-11-20', '2026-11-23', '2026-11-24'], '2026-12-01'),
      { cameToAttentionOn: '2026-11-02' },
    );
    const aa = as(t, w, 'aa');
    let casePage = await aa.get(`/cases/${first.caseId}`);
    expect(casePage.body).toContain('1 November 2026');

    // A career break of June and July 2025 (61 days) within the warning: it now runs to 1 January 2027.
    const before = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'person.career_break_recorded'`,
    );
    const res = await api(t.app, 'POST', `/api/v1/people/${erin}/career-breaks`, w.tokens.aa, {
      startsOn: '2025-06-01',
      endsOn: '2025-07-31',
      note: 'Career break scheme',
    });
    expect(res.statusCode).toBe(201);
    const after = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'person.career_break_recorded'`,
    );
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);

    const person = await api(t.app, 'GET', `/api/v1/people/${erin}`, w.tokens.aa);
    const warnings = person.json<{ warnings: { baseLastDay: string; lastDay: string; kind: string }[] }>().warnings;
    expect(warnings).toContainEqual(
      expect.objectContaining({ kind: 'final_written_warning', baseLastDay: '2026-11-01', lastDay: '2027-01-01' }),
    );
    const page = await aa.get(`/people/${erin}`);
    expect(page.body).toContain('From 1 June 2025 to 31 July 2025');
    expect(page.body).toContain('1 January 2027 (extended by career breaks from 1 November 2026)');
    casePage = await aa.get(`/cases/${first.caseId}`);
    expect(casePage.body).toContain('1 January 2027');
    expect(casePage.body).toContain('Extended by the officer’s career breaks from 1 November 2026 (regulation 42(11))');

    // reg 42(8): with the final written warning in force, neither a written warning nor another may be given.
    const [a] = await allegationRows(t, second.caseId);
    if (!a) throw new Error('no allegation');
    await expect(
      progressAllegation(
        t.deps,
        principalOfWorld(w, 'aa'),
        {
          caseId: second.caseId,
          allegationId: a.id,
          version: a.version,
          occurredOn: '2026-12-02',
          action: { type: 'record_sanction', sanction: 'written_warning' },
        },
        null,
      ),
    ).rejects.toThrow('Conduct Regs reg 42(8)');
  });

  it('is recorded from the person page without JavaScript, open-ended, and bad input gets 400 changing nothing', async () => {
    const gina = w.people.gina.id;
    const aa = as(t, w, 'aa');
    const n = await breaks();
    const noStart = await aa.post(`/people/${gina}/career-breaks`, { note: 'x' });
    expect(noStart.statusCode).toBe(400);
    const backwards = await aa.post(`/people/${gina}/career-breaks`, {
      ...dateFields('startsOn', '2026-05-01'),
      ...dateFields('endsOn', '2026-04-01'),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The last day must be the same as or after the first day');
    const future = await api(t.app, 'POST', `/api/v1/people/${gina}/career-breaks`, w.tokens.aa, {
      startsOn: '2026-12-08',
    });
    expect(future.statusCode).toBe(400);
    const badDate = await api(t.app, 'POST', `/api/v1/people/${gina}/career-breaks`, w.tokens.aa, {
      startsOn: '2026-02-30',
    });
    expect(badDate.statusCode).toBe(400);
    expect(await breaks()).toBe(n);
    const open = await aa.post(`/people/${gina}/career-breaks`, { ...dateFields('startsOn', '2026-09-01') });
    expect(open.statusCode).toBe(303);
    expect(await breaks()).toBe(n + 1);
    const page = await aa.get(`/people/${gina}`);
    expect(page.body).toContain('From 1 September 2026 (continuing)');
    // An overlapping break is refused.
    const overlap = await api(t.app, 'POST', `/api/v1/people/${gina}/career-breaks`, w.tokens.aa, {
      startsOn: '2026-10-01',
      endsOn: '2026-10-31',
    });
    expect(overlap.statusCode).toBe(400);
    expect(await breaks()).toBe(n + 1);
    // Its last day recorded later, from the page: not before it began (400), then 30 November 2026.
    const [row] = await t.database.query<{ id: string }>(
      `select id from person_career_breaks where person_id = $1 and ends_on is null`,
      [gina],
    );
    if (!row) throw new Error('no open break');
    const early = await aa.post(`/people/${gina}/career-breaks/${row.id}/end`, dateFields('endsOn', '2026-08-31'));
    expect(early.statusCode).toBe(400);
    const ended = await aa.post(`/people/${gina}/career-breaks/${row.id}/end`, dateFields('endsOn', '2026-11-30'));
    expect(ended.statusCode).toBe(303);
    expect((await aa.get(`/people/${gina}`)).body).toContain('From 1 September 2026 to 30 November 2026');
    // Once ended it is no longer open: a second end is not found.
    const again = await api(t.app, 'POST', `/api/v1/people/${gina}/career-breaks/${row.id}/end`, w.tokens.aa, {
      endsOn: '2026-12-01',
    });
    expect(again.statusCode).toBe(404);
    const audited = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'person.career_break_ended'`,
    );
    expect(audited[0]?.n).toBe(1);
  });

  it('refuses signed out, their own record, another force and a role that may not correct records (nothing changed)', async () => {
    const frank = w.people.frank.id;
    const n = await breaks();
    const body = { startsOn: '2026-01-05', endsOn: '2026-02-05' };
    expect((await api(t.app, 'POST', `/api/v1/people/${frank}/career-breaks`, undefined, body)).statusCode).toBe(401);
    const signedOut = await as(t, w, null).post(`/people/${frank}/career-breaks`, dateFields('startsOn', '2026-01-05'));
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toMatch(/^\/sign-in/);
    // Dave holds the ability but the record is his own (no need-to-know); east is another force.
    const dave = w.people.dave.id;
    expect(
      (await api(t.app, 'POST', `/api/v1/people/${dave}/career-breaks`, w.tokens.aaSubject, body)).statusCode,
    ).toBe(404);
    expect(
      (await as(t, w, 'aaSubject').post(`/people/${dave}/career-breaks`, dateFields('startsOn', '2026-01-05')))
        .statusCode,
    ).toBe(404);
    expect((await api(t.app, 'POST', `/api/v1/people/${frank}/career-breaks`, w.tokens.east, body)).statusCode).toBe(
      404,
    );
    expect(
      (await as(t, w, 'east').post(`/people/${frank}/career-breaks`, dateFields('startsOn', '2026-01-05'))).statusCode,
    ).toBe(404);
    // An investigator may read people but not correct the record.
    expect(
      (await api(t.app, 'POST', `/api/v1/people/${frank}/career-breaks`, w.tokens.investigator, body)).statusCode,
    ).toBe(404);
    expect(await breaks()).toBe(n);
  });
});
