import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  allegationRows,
  as,
  buildCaseWorld,
  caseInput,
  principalOfWorld,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { allocateCase } from '../misconduct/allocate-case.ts';
import { openCase } from '../misconduct/open-case.ts';
import { progressAllegation } from '../misconduct/progress-allegation.ts';
import type { AllegationActionInput } from '../misconduct/allegation-action-input.ts';

/**
 * One definition of "overdue" and "mine" (issue 17: the same investigator's overdue count read 122 on the
 * caseload page, 59 on "my deadlines" and 42 on the force's overdue list). The world holds every kind of
 * clock the three used to count differently: an overdue report to the PCC, an officer's statement window
 * that has ended (nobody's deadline), a clock due today (not yet overdue), a paused clock, and a clock the
 * lead still owns on a case since given to someone else. Today is Monday 7 December 2026.
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

const steps: [AllegationActionInput, string][] = [
  [
    {
      type: 'assess_severity',
      severity: 'misconduct',
      rationale: 'If proved this would be misconduct.',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    },
    '2025-03-11',
  ],
  [{ type: 'start_investigation', plan: '' }, '2025-03-12'],
  [{ type: 'serve_reg17_notice', servedOn: '2026-11-02' }, '2026-11-02'],
];

async function investigatedCase(leadId: string, namedUserIds: string[] = []) {
  const aa = principalOfWorld(w, 'aa');
  const extra = namedUserIds.length ? { confidentiality: 'restricted' as const, namedUserIds } : {};
  const opened = await openCase(
    t.deps,
    aa,
    caseInput([w.people.erin.id], { cameToAttentionOn: '2025-03-10', ...extra }),
    null,
  );
  await allocateCase(t.deps, aa, { caseId: opened.id, version: 1, leadInvestigatorId: leadId }, null);
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
  return opened.id;
}

describe('the caseload page, "my deadlines" and the force’s overdue list count overdue alike', () => {
  it('gives the same overdue count for the lead investigator on all three', async () => {
    const lead = w.accounts.lead.user.id;
    const named = w.accounts.named.user.id;
    // Two cases: each has an overdue report to the PCC (due 10 March 2026) and an ended reg 18 window.
    const first = await investigatedCase(lead);
    const second = await investigatedCase(lead);
    // A third: its PCC report clock is due today, so not yet overdue.
    const third = await investigatedCase(lead);
    await t.database.query(
      `update clocks set due_on = '2026-12-07' where case_id = $1 and period = 'pcc_report_first'`,
      [third],
    );
    // A fourth, paused with a reason: nobody's deadline while paused.
    const fourth = await investigatedCase(lead);
    const [paused] = await t.database.query<{ id: string }>(
      `select id from clocks where case_id = $1 and period = 'pcc_report_first'`,
      [fourth],
    );
    const pause = await api(t.app, 'POST', `/api/v1/cases/${fourth}/clocks/${paused?.id}/actions`, w.tokens.aa, {
      action: 'pause',
      reason: 'Awaiting the IOPC’s direction',
    });
    expect(pause.statusCode).toBe(200);
    // A fifth, led by another investigator (the lead is named on it), but its overdue clock is owned by the lead.
    const fifth = await investigatedCase(named, [lead]);
    await t.database.query(`update clocks set owner_user_id = $1 where case_id = $2 and period = 'pcc_report_first'`, [
      lead,
      fifth,
    ]);
    void first;
    void second;

    const mine = (await api(t.app, 'GET', '/api/v1/deadlines', w.tokens.lead)).json<{
      overdueCount: number;
      overdue: unknown[];
    }>();
    const caseload = (await api(t.app, 'GET', '/api/v1/cases/caseload', w.tokens.aa)).json<{
      leads: { leadId: string; overdueClocks: number }[];
    }>();
    const force = (await api(t.app, 'GET', '/api/v1/deadlines/overdue', w.tokens.lead)).json<{
      overdueCount: number;
      items: { daysUntilDue: number }[];
    }>();

    // Cases 1, 2 and 5 (owned): three overdue reports to the PCC; the windows, the clock due today and the
    // paused one are not overdue.
    expect(mine.overdueCount).toBe(3);
    expect(mine.overdue).toHaveLength(3);
    expect(caseload.leads.find((l) => l.leadId === lead)?.overdueClocks).toBe(3);
    // The lead sees the cases they lead (need-to-know): their view of the force's list is the same three,
    // with the one due today listed beside them but not counted as overdue.
    expect(force.overdueCount).toBe(3);
    expect(force.items.filter((i) => i.daysUntilDue < 0)).toHaveLength(3);
    expect(force.items.filter((i) => i.daysUntilDue === 0)).toHaveLength(1);

    // And the pages say the same number.
    expect((await as(t, w, 'lead').get('/deadlines')).body).toMatch(/id="my-overdue-count"><strong>3<\/strong>/);
    expect((await as(t, w, 'lead').get('/deadlines/overdue')).body).toMatch(/id="force-overdue-count">3</);
  });
});
