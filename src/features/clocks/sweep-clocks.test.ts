import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { testEngine } from '../../../test/support/engine.ts';
import { createForce } from '../../../test/support/factories.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { regimeFor } from './regime.ts';
import { startClock } from './start-clock.ts';
import { sweepClocks } from './sweep-clocks.ts';
import { ukToday } from '../../lib/dates.ts';

let database: Database;
let deps: Deps;
/** Audit rows before this sequence number belong to earlier tests. */
let auditMark = 0;

// One database for the file (each one created is dropped again, which is slow on PostgreSQL); every test
// starts with no live clocks, so what a sweep finds is what that test made.
beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-12-19T09:00:00Z') };
  await createForce(deps.db, 'west');
});

beforeEach(async () => {
  await database.exec(`update clocks set state = 'cancelled' where state in ('running', 'due', 'overdue')`);
  auditMark =
    (await database.query<{ n: number }>(`select coalesce(max(seq), 0)::int as n from audit_events`))[0]?.n ?? 0;
});

afterAll(async () => {
  await database?.close();
});

/** A case and its 12-month report clock, as opening a case would leave them. */
async function caseWithReportClock(
  cameToAttentionOn: string,
  status: 'open' | 'closed' = 'open',
  ownerUserId: string | null = null,
) {
  const regimeVersion = regimeFor(cameToAttentionOn);
  const [c] = await deps.db
    .insert(cases)
    .values({
      forceId: 'west',
      reference: `WEST-${randomUUID().slice(0, 8)}`,
      source: 'internal_report',
      caseType: 'conduct_matter',
      cameToAttentionOn,
      regimeVersion,
      summary: 'A test case',
      status,
    })
    .returning();
  if (!c) throw new Error('no case');
  const clock = await deps.db.transaction((tx) =>
    startClock(tx, deps, {
      forceId: 'west',
      caseId: c.id,
      allegationId: null,
      subjectId: null,
      period: 'pcc_report_first',
      startOn: cameToAttentionOn,
      regimeVersion,
      ownerUserId,
    }),
  );
  if (!clock) throw new Error('no clock');
  return { caseId: c.id, clockId: clock.id };
}

const clocksOf = (caseId: string) =>
  database.query<{
    period: string;
    sequence: number;
    state: string;
    started_on: string;
    due_on: string;
    owner_user_id: string | null;
  }>(
    `select period, sequence, state, started_on::text, due_on::text, owner_user_id from clocks where case_id = $1 order by sequence, period`,
    [caseId],
  );
