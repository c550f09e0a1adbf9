import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfPairFor, type TestApp } from '../../test/support/test-app.ts';
import {
  hostileBody,
  hostileString,
  malformedJson,
  plausible,
  type JsonSchema,
} from '../../test/support/hostile-values.ts';
import { buildCaseWorld, type CaseWorld } from '../../test/fixtures/misconduct/cases.http-fixtures.ts';

/**
 * The permanent hostile-input suite (issue 12): every operation of the OpenAPI document and every form post
 * of the pages gets malformed JSON, values of the wrong type, `null`, NUL and control characters, huge
 * strings, impossible dates and a multipart body without a boundary, generated with fast-check from a fixed
 * seed (PROBITY_FUZZ_SEED and PROBITY_FUZZ_RUNS change them). No answer may be a 5xx, and when every request
 * to an operation was refused, nothing in the database changed.
 */

const SEED = Number(process.env['PROBITY_FUZZ_SEED'] ?? 20261207);
const RUNS = Number(process.env['PROBITY_FUZZ_RUNS'] ?? 16);
/**
 * Tables a refused request may still touch: the session's and token's last-seen time, and the audit log,
 * where a form shown again with its errors records the read of the record it shows (counted apart below).
 */
const VOLATILE = new Set(['sessions', 'api_tokens', '__drizzle_migrations', 'audit_events', 'audit_chain_heads']);
/** Audit events that record a read; every other event records a change. */
const READ_EVENT = '(viewed|listed|searched)$';

type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

let t: TestApp;
let w: CaseWorld;
let fingerprintSql = '';
/** Each caller's CSRF pair: a token is good only in the session it was made for. */
const csrfPairs = new Map<string, { secret: string; token: string }>();
const statuses = new Map<number, number>();
const serverErrors: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  const tables = await t.database.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  fingerprintSql = tables
    .filter((r) => !VOLATILE.has(r.tablename))
    .map(
      (r) =>
        `select '${r.tablename}' as t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as f from "${r.tablename}"`,
    )
    .concat(`select 'audited changes', count(*)::text from audit_events where event_type !~ '${READ_EVENT}'`)
    .join(' union all ');
  for (const who of ['aa', 'vetting', 'aaSubject'] as const)
    csrfPairs.set(who, await csrfPairFor(t.app, w.cookies[who]));
}, 120_000);

afterAll(async () => {
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  console.log(`hostile input: ${total} requests; ${histogram.join(', ')}; 5xx: ${serverErrors.length}`);
  await t?.close();
});

/** Row counts and row versions (xmin) of every table, and the audited changes: any write changes it. */
async function fingerprint(): Promise<string> {
  return JSON.stringify(await t.database.query(fingerprintSql));
}

