import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { caseSubjects, cases, criminalProceedings } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createForce, createPerson } from '../../../test/support/factories.ts';
import { defaultCalendarConfig } from '../../kernel/time/bank-holidays.ts';
import { PERIOD_KEYS } from '../../kernel/time/periods.ts';
import { startClock } from './start-clock.ts';
import { sweepClocks } from './sweep-clocks.ts';
import {
  applySubJudicePause,
  defaultSubJudicePolicy,
  extendForPauses,
  mergeWindows,
  resolveSubJudicePolicy,
  SUB_JUDICE_DEFAULTS,
} from './sub-judice.ts';

const cal = defaultCalendarConfig;

describe('which clocks a sub judice period holds back', () => {
  it('pauses the proceedings-stage clock and keeps the reg 19 reports, appeal windows and list returns running', () => {
    expect(defaultSubJudicePolicy.pre_hearing).toBe(true);
    for (const key of [
      'pcc_report_first',
      'pcc_report_repeat',
      'suspension_review',
      'barred_list_return',
      'meeting_appeal',
      'complainant_review_window',
    ] as const) {
      expect(defaultSubJudicePolicy[key]).toBe(false);
    }
  });

  it('gives every period a reason and a confidence mark', () => {
    for (const key of PERIOD_KEYS) {
      expect(SUB_JUDICE_DEFAULTS[key].why.length).toBeGreaterThan(20);
      expect(['V', 'R']).toContain(SUB_JUDICE_DEFAULTS[key].confidence);
    }
  });

  it('takes overrides from configuration and rejects unknown periods', () => {
    const policy = resolveSubJudicePolicy({ pre_hearing: false, reg18_representations: true });
    expect(policy.pre_hearing).toBe(false);
    expect(policy.reg18_representations).toBe(true);
    expect(policy.outcome_report).toBe(false);
    expect(() => resolveSubJudicePolicy({ no_such_period: true })).toThrow();
    expect(() => resolveSubJudicePolicy({ pre_hearing: 'yes' })).toThrow();
  });
});

describe('mergeWindows', () => {
  it('joins overlapping and touching windows so a day is never paused twice', () => {
    expect(
      mergeWindows([
        { from: '2026-03-10', to: '2026-03-20' },
        { from: '2026-03-01', to: '2026-03-05' },
        { from: '2026-03-06', to: '2026-03-08' },
        { from: '2026-03-15', to: '2026-03-25' },
      ]),
    ).toEqual([
      { from: '2026-03-01', to: '2026-03-08' },
      { from: '2026-03-10', to: '2026-03-25' },
    ]);
  });
});

describe('extendForPauses', () => {
  it('moves a month period by the calendar days paused', () => {
    // 12 months from 19 December 2025 is 19 December 2026; 1–10 February paused (10 days) → 29 December.
    expect(
      extendForPauses({
        startedOn: '2025-12-19',
        baseDueOn: '2026-12-19',
        unit: 'months',
        windows: [{ from: '2026-02-01', to: '2026-02-10' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-12-29',
      pausedDays: 10,
    });
  });

  it('moves a working-day period by the working days inside the pause', () => {
    // 15 working days from Monday 2 March 2026 ends Monday 23 March. Pausing Mon 9 – Fri 13 March (5 working days) → Monday 30 March.
    expect(
      extendForPauses({
        startedOn: '2026-03-02',
        baseDueOn: '2026-03-23',
        unit: 'working_days',
        windows: [{ from: '2026-03-09', to: '2026-03-13' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-03-30',
      pausedDays: 5,
    });
    // A pause over a weekend alone takes no working day out of the count.
    expect(
      extendForPauses({
        startedOn: '2026-03-02',
        baseDueOn: '2026-03-23',
        unit: 'working_days',
        windows: [{ from: '2026-03-07', to: '2026-03-08' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-03-23',
      pausedDays: 2,
    });
  });

  it('does not add back bank holidays inside the pause (Easter 2026)', () => {
    // Started Mon 16 March, 15 WD → Wed 8 April (Good Friday 3 and Easter Monday 6 April skipped). Paused Mon 30 March – Mon 6 April:
    // 30, 31 March, 1, 2 April are the only working days in it, so the clock ends 4 working days later, Tuesday 14 April.
    expect(
      extendForPauses({
        startedOn: '2026-03-16',
        baseDueOn: '2026-04-08',
        unit: 'working_days',
        windows: [{ from: '2026-03-30', to: '2026-04-06' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-04-14',
      pausedDays: 8,
    });
  });

  it('ignores a pause that begins after the due date and counts only the part of one after the start', () => {
    expect(
      extendForPauses({
        startedOn: '2026-03-02',
        baseDueOn: '2026-03-23',
        unit: 'working_days',
        windows: [{ from: '2026-03-24', to: '2026-04-30' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-03-23',
      pausedDays: 0,
    });
    // Paused since 20 February; the clock starting on 2 March counts nothing until 5 March has passed (3, 4, 5 March paused).
    expect(
      extendForPauses({
        startedOn: '2026-03-02',
        baseDueOn: '2026-03-23',
        unit: 'working_days',
        windows: [{ from: '2026-02-20', to: '2026-03-05' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-03-26',
      pausedDays: 3,
    });
  });

  it('extends by a pause that starts before the due date and runs past it', () => {
    // 28 calendar days from 1 March → 29 March; paused 27 March – 5 April (10 days) → 8 April.
    expect(
      extendForPauses({
        startedOn: '2026-03-01',
        baseDueOn: '2026-03-29',
        unit: 'calendar_days',
        windows: [{ from: '2026-03-27', to: '2026-04-05' }],
        calendar: cal,
      }),
    ).toEqual({
      dueOn: '2026-04-08',
      pausedDays: 10,
    });
  });
});

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