const auditCount = async (type: string) =>
  (
    await database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = $1 and seq > $2`,
      [type, auditMark],
    )
  )[0]?.n ?? 0;
const zero = { markedDue: 0, markedOverdue: 0, repeatsCreated: 0, cancelled: 0, windowsElapsed: 0 };

describe('sweepClocks', () => {
  it('marks the 12-month report due on its day, starts the next 6-month report, and does nothing when run again', async () => {
    const owner = randomUUID();
    const { caseId } = await caseWithReportClock('2025-12-19', 'open', owner);
    expect(await sweepClocks(deps, { today: '2026-12-18' })).toEqual(zero);
    expect(await sweepClocks(deps, { today: '2026-12-19' })).toEqual({ ...zero, markedDue: 1, repeatsCreated: 1 });
    expect(await clocksOf(caseId)).toEqual([
      {
        period: 'pcc_report_first',
        sequence: 1,
        state: 'due',
        started_on: '2025-12-19',
        due_on: '2026-12-19',
        owner_user_id: owner,
      },
      {
        period: 'pcc_report_repeat',
        sequence: 2,
        state: 'running',
        started_on: '2026-12-19',
        due_on: '2027-06-19',
        owner_user_id: owner,
      },
    ]);
    expect(await sweepClocks(deps, { today: '2026-12-19' })).toEqual(zero);
    expect(await auditCount('clock.due')).toBe(1);
    expect(await auditCount('clock.started')).toBe(2);
  });

  it('marks it overdue the day after, once, without starting another report', async () => {
    const { caseId } = await caseWithReportClock('2025-12-19');
    await sweepClocks(deps, { today: '2026-12-19' });
    expect(await sweepClocks(deps, { today: '2026-12-20' })).toEqual({ ...zero, markedOverdue: 1 });
    expect(await sweepClocks(deps, { today: '2026-12-20' })).toEqual(zero);
    expect(await sweepClocks(deps, { today: '2026-12-21' })).toEqual(zero);
    expect((await clocksOf(caseId)).map((c) => c.state)).toEqual(['overdue', 'running']);
    expect(await auditCount('clock.overdue')).toBe(1);
  });

  it('catches up a clock missed for months in small batches: due and overdue both recorded, every 6-month report started', async () => {
    // Came to attention 10 Jan 2024: first report due 10 Jan 2025, then 10 Jul 2025, 10 Jan 2026, 10 Jul 2026.
    const { caseId } = await caseWithReportClock('2024-01-10');
    expect(await sweepClocks(deps, { today: '2026-03-01', batchSize: 1 })).toEqual({
      ...zero,
      markedDue: 3,
      markedOverdue: 3,
      repeatsCreated: 3,
    });
    expect((await clocksOf(caseId)).map((c) => [c.sequence, c.state, c.due_on])).toEqual([
      [1, 'overdue', '2025-01-10'],
      [2, 'overdue', '2025-07-10'],
      [3, 'overdue', '2026-01-10'],
      [4, 'running', '2026-07-10'],
    ]);
    expect(await auditCount('clock.due')).toBe(3);
    expect(await auditCount('clock.overdue')).toBe(3);
  });

  it('cancels a report clock of a closed case instead of marking it, and keeps other clocks of closed cases running', async () => {
    const { caseId } = await caseWithReportClock('2025-12-19', 'closed');
    await deps.db.transaction((tx) =>
      startClock(tx, deps, {
        forceId: 'west',
        caseId,
        allegationId: randomUUID(),
        subjectId: randomUUID(),
        period: 'barred_list_return',
        startOn: '2026-12-10',
        regimeVersion: '2020+2025',
        ownerUserId: null,
      }),
    );
    expect(await sweepClocks(deps, { today: '2026-12-19' })).toEqual({
      ...zero,
      cancelled: 1,
      markedDue: 1,
      markedOverdue: 1,
    });
    expect((await clocksOf(caseId)).map((c) => [c.period, c.state])).toEqual([
      ['barred_list_return', 'overdue'],
      ['pcc_report_first', 'cancelled'],
    ]);
  });

  it('never acts twice on a clock when two sweeps run at once', async () => {
    // 30 cases: 15 with the report due today, 15 overdue since yesterday.
    for (let i = 0; i < 30; i++) await caseWithReportClock(i < 15 ? '2025-12-19' : '2025-12-18');
    const [a, b] = await Promise.all([
      sweepClocks(deps, { today: '2026-12-19', batchSize: 3 }),
      sweepClocks(deps, { today: '2026-12-19', batchSize: 3 }),
    ]);
    if (!a || !b) throw new Error('no result');
    expect(a.markedDue + b.markedDue).toBe(30);
    expect(a.markedOverdue + b.markedOverdue).toBe(15);
    expect(a.repeatsCreated + b.repeatsCreated).toBe(30);
    const perClock = await database.query<{ event_type: string; n: number }>(
      `select event_type, count(*)::int as n from audit_events where event_type in ('clock.due', 'clock.overdue') and seq > $1 group by event_type, subject_id having count(*) > 1`,
      [auditMark],
    );
    expect(perClock).toEqual([]);
    expect(await auditCount('clock.due')).toBe(30);
    expect(await auditCount('clock.overdue')).toBe(15);
    expect(await sweepClocks(deps, { today: '2026-12-19' })).toEqual(zero);
    expect((await verifyAuditChain(deps.db)).ok).toBe(true);
  });

  it('lets a window (the officer’s time to appeal) elapse instead of marking it overdue, and leaves the deadline lists', async () => {
    const { caseId } = await caseWithReportClock('2026-06-01');
    await deps.db.transaction((tx) =>
      startClock(tx, deps, {
        forceId: 'west',
        caseId,
        allegationId: null,
        subjectId: null,
        period: 'pat_appeal',
        startOn: '2026-12-01',
        regimeVersion: regimeFor('2026-06-01'),
        ownerUserId: null,
      }),
    );
    // 10 working days from 1 Dec 2026 end on 15 Dec; on 19 Dec the window has elapsed.
    expect(await sweepClocks(deps, { today: '2026-12-19' })).toEqual({ ...zero, windowsElapsed: 1 });
    expect((await clocksOf(caseId)).find((k) => k.period === 'pat_appeal')).toMatchObject({
      state: 'met',
      due_on: '2026-12-15',
    });
    expect(await auditCount('clock.overdue')).toBe(0);
    expect(await auditCount('clock.met')).toBe(1);
    expect(await sweepClocks(deps, { today: '2026-12-19' })).toEqual(zero);
  });

  it('leaves a window alone on its last day (and finishes: the window is not selected again and again)', async () => {
    const { caseId } = await caseWithReportClock('2026-06-01');
    await deps.db.transaction((tx) =>
      startClock(tx, deps, {
        forceId: 'west',
        caseId,
        allegationId: null,
        subjectId: null,
        period: 'pat_appeal',
        startOn: '2026-12-01',
        regimeVersion: regimeFor('2026-06-01'),
        ownerUserId: null,
      }),
    );
    expect(await sweepClocks(deps, { today: '2026-12-15' })).toEqual(zero);
    expect((await clocksOf(caseId)).find((k) => k.period === 'pat_appeal')).toMatchObject({
      state: 'running',
      due_on: '2026-12-15',
    });
  });

  // PGlite has a single connection, so a lock held by another transaction exists only on PostgreSQL: this
  // test is registered for `npm run test:pg` alone rather than reported as skipped on PGlite.
  const onPostgres = testEngine === 'pg' ? it : null;
  onPostgres?.(
    'skips a clock another transaction holds instead of waiting for it (FOR UPDATE SKIP LOCKED)',
    async () => {
      const held = await caseWithReportClock('2025-12-19');
      const free = await caseWithReportClock('2025-12-19');
      await deps.db.transaction(async (tx) => {
        await tx.execute(sql`select id from clocks where id = ${held.clockId}::uuid for update`);
        // The sweep runs on other connections of the pool while this transaction holds the row.
        expect(await sweepClocks(deps, { today: '2026-12-19' })).toEqual({ ...zero, markedDue: 1, repeatsCreated: 1 });
      });
      expect((await clocksOf(free.caseId))[0]?.state).toBe('due');
      expect((await clocksOf(held.caseId))[0]?.state).toBe('running');
      expect(await sweepClocks(deps, { today: '2026-12-19' })).toEqual({ ...zero, markedDue: 1, repeatsCreated: 1 });
    },
  );

  it('accepts FOR UPDATE SKIP LOCKED on this engine', async () => {
    const rows = await database.query(`select id from clocks where state = 'running' for update skip locked`);
    expect(rows).toEqual([]);
  });
});

describe('ukToday', () => {
  it('is the date in England and Wales, not in UTC', () => {
    expect(ukToday(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02'); // 00:30 BST
    expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
  });
});
