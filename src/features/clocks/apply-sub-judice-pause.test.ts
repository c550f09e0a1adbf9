import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { caseSubjects, cases, criminalProceedings } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createForce, createPerson } from '../../../test/support/factories.ts';
import { startClock } from './start-clock.ts';
import { sweepClocks } from './sweep-clocks.ts';
import { applySubJudicePause, resolveSubJudicePolicy } from './sub-judice.ts';

/** Recording a sub judice window on a case: which clocks move, once, and what is audited (Conduct Regs 2020 reg 10). */
describe('applySubJudicePause', () => {
  let database: Database;
  let deps: Deps;

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = { db: database.db, config: testConfig(), now: () => new Date('2026-03-25T10:00:00Z') };
    await createForce(deps.db, 'west');
  });

  afterAll(async () => {
    await database?.close();
  });

  async function caseWithClocks() {
    const [c] = await deps.db
      .insert(cases)
      .values({
        forceId: 'west',
        reference: `WEST-${randomUUID().slice(0, 8)}`,
        source: 'criminal_investigation',
        caseType: 'conduct_matter',
        cameToAttentionOn: '2025-12-19',
        regimeVersion: '2020+2025',
        summary: 'Officer charged',
      })
      .returning();
    if (!c) throw new Error('no case');
    const person = await createPerson(deps.db, 'west', { givenName: 'Sam', familyName: 'Subject' });
    const [subject] = await deps.db
      .insert(caseSubjects)
      .values({ forceId: 'west', caseId: c.id, personId: person.id })
      .returning();
    if (!subject) throw new Error('no subject');
    const base = {
      forceId: 'west',
      caseId: c.id,
      subjectId: null,
      regimeVersion: '2020+2025' as const,
      ownerUserId: null,
    };
    const report = await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...base, allegationId: null, period: 'pcc_report_first', startOn: '2025-12-19' }),
    );
    const preHearing = await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...base, allegationId: randomUUID(), period: 'pre_hearing', startOn: '2026-03-02' }),
    );
    return { caseId: c.id, subjectId: subject.id, reportId: report?.id ?? '', preHearingId: preHearing?.id ?? '' };
  }

  const clock = async (id: string) =>
    (
      await database.query<{ due_on: string; paused_days: number; state: string; due_notified: boolean }>(
        `select due_on::text, paused_days, state, due_notified_at is not null as due_notified from clocks where id = $1`,
        [id],
      )
    )[0];

  it('moves the pre-hearing clock, leaves the 12-month report alone, and audits the change', async () => {
    const k = await caseWithClocks();
    const moved = await deps.db.transaction((tx) =>
      applySubJudicePause(tx, deps, { forceId: 'west', caseId: k.caseId, from: '2026-03-09', to: '2026-03-13' }),
    );
    expect(moved).toEqual([
      {
        clockId: k.preHearingId,
        period: 'pre_hearing',
        previousDueOn: '2026-03-23',
        dueOn: '2026-03-30',
        pausedDays: 5,
      },
    ]);
    expect(await clock(k.preHearingId)).toMatchObject({ due_on: '2026-03-30', paused_days: 5, state: 'running' });
    expect(await clock(k.reportId)).toMatchObject({ due_on: '2026-12-19', paused_days: 0 });
    const [audit] = await database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'clock.paused' and subject_id = $1`,
      [k.preHearingId],
    );
    expect(audit?.n).toBe(1);
  });

  it('is idempotent, and counts a window also recorded on the criminal proceedings only once', async () => {
    const k = await caseWithClocks();
    await deps.db.insert(criminalProceedings).values({
      forceId: 'west',
      caseId: k.caseId,
      subjectId: k.subjectId,
      kind: 'charge',
      occurredOn: '2026-03-09',
      subJudiceFrom: '2026-03-09',
      subJudiceTo: '2026-03-13',
    });
    const first = await deps.db.transaction((tx) =>
      applySubJudicePause(tx, deps, { forceId: 'west', caseId: k.caseId, from: '2026-03-09', to: '2026-03-13' }),
    );
    expect(first[0]?.dueOn).toBe('2026-03-30');
    const second = await deps.db.transaction((tx) =>
      applySubJudicePause(tx, deps, { forceId: 'west', caseId: k.caseId, from: '2026-03-09', to: '2026-03-13' }),
    );
    expect(second).toEqual([]);
    expect(await clock(k.preHearingId)).toMatchObject({ due_on: '2026-03-30', paused_days: 5 });
  });

  it('returns an overdue clock whose date moved past today to running, so the sweeper judges it afresh', async () => {
    const k = await caseWithClocks();
    expect((await sweepClocks(deps, { today: '2026-03-25' })).markedOverdue).toBeGreaterThanOrEqual(1);
    expect((await clock(k.preHearingId))?.state).toBe('overdue');
    await deps.db.transaction((tx) =>
      applySubJudicePause(tx, deps, { forceId: 'west', caseId: k.caseId, from: '2026-03-16', to: '2026-03-20' }),
    );
    expect(await clock(k.preHearingId)).toMatchObject({ due_on: '2026-03-30', state: 'running', due_notified: false });
    const again = await sweepClocks(deps, { today: '2026-03-25' });
    expect(again.markedDue + again.markedOverdue).toBe(0);
  });

  it('pauses the reg 19 report too when configured to', async () => {
    const k = await caseWithClocks();
    const policy = resolveSubJudicePolicy({ pcc_report_first: true });
    await deps.db.transaction((tx) =>
      applySubJudicePause(tx, deps, {
        forceId: 'west',
        caseId: k.caseId,
        from: '2026-02-01',
        to: '2026-02-10',
        policy,
      }),
    );
    expect(await clock(k.reportId)).toMatchObject({ due_on: '2026-12-29', paused_days: 10 });
  });

  it('refuses a window that ends before it starts, changing nothing', async () => {
    const k = await caseWithClocks();
    const attempt = deps.db.transaction((tx) =>
      applySubJudicePause(tx, deps, { forceId: 'west', caseId: k.caseId, from: '2026-03-13', to: '2026-03-09' }),
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    expect(await clock(k.preHearingId)).toMatchObject({ due_on: '2026-03-23', paused_days: 0 });
  });
});
