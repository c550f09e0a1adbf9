import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from '../../test/support/test-database.ts';
import { testConfig, type TestApp } from '../../test/support/test-app.ts';
import { buildServer } from './server.ts';
import type { Deps } from '../kernel/deps.ts';
import { buildCaseWorld, type CaseWorld, type Who } from '../../test/fixtures/misconduct/cases.http-fixtures.ts';

/**
 * SQL statements per request, pinned for the main routes (issue 13): a deterministic guard that a change did
 * not add round trips, where a timed test would be noise. The count is the server's own
 * (src/db/request-scope.ts: every statement drizzle sends, transaction control not counted), the same figure
 * /metrics exposes as probity_db_statements_per_request. A change that rightly adds or removes a statement
 * updates the number here, in the same commit, with its reason.
 */

let t: TestApp;
let world: CaseWorld;
const counts: { url: string; statements: number }[] = [];

beforeAll(async () => {
  const database = await createTestDatabase();
  const deps: Deps = {
    db: database.db,
    config: testConfig({ metricsToken: 'metrics-test-token' }),
    now: () => new Date(),
  };
  const app: FastifyInstance = await buildServer(deps, { logger: false });
  app.addHook('onResponse', async (request) => {
    counts.push({ url: request.url, statements: request.dbScope?.statements ?? -1 });
  });
  await app.ready();
  t = {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
  world = await buildCaseWorld(t);
});

afterAll(async () => {
  await t?.close();
});

/** The statements one request issued, and its status (a count of a failed request would pin nothing). */
async function statementsOf(who: Who, url: string, kind: 'page' | 'api' = url.startsWith('/api/') ? 'api' : 'page') {
  counts.length = 0;
  const headers =
    kind === 'api'
      ? { authorization: `Bearer ${world.tokens[who]}` }
      : { cookie: `probity_session=${world.cookies[who]}` };
  const res = await t.app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  expect(counts).toHaveLength(1);
  return counts[0]?.statements ?? -1;
}

describe('statements per request', () => {
  it('pins the case list, page and API', async () => {
    // The list is an audited read (one audit event per request: 5 statements to extend the chain).
    expect(await statementsOf('aa', '/api/v1/cases')).toBe(9);
    // The page adds the header's unread count and the filters' choices (leads, categories).
    expect(await statementsOf('aa', '/cases')).toBe(11);
  });

  it('pins the case page and its API (an audited read)', async () => {
    // + the clocks' timeline entries, and (Conduct Regs 2020 reg 42(8), 42(11)) the subjects' career breaks and
    // final written warnings on record: one statement each for all the subjects, however many.
    expect(await statementsOf('aa', `/api/v1/cases/${world.normal.id}`)).toBe(16);
    expect(await statementsOf('aa', `/cases/${world.normal.id}`)).toBe(21); // + the header's unread count
  });

  it('pins the person search by name and by number (an audited read)', async () => {
    expect(await statementsOf('aa', '/api/v1/people?q=ashworth')).toBe(8);
    expect(await statementsOf('aa', '/api/v1/people?q=555')).toBe(8);
    expect(await statementsOf('aa', '/people?q=555')).toBe(11); // + the header's unread count
  });

  it('pins the deadlines', async () => {
    // An audited read: one audit event per request.
    expect(await statementsOf('aa', '/api/v1/deadlines')).toBe(9); // + the overdue count
    expect(await statementsOf('aa', '/deadlines')).toBe(10); // + the header's unread count
  });

  it('pins the oversight summary', async () => {
    expect(await statementsOf('aa', '/api/v1/oversight/summary')).toBe(11);
  });

  it('pins the home page', async () => {
    // The home page is each role's work queue: one count per kind of waiting work, with the case list's own query.
    expect(await statementsOf('aa', '/')).toBe(17);
    expect(await statementsOf('investigator', '/')).toBe(9);
  });

  it('counts nothing for a request that never reaches the database', async () => {
    counts.length = 0;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases' });
    expect(res.statusCode).toBe(401);
    expect(counts).toEqual([{ url: '/api/v1/cases', statements: 0 }]);
  });

  it('exposes the count per route in /metrics', async () => {
    await statementsOf('aa', '/api/v1/people?q=ashworth');
    const metrics = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-test-token' },
    });
    expect(metrics.body).toMatch(
      /probity_db_statements_per_request_count\{method="GET",route="\/api\/v1\/people"\} [1-9]/,
    );
    expect(metrics.body).toMatch(
      /probity_db_statements_per_request_sum\{method="GET",route="\/api\/v1\/people"\} [1-9]/,
    );
  });
});
