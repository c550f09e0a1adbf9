import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createForce } from '../../../test/support/factories.ts';
import { regimeFor } from './regime.ts';
import { cancelCaseClocks, startClock, stopClocks } from './start-clock.ts';

let database: Database;
let deps: Deps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-12-21T10:00:00Z') };
  await createForce(deps.db, 'west');
});

afterAll(async () => {
  await database?.close();
});

async function newCase(cameToAttentionOn: string): Promise<string> {
  const [row] = await deps.db
    .insert(cases)
    .values({
      forceId: 'west',
      reference: `WEST-${randomUUID().slice(0, 8)}`,
      source: 'internal_report',
      caseType: 'conduct_matter',
      cameToAttentionOn,
      regimeVersion: regimeFor(cameToAttentionOn),
      summary: 'A test case',
    })
    .returning();
  if (!row) throw new Error('no case');
  return row.id;
}

const count = async (sqlText: string, params: unknown[]) =>
  (await database.query<{ n: number }>(sqlText, params))[0]?.n ?? 0;
const auditCount = (type: string, clockId: string) =>
  count(`select count(*)::int as n from audit_events where event_type = $1 and subject_id = $2`, [type, clockId]);

describe('startClock', () => {
  it('starts the 12-month report to the PCC on the anniversary of the matter coming to attention, and audits it', async () => {
    const caseId = await newCase('2025-12-19');
    const clock = await deps.db.transaction((tx) =>
      startClock(tx, deps, {
        forceId: 'west',
        caseId,
        allegationId: null,
        subjectId: null,
        period: 'pcc_report_first',
        startOn: '2025-12-19',
        regimeVersion: '2020+2025',
        ownerUserId: null,
      }),
    );
    expect(clock).toMatchObject({ dueOn: '2026-12-19', created: true });
    const [row] = await database.query<Record<string, unknown>>(
      `select state, sequence, started_on::text, due_on::text, regime_version from clocks where id = $1`,
      [clock?.id],
    );
    expect(row).toEqual({
      state: 'running',
      sequence: 1,
      started_on: '2025-12-19',
      due_on: '2026-12-19',
      regime_version: '2020+2025',
    });
    expect(await auditCount('clock.started', clock?.id ?? '')).toBe(1);
  });

  it('counts 5 working days beginning with Thursday 24 December 2026 over Christmas for a barred-list return (Barred List Regs 2017 reg 3(1))', async () => {
    // 25 Dec (Fri) and 28 Dec (Mon, Boxing Day substitute) are bank holidays; 29, 30, 31 Dec = 1–3;
    // 1 Jan 2027 (Fri) is a bank holiday; 4 Jan = 4, 5 Jan = 5.
    const caseId = await newCase('2025-06-01');
    const clock = await deps.db.transaction((tx) =>
      startClock(tx, deps, {
        forceId: 'west',
        caseId,
        allegationId: randomUUID(),
        subjectId: randomUUID(),
        period: 'barred_list_return',
        startOn: '2026-12-24',
        regimeVersion: '2020+2025',
        ownerUserId: null,
      }),
    );
    // 24 Dec (day 1), 29, 30, 31 Dec, 4 Jan: the 25th, the 28th (Boxing Day substitute) and 1 Jan are holidays.
    expect(clock?.dueOn).toBe('2027-01-04');
  });

  it('is idempotent while the clock is live: the same key returns the same clock, unchanged and unaudited', async () => {
    const caseId = await newCase('2025-12-19');
    const input = {
      forceId: 'west',
      caseId,
      allegationId: null,
      subjectId: null,
      period: 'pcc_report_first' as const,
      startOn: '2025-12-19',
      regimeVersion: '2020+2025' as const,
      ownerUserId: null,
    };
    const first = await deps.db.transaction((tx) => startClock(tx, deps, input));
    const again = await deps.db.transaction((tx) => startClock(tx, deps, { ...input, startOn: '2026-01-05' }));
    expect(again).toEqual({ id: first?.id, dueOn: '2026-12-19', created: false });
    expect(await count(`select count(*)::int as n from clocks where case_id = $1`, [caseId])).toBe(1);
    expect(await auditCount('clock.started', first?.id ?? '')).toBe(1);
    // A different sequence, allegation or subject is a different clock.
    const repeat = await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...input, period: 'pcc_report_repeat', sequence: 2, startOn: '2026-12-19' }),
    );
    expect(repeat).toMatchObject({ created: true, dueOn: '2027-06-19' });
    const perAllegation = await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...input, allegationId: randomUUID() }),
    );
    expect(perAllegation?.created).toBe(true);
  });

  it('starts a clock only once when two transactions start it at the same moment', async () => {
    const caseId = await newCase('2025-12-19');
    const input = {
      forceId: 'west',
      caseId,
      allegationId: null,
      subjectId: null,
      period: 'pcc_report_first' as const,
      startOn: '2025-12-19',
      regimeVersion: '2020+2025' as const,
      ownerUserId: null,
    };
    const results = await Promise.all([1, 2, 3].map(() => deps.db.transaction((tx) => startClock(tx, deps, input))));
    expect(results.filter((r) => r?.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r?.id)).size).toBe(1);
    expect(await count(`select count(*)::int as n from clocks where case_id = $1`, [caseId])).toBe(1);
  });

  it('returns null for a period the case’s regime does not have (no reg 19 report under the 2012 regulations)', async () => {
    const caseId = await newCase('2019-06-01');
    const clock = await deps.db.transaction((tx) =>
      startClock(tx, deps, {
        forceId: 'west',
        caseId,
        allegationId: null,
        subjectId: null,
        period: 'pcc_report_first',
        startOn: '2019-06-01',
        regimeVersion: '2012',
        ownerUserId: null,
      }),
    );
    expect(clock).toBeNull();
    expect(await count(`select count(*)::int as n from clocks where case_id = $1`, [caseId])).toBe(0);
  });

  it('uses the configured length of a period, not the default', async () => {
    const caseId = await newCase('2025-12-19');
    const { resolvePeriods } = await import('./periods.ts');
    const configured: Deps = {
      ...deps,
      config: { ...deps.config, rules: { ...deps.config.rules, periods: resolvePeriods({ suspension_review: 21 }) } },
    };
    const clock = await deps.db.transaction((tx) =>
      startClock(tx, configured, {
        forceId: 'west',
        caseId,
        allegationId: null,
        subjectId: randomUUID(),
        period: 'suspension_review',
        startOn: '2026-01-05',
        regimeVersion: '2020+2025',
        ownerUserId: null,
      }),
    );
    expect(clock?.dueOn).toBe('2026-01-26');
  });
});

