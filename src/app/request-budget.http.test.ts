import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from '../../test/support/test-database.ts';
import { testConfig } from '../../test/support/test-app.ts';
import type { Database } from '../db/client.ts';
import { buildServer } from './server.ts';
import type { Deps } from '../kernel/deps.ts';
import type { RequestBudgetConfig } from '../kernel/config/config.ts';
import { Admission, AdmissionRefused } from './plugins/request-budget.ts';

/** A gate a test route waits on, so that a request stays at work exactly as long as the test wants. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), what).toBe(true);
};

describe('admission queue', () => {
  const never = () => false;
  const ignore = () => undefined;

  it('lets `active` requests work, queues `queue` more, and refuses the next at once', async () => {
    const admission = new Admission({ active: 1, queue: 1, waitMs: 10_000 });
    await admission.enter(never, ignore);
    let second = false;
    const waiting = admission.enter(never, ignore).then(() => (second = true));
    await expect(admission.enter(never, ignore)).rejects.toEqual(new AdmissionRefused('full'));
    expect([admission.active, admission.queued, second]).toEqual([1, 1, false]);
    admission.leave();
    await waiting;
    expect([admission.active, admission.queued, second]).toEqual([1, 0, true]);
  });

  it('refuses a request that waited too long, and frees the place of one whose client left', async () => {
    const admission = new Admission({ active: 1, queue: 5, waitMs: 50 });
    await admission.enter(never, ignore);
    await expect(admission.enter(never, ignore)).rejects.toEqual(new AdmissionRefused('timeout'));
    let leave: () => void = () => undefined;
    const gone = admission.enter(never, (listener) => (leave = listener));
    expect(admission.queued).toBe(1);
    leave();
    await expect(gone).rejects.toEqual(new AdmissionRefused('gone'));
    expect(admission.queued).toBe(0);
  });
});

describe('request budget over HTTP', () => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  let admission: Admission;
  const held = {
    gate: gate(),
    entered: 0,
    statementsRun: 0,
    refused: [] as string[],
    scope: undefined as { abandoned: boolean } | undefined,
  };

  async function start(budget: Partial<RequestBudgetConfig>) {
    database = await createTestDatabase();
    const config = testConfig();
    const deps: Deps = {
      db: database.db,
      config: { ...config, requestBudget: { ...config.requestBudget, ...budget } },
      now: () => new Date(),
    };
    app = await buildServer(deps, { logger: false });
    admission = app.admission;
    // Test-only routes (not signed in: they read no session), held at work until the test opens the gate.
    const work = async (label: string) => {
      held.entered += 1;
      await held.gate.opened;
      try {
        await deps.db.execute(sql`select 1`);
        held.statementsRun += 1;
      } catch (err) {
        held.refused.push(`${label}: ${(err as Error).name}`);
        throw err;
      }
      return { ok: true };
    };
    app.get('/api/test/held', async (request) => {
      held.scope = request.dbScope ?? undefined;
      return work('get');
    });
    // Under /api/ but outside /api/v1: no CSRF token and no caller needed.
    app.post('/api/test/held', async () => work('post'));
    app.get('/api/test/slow', async () => {
      await new Promise((r) => setTimeout(r, 150));
      await deps.db.execute(sql`select 1`);
      return { ok: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    await start({ active: 1, queue: 1, waitMs: 5000, budgetMs: 100 });
  });

  afterAll(async () => {
    held.gate.open();
    await app?.close();
    await database?.close();
  });

  it('answers 503 with Retry-After beyond the queue, keeps /health answering, and serves the queue in turn', async () => {
    held.gate = gate();
    held.entered = 0;
    const first = fetch(`${base}/api/test/held`);
    await until(() => held.entered === 1, 'the first request is at work');
    const second = fetch(`${base}/api/test/held`);
    await new Promise((r) => setTimeout(r, 50));
    expect(held.entered).toBe(1);
    const third = await fetch(`${base}/api/test/held`);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    // Hold the gate past the first request's budget (100 ms) whatever the machine's speed: then it must start
    // no statement once the gate opens.
    await new Promise((r) => setTimeout(r, 200));
    held.gate.open();
    expect((await first).status).toBe(503); // its budget (100 ms) was spent waiting at the gate: no statement
    expect((await second).status).toBe(503);
    expect(held.statementsRun).toBe(0);
  });

  it('starts no statement for a read whose client has gone, and skips a queued one entirely', async () => {
    held.gate = gate();
    held.entered = 0;
    held.statementsRun = 0;
    held.refused = [];
    const abandon = () => {
      const req = http.get(`${base}/api/test/held`);
      req.on('error', () => undefined);
      return req;
    };
    const first = abandon();
    await until(() => held.entered === 1, 'the first request is at work');
    const queued = abandon();
    await until(() => admission.queued === 1, 'the second request waits in the queue');
    queued.destroy();
    await until(() => admission.queued === 0, 'the queued request gave its place up');
    first.destroy();
    // Wait until the server has seen the client go (not a fixed time: a loaded machine may take longer).
    await until(() => held.scope?.abandoned === true, 'the server saw the first client go');
    held.gate.open();
    await until(() => held.refused.length === 1, 'the first request stopped');
    expect(held.refused).toEqual(['get: StatementRefusedError']);
    // The queued request never entered the handler, and its place was given up.
    await new Promise((r) => setTimeout(r, 100));
    expect(held.entered).toBe(1);
    expect(held.statementsRun).toBe(0);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
  });

  it('stops a read that spent its budget before its next statement, but lets a write finish', async () => {
    const slow = await fetch(`${base}/api/test/slow`);
    expect(slow.status).toBe(503);
    expect(slow.headers.get('retry-after')).toBe('1');
    held.gate = gate();
    held.statementsRun = 0;
    const write = fetch(`${base}/api/test/held`, { method: 'POST' });
    await new Promise((r) => setTimeout(r, 150));
    held.gate.open();
    expect((await write).status).toBe(200);
    expect(held.statementsRun).toBe(1);
  });
});