async function send(
  label: string,
  options: { method: string; url: string; headers: Record<string, string>; payload?: string },
): Promise<LightMyRequestResponse> {
  const res = await t.app.inject({ ...options, method: options.method as 'GET' });
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) serverErrors.push(`${label} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
  return res;
}

/** A path segment, percent-encoded; a lone surrogate cannot be, so it goes as an invalid escape instead. */
function segment(value: unknown): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return '%ED%A0%80';
  }
}

function query(values: Record<string, unknown>): string {
  const parts = Object.entries(values).map(([k, v]) => `${segment(k)}=${segment(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The caller for a path: each area's own role, so that requests pass the policy and reach the use case. */
function callerFor(path: string): { token: string; cookie: string; csrf: { secret: string; token: string } } {
  const who = /vetting/.test(path) ? 'vetting' : /declarations/.test(path) ? 'aaSubject' : 'aa';
  const csrf = csrfPairs.get(who);
  if (!csrf) throw new Error(`no CSRF pair for ${who}`);
  return { token: w.tokens[who], cookie: w.cookies[who], csrf };
}

/** Real records where a path names one the caller may see, so hostile input gets past the 404. */
function realId(path: string, name: string): string {
  if (name === 'id' && /cases\/(:id|\{id\})/.test(path)) return w.normal.id;
  if (name === 'id' && /people\/(:id|\{id\})/.test(path)) return w.people.carol.id;
  if (name === 'personId') return w.people.carol.id;
  return randomUUID();
}

const ids = () => [w.normal.id, w.people.carol.id, w.accounts.aa.user.id];

describe('hostile input to every operation', () => {
  it('answers every API operation without a 5xx, and a refused request changes nothing', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<OpenApi>();
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        const label = `${method.toUpperCase()} ${path}`;
        const { token } = callerFor(path);
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const takesBody = method !== 'get' && method !== 'delete';
        const before = await fingerprint();
        let accepted = false;
        const url = (params: Record<string, unknown>) =>
          path.replace(/\{(\w+)\}/g, (_, name: string) => segment(params[name] ?? realId(path, name)));
        const paramArb = fc.record(
          Object.fromEntries(pathParams.map((n) => [n, fc.oneof(fc.constant(realId(path, n)), hostileString)])),
          { requiredKeys: [] },
        );
        const queryArb = fc.record(
          Object.fromEntries(
            queryParams.map((p) => [p.name, fc.oneof(plausible(p.schema, ids()), hostileString, fc.constant(null))]),
          ),
          { requiredKeys: [] },
        );
        await fc.assert(
          fc.asyncProperty(
            paramArb,
            queryArb,
            takesBody ? hostileBody(bodySchema, ids()) : fc.constant(undefined),
            async (params, q, body) => {
              const res = await send(label, {
                method: method.toUpperCase(),
                url: url(params) + query(q),
                headers: {
                  authorization: `Bearer ${token}`,
                  ...(takesBody ? { 'content-type': 'application/json' } : {}),
                },
                ...(takesBody ? { payload: JSON.stringify(body) ?? 'null' } : {}),
              });
              if (res.statusCode < 400) accepted = true;
              return res.statusCode < 500;
            },
          ),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
        if (takesBody) {
          const raw = fc.sample(malformedJson, { seed: SEED, numRuns: 4 });
          for (const payload of raw) {
            const res = await send(label, {
              method: method.toUpperCase(),
              url: url({}),
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              payload,
            });
            if (res.statusCode < 400) accepted = true;
          }
          for (const type of ['multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain']) {
            const res = await send(label, {
              method: method.toUpperCase(),
              url: url({}),
              headers: { authorization: `Bearer ${token}`, 'content-type': type },
              payload: 'a=%00',
            });
            if (res.statusCode < 400) accepted = true;
          }
        }
        if (!accepted) expect(await fingerprint(), `${label} changed the database while refusing`).toBe(before);
      }
    }
    expect(operations).toBeGreaterThan(90);
    expect(serverErrors).toEqual([]);
  }, 600_000);

  it('answers every page and form post without a 5xx, and a refused post changes nothing', async () => {
    const routes = t.app.registeredRoutes.filter(
      (r) => !r.url.startsWith('/api/') && !r.url.startsWith('/assets/') && r.url !== '*' && r.url !== '/sign-out',
    );
    const fill = (url: string, hostile: Record<string, string>) =>
      url.replace(/:(\w+)/g, (_, name: string) => segment(hostile[name] ?? realId(url, name)));
    for (const route of routes) {
      const label = `${route.method} ${route.url}`;
      const { cookie, csrf } = callerFor(route.url);
      const cookies = `probity_session=${cookie}; probity_csrf=${csrf.secret}`;
      if (route.method === 'GET') {
        const queryArb = fc.dictionary(
          fc.constantFrom('q', 'page', 'from', 'to', 'status', 'next', 'sort'),
          hostileString,
          {
            maxKeys: 3,
          },
        );
        const samples = fc.sample(fc.tuple(queryArb, fc.dictionary(fc.constantFrom('id', 'personId'), hostileString)), {
          seed: SEED,
          numRuns: 3,
        });
        for (const [q, params] of samples)
          await send(label, { method: 'GET', url: fill(route.url, params) + query(q), headers: { cookie: cookies } });
        continue;
      }
      const form = await t.app.inject({ method: 'GET', url: fill(route.url, {}), headers: { cookie: cookies } });
      const names = [...new Set([...form.body.matchAll(/name="([\w.[\]-]+)"/g)].map((m) => m[1] ?? ''))].filter(
        (n) => n !== '' && n !== '_csrf',
      );
      const fieldNames = names.length > 0 ? names : ['summary', 'date', 'version', 'reason'];
      const before = await fingerprint();
      let accepted = false;
      const fieldsArb = fc
        .tuple(
          fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.string({ maxLength: 12 }), hostileString), {
            maxKeys: 6,
          }),
          fc.constantFrom(...fieldNames),
          hostileString,
        )
        .map(([fields, key, value]) => ({ ...fields, [key]: value }));
      await fc.assert(
        fc.asyncProperty(fieldsArb, async (fields) => {
          const payload = new URLSearchParams({ ...fields, _csrf: csrf.token }).toString();
          const res = await send(label, {
            method: route.method,
            url: fill(route.url, {}),
            headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
            payload,
          });
          if (res.statusCode < 400) accepted = true;
          return res.statusCode < 500;
        }),
        { seed: SEED, numRuns: Math.max(4, Math.floor(RUNS / 2)), endOnFailure: true },
      );
      const noBoundary = await send(label, {
        method: route.method,
        url: fill(route.url, {}),
        headers: { cookie: cookies, 'content-type': 'multipart/form-data' },
        payload: 'x',
      });
      if (noBoundary.statusCode < 400) accepted = true;
      if (!accepted) expect(await fingerprint(), `${label} changed the database while refusing`).toBe(before);
    }
    expect(serverErrors).toEqual([]);
  }, 600_000);
});
