import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { openNotificationWorld } from '../../../test/support/notification-world.ts';
import { runClaimedJob, type JobLogger } from './run-claimed-job.ts';
import { CHECKPOINT_JOB, startScheduler, SWEEP_JOB } from './scheduler.ts';
import { checkpointSignatureValid, latestCheckpoint } from '../audit/audit-checkpoint.ts';
import { sweepStatus } from './sweep-status.ts';

let database: Database;
let deps: Deps;
let world: Awaited<ReturnType<typeof openNotificationWorld>>;
const logged: { level: 'info' | 'error'; msg: string }[] = [];
const log: JobLogger = {
  info: (_o, msg) => logged.push({ level: 'info', msg }),
  error: (_o, msg) => logged.push({ level: 'error', msg }),
};
const noSleep = async () => undefined;
const instance = (id: string): Deps => ({
  ...deps,
  config: { ...deps.config, scheduler: { ...deps.config.scheduler, instanceId: id } },
});

beforeAll(async () => {
  database = await createTestDatabase();
  // Monday 7 December 2026, 10:00 UK time.
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-12-07T10:00:00Z') };
  world = await openNotificationWorld(deps, 'sched');
});

afterAll(async () => {
  await database?.close();
});

describe('runClaimedJob', () => {
  it('lets exactly one of several instances act for a run, however they race', async () => {
    const slot = new Date('2026-12-07T10:00:00Z');
    let acted = 0;
    const work = async () => {
      acted += 1;
      return { acted };
    };
    const outcomes = await Promise.all(
      ['a', 'b', 'c'].map((id) => runClaimedJob(instance(id), { name: 'race-test', slot, work, log })),
    );
    expect(acted).toBe(1);
    expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'skipped')).toHaveLength(2);
    // An instance that comes later for the same run also stands aside; the next run is open again.
    expect((await runClaimedJob(instance('d'), { name: 'race-test', slot, work, log })).status).toBe('skipped');
    const next = new Date('2026-12-07T10:15:00Z');
    expect((await runClaimedJob(instance('d'), { name: 'race-test', slot: next, work, log })).status).toBe('ok');
    expect(acted).toBe(2);
  });

  it('logs a failure, tries again and records the outcome, without throwing', async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw new Error(`database away (${calls})`);
      return { fine: true };
    };
    const slot = new Date('2026-12-07T11:00:00Z');
    const outcome = await runClaimedJob(deps, { name: 'flaky-test', slot, work: flaky, log, sleep: noSleep });
    expect(outcome).toEqual({ status: 'ok', result: { fine: true }, attempts: 3 });
    expect(logged.filter((l) => l.level === 'error' && l.msg === 'scheduled run failed')).toHaveLength(2);
    const [row] = await rawRows<{ outcome: string; attempts: number; error: string | null }>(
      deps.db,
      sql`select outcome, attempts, error from job_runs where job = 'flaky-test'`,
    );
    expect(row).toEqual({ outcome: 'ok', attempts: 3, error: null });

    const broken = async () => {
      throw new Error('always broken');
    };
    const failed = await runClaimedJob(deps, { name: 'broken-test', slot, work: broken, log, sleep: noSleep });
    expect(failed).toEqual({ status: 'failed', error: 'always broken', attempts: deps.config.scheduler.attempts });
  });
});

describe('startScheduler', () => {
  it('sweeps at start-up: a clock due today becomes due in the data and its reminder is recorded', async () => {
    const due = await world.caseWithClockDue('2026-12-07');
    const overdue = await world.caseWithClockDue('2026-12-04');
    const scheduler = startScheduler(instance('startup'), log, null);
    const outcome = await scheduler.startup;
    scheduler.stop();
    expect(outcome.status).toBe('ok');
    const states = await rawRows<{ id: string; state: string }>(
      deps.db,
      sql`select id, state from clocks where id in (${due.clockId}::uuid, ${overdue.clockId}::uuid)`,
    );
    expect(new Map(states.map((s) => [s.id, s.state]))).toEqual(
      new Map([
        [due.clockId, 'due'],
        [overdue.clockId, 'overdue'],
      ]),
    );
    const notices = await rawRows<{ message: string }>(
      deps.db,
      sql`select message from notifications where user_id = ${world.investigator.user.id}::uuid order by message`,
    );
    // References are random, so the two notices are matched whatever their order.
    expect(notices).toHaveLength(2);
    expect(notices.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`${due.reference}: “First report to the local policing body`),
        expect.stringContaining(`${overdue.reference}: “First report`),
      ]),
    );
    const status = await sweepStatus(deps);
    expect(status.lastRun).toMatchObject({ outcome: 'ok', instance: 'startup' });
    expect(status.lastRun?.finishedAt).not.toBeNull();
    // A run's rows are claimed under SWEEP_JOB.
    expect(await rawRows(deps.db, sql`select 1 from job_runs where job = ${SWEEP_JOB}`)).toHaveLength(1);
  });
});

describe('signed audit checkpoints on a schedule', () => {
  it('writes a signed checkpoint on PROBITY_AUDIT_CHECKPOINT_CRON when a key and a file are configured', async () => {
    const keys = generateKeyPairSync('ed25519');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-checkpoint-'));
    const file = path.join(dir, 'checkpoints.jsonl');
    const withKey: Deps = {
      ...instance('checkpointer'),
      config: {
        ...instance('checkpointer').config,
        // Every second, so that the test need not wait for the hourly default.
        auditCheckpoint: {
          key: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          file,
          cron: '* * * * * *',
        },
      },
    };
    const scheduler = startScheduler(withKey, log, null);
    try {
      await scheduler.startup;
      // The run is recorded as ok only after the checkpoint is written.
      await expect
        .poll(
          async () =>
            (
              await rawRows<{ instance: string }>(
                deps.db,
                sql`select instance from job_runs where job = ${CHECKPOINT_JOB} and outcome = 'ok'`,
              )
            ).map((r) => r.instance),
          { timeout: 15_000, interval: 200 },
        )
        .toContain('checkpointer');
    } finally {
      scheduler.stop();
    }
    const checkpoint = latestCheckpoint(fs.readFileSync(file, 'utf8'));
    expect(checkpoint).not.toBeNull();
    if (!checkpoint) return;
    expect(checkpointSignatureValid(checkpoint, keys.publicKey)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('schedules none, and says so, when a key is set but nowhere to write', async () => {
    const keys = generateKeyPairSync('ed25519');
    const keyOnly: Deps = {
      ...instance('no-destination'),
      config: {
        ...instance('no-destination').config,
        auditCheckpoint: { key: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      },
    };
    const scheduler = startScheduler(keyOnly, log, null);
    await scheduler.startup;
    scheduler.stop();
    expect(logged.some((l) => l.level === 'error' && l.msg.startsWith('audit checkpoints are not scheduled'))).toBe(
      true,
    );
  });
});