describe('stopClocks and cancelCaseClocks', () => {
  it('meets only the live clocks of the period and allegation named, and lets the clock be started afresh afterwards', async () => {
    const caseId = await newCase('2025-12-19');
    const allegationId = randomUUID();
    const base = {
      forceId: 'west',
      caseId,
      subjectId: null,
      startOn: '2026-03-02',
      regimeVersion: '2020+2025' as const,
      ownerUserId: null,
    };
    const onAllegation = await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...base, allegationId, period: 'pre_hearing' }),
    );
    const caseLevel = await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...base, allegationId: null, period: 'pre_hearing' }),
    );
    const other = await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...base, allegationId, period: 'outcome_report' }),
    );
    const stopped = await deps.db.transaction((tx) =>
      stopClocks(tx, { forceId: 'west', caseId, allegationId, period: 'pre_hearing', metOn: '2026-03-20' }),
    );
    expect(stopped).toBe(1);
    const states = await database.query<{ id: string; state: string; met_on: string | null }>(
      `select id, state, met_on::text from clocks where case_id = $1`,
      [caseId],
    );
    const stateOf = (id: string | undefined) => states.find((s) => s.id === id);
    expect(stateOf(onAllegation?.id)).toMatchObject({ state: 'met', met_on: '2026-03-20' });
    expect(stateOf(caseLevel?.id)?.state).toBe('running');
    expect(stateOf(other?.id)?.state).toBe('running');
    expect(await auditCount('clock.met', onAllegation?.id ?? '')).toBe(1);
    // Stopping again finds nothing live; starting again makes a new clock.
    expect(
      await deps.db.transaction((tx) =>
        stopClocks(tx, { forceId: 'west', caseId, allegationId, period: 'pre_hearing', metOn: '2026-03-21' }),
      ),
    ).toBe(0);
    const restarted = await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...base, allegationId, period: 'pre_hearing', startOn: '2026-04-01' }),
    );
    expect(restarted?.created).toBe(true);
    expect(restarted?.id).not.toBe(onAllegation?.id);
  });

  it('cancels every live clock of a case and leaves met ones alone', async () => {
    const caseId = await newCase('2025-12-19');
    const base = {
      forceId: 'west',
      caseId,
      allegationId: null,
      subjectId: null,
      startOn: '2026-03-02',
      regimeVersion: '2020+2025' as const,
      ownerUserId: null,
    };
    await deps.db.transaction((tx) =>
      startClock(tx, deps, { ...base, period: 'pcc_report_first', startOn: '2025-12-19' }),
    );
    await deps.db.transaction((tx) => startClock(tx, deps, { ...base, period: 'outcome_report' }));
    await deps.db.transaction((tx) =>
      stopClocks(tx, { forceId: 'west', caseId, allegationId: null, period: 'outcome_report', metOn: '2026-03-05' }),
    );
    await deps.db.transaction((tx) => startClock(tx, deps, { ...base, period: 'pre_hearing' }));
    expect(await deps.db.transaction((tx) => cancelCaseClocks(tx, { forceId: 'west', caseId }))).toBe(2);
    const states = await database.query<{ period: string; state: string }>(
      `select period, state from clocks where case_id = $1 order by period`,
      [caseId],
    );
    expect(states).toEqual([
      { period: 'outcome_report', state: 'met' },
      { period: 'pcc_report_first', state: 'cancelled' },
      { period: 'pre_hearing', state: 'cancelled' },
    ]);
  });
});
