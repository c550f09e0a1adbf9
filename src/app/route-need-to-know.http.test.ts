import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfPairFor, type TestApp } from '../../test/support/test-app.ts';
import { buildRouteAccessWorld, clockAt, type RouteAccessWorld } from '../../test/support/route-access-world.ts';
import { isRole, roleAbilities } from '../kernel/access/roles.ts';
import {
  API_BODIES,
  FORM_BODIES,
  isPublic,
  ROUTE_TABLE,
  type Entry,
  type Probe,
} from '../../test/fixtures/app/route-need-to-know.http-fixtures.ts';

/**
 * Need-to-know, route by route (issue 11, defect 8). For every route the server registers, the table
 * (route-need-to-know.http-fixtures.ts, which says how to add a route) names the ability its use case checks and,
 * per kind of user, who asks about which REAL record of the world (test/support/route-access-world.ts):
 *  (a) a user of the same force who holds the ability but has no need-to-know of the record;
 *  (b) a user of another force with the same role;
 *  (c) the record's own subject, through their linked account.
 * A route naming a record must answer 404 — its write carries a valid body (API_BODIES, FORM_BODIES), so a
 * 400 from body validation before the record look-up cannot stand in for a refusal — and the database must be
 * exactly as before, table by table, after every single request. A list must not show the record to them
 * (while a control user is shown it). A route that names no record says why in the table.
 * Every user asks a page with their session cookie (and the CSRF pair), and the JSON API with their own API
 * token as a bearer (the API takes no cookie), so every request reaches the route's own refusal.
 */

/** Who may see each bundle's records (the control of the probes): the opener of both cases, a vetting officer. */
const CONTROL: Partial<Record<Probe['on'], string>> = { restricted: 'aa', normal: 'aa', vetting: 'vetting' };

const FIXED: Record<string, string> = { action: 'assess_severity', file: 'cases', section: 'cases' };

let t: TestApp;
let w: RouteAccessWorld;
let routes: string[] = [];
/** Each user's CSRF pair: a token is good only in the session it was made for. */
const csrf = new Map<string, { cookie: string; token: string }>();
let fingerprint: () => Promise<Record<string, string>>;

beforeAll(async () => {
  t = await createTestApp({}, clockAt);
  w = await buildRouteAccessWorld(t);
  routes = t.app.registeredRoutes.filter((r) => !isPublic(r.url)).map((r) => `${r.method} ${r.url}`);
  for (const [who, cookie] of Object.entries(w.cookies)) csrf.set(who, await csrfPairFor(t.app, cookie));
  // Every table but the sessions (a request touches its own session's last-seen time), one hash per table.
  const tables = (
    await t.database.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions' order by 1`,
    )
  ).map((r) => r.name);
  const sql = `select ${tables
    .map((n) => `(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from "${n}" r) as "${n}"`)
    .join(', ')}`;
  fingerprint = async () => (await t.database.query<Record<string, string>>(sql))[0] ?? {};
  // A token's first use records its last-used time (then at most once a minute, and the clock is fixed):
  // use every token once, so that a probe's fingerprint sees only what the probe itself changed.
  for (const who of Object.keys(w.tokens)) {
    const me = await call('GET', '/api/v1/me', who);
    if (me.statusCode !== 200) throw new Error(`${who}: GET /api/v1/me → ${me.statusCode}`);
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const bundleOf = (probe: Probe): Record<string, string> => ({ ...w.records.force, ...w.records[probe.on] });

function fill(key: string, entry: Entry, probe: Probe): string {
  const url = key.slice(key.indexOf(' ') + 1) + (entry.query ?? '');
  const bundle = bundleOf(probe);
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const fixed = FIXED[name];
    if (fixed) return fixed;
    const from = name === 'id' ? entry.id : (entry.params?.[name] ?? name);
    const value = from ? bundle[from] : undefined;
    if (!value) throw new Error(`${key}: no record for :${name} in the ${probe.on} bundle`);
    return value;
  });
}

/** A page request carries the session cookie (and the CSRF pair); an API request the bearer token only. */
async function call(method: string, url: string, who: string, body?: unknown, form = 'x=1') {
  const cookie = w.cookies[who];
  const token = w.tokens[who];
  const pair = csrf.get(who);
  if (!cookie || !token || !pair) throw new Error(`no account "${who}"`);
  const isApi = url.startsWith('/api/');
  const hasBody = method !== 'GET' && method !== 'DELETE';
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(isApi
        ? { authorization: `Bearer ${token}` }
        : { cookie: `probity_session=${cookie}; ${pair.cookie}`, 'x-csrf-token': pair.token }),
      ...(hasBody ? { 'content-type': isApi ? 'application/json' : 'application/x-www-form-urlencoded' } : {}),
    },
    payload: hasBody ? (isApi ? JSON.stringify(body ?? {}) : form) : undefined,
  });
}

type Kind = 'sameForce' | 'otherForce' | 'subject';
const changed = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(after).filter((k) => before[k] !== after[k]);

/** Probes every route of the table with one kind of user; returns what went wrong and what was counted. */
async function probeAll(kind: Kind) {
  const wrong: string[] = [];
  const counts = { routes: 0, requests: 0, lists: 0 };
  for (const key of routes) {
    const entry = ROUTE_TABLE[key];
    const probe = entry?.[kind];
    if (!entry || !probe || typeof probe === 'string') continue;
    const method = key.slice(0, key.indexOf(' '));
    const url = fill(key, entry, probe);
    counts.routes++;
    const before = await fingerprint();
    const form = FORM_BODIES[key];
    const res = await call(
      method,
      url,
      probe.who,
      API_BODIES[key]?.(bundleOf(probe)),
      typeof form === 'function' ? form(bundleOf(probe)) : form,
    );
    counts.requests++;
    const after = await fingerprint();
    // A list the user may open audits that they read it (the audit trail and its chain head move): by design.
    const diff = changed(before, after).filter(
      (table) => !entry.hides || (table !== 'audit_events' && table !== 'audit_chain_heads'),
    );
    if (diff.length) wrong.push(`${probe.who}: ${key} changed ${diff.join(', ')}`);
    if (entry.hides) {
      counts.lists++;
      const hidden = bundleOf(probe)[entry.hides.key] ?? '';
      if (res.statusCode !== 200 && res.statusCode !== 404) wrong.push(`${probe.who}: ${key} → ${res.statusCode}`);
      if (res.body.includes(hidden)) wrong.push(`${probe.who}: ${key} shows ${entry.hides.key} ${hidden}`);
      continue;
    }
    if (res.statusCode !== 404) wrong.push(`${probe.who}: ${key} → ${res.statusCode} ${url} ${res.body.slice(0, 200)}`);
  }
  return { wrong, counts };
}

describe('need-to-know on every route', () => {
  it('has a table entry for every registered route, and none for a route that does not exist', () => {
    expect(routes.length).toBeGreaterThan(200);
    expect(routes.filter((r) => !ROUTE_TABLE[r])).toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((k) => !routes.includes(k))).toEqual([]);
  });

  it('probes with users who hold the ability, and of the same role across forces', () => {
    const wrong: string[] = [];
    const user = (who: string) => w.users[who];
    for (const [key, entry] of Object.entries(ROUTE_TABLE)) {
      for (const kind of ['sameForce', 'otherForce', 'subject'] as const) {
        const probe = entry[kind];
        if (typeof probe === 'string') continue;
        const u = user(probe.who);
        if (!u) {
          wrong.push(`${key}: no user ${probe.who}`);
          continue;
        }
        const role = (u as { role?: string }).role ?? '';
        if (entry.ability !== 'signed-in' && (!isRole(role) || !roleAbilities(role).includes(entry.ability)))
          wrong.push(`${key}: ${probe.who} (${role}) lacks ${entry.ability}`);
        if (kind !== 'subject' && u.forceId !== (kind === 'sameForce' ? 'west' : 'east'))
          wrong.push(`${key}: ${kind} ${probe.who} is of ${u.forceId}`);
      }
      const a = entry.sameForce;
      const b = entry.otherForce;
      if (typeof a !== 'string' && typeof b !== 'string') {
        const roleOf = (who: string) => (user(who) as { role?: string } | undefined)?.role;
        if (roleOf(a.who) !== roleOf(b.who)) wrong.push(`${key}: ${a.who} and ${b.who} differ in role`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shows each list’s hidden record to a user who may see it (so the lists’ checks can fail)', async () => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(ROUTE_TABLE)) {
      if (!entry.hides) continue;
      const probe = [entry.sameForce, entry.otherForce, entry.subject].find((p) => typeof p !== 'string');
      if (!probe || typeof probe === 'string') continue;
      const hidden = bundleOf(probe)[entry.hides.key] ?? '';
      const res = await call('GET', fill(key, entry, probe), entry.hides.seenBy);
      if (!res.body.includes(hidden))
        wrong.push(`${entry.hides.seenBy}: ${key} → ${res.statusCode}, no ${hidden}: ${res.body.slice(0, 300)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('finds every record a GET route is probed on, for a user who may see it (so a 404 is about access)', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [key, entry] of Object.entries(ROUTE_TABLE)) {
      if (!key.startsWith('GET ') || entry.hides) continue;
      for (const probe of [entry.sameForce, entry.otherForce, entry.subject]) {
        if (typeof probe === 'string') continue;
        const who = entry.control ?? CONTROL[probe.on];
        if (!who) continue;
        const url = fill(key, entry, probe);
        const res = await call('GET', url, who);
        checked++;
        if (res.statusCode === 404) wrong.push(`${who}: ${url} → 404`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  }, 120_000);

  for (const [kind, title] of [
    ['sameForce', '(a) a user of the same force holding the ability, without need-to-know'],
    ['otherForce', '(b) a user of another force with the same role'],
    ['subject', '(c) the record’s own subject'],
  ] as const) {
    it(`answers 404 to ${title}, changing nothing`, async () => {
      const { wrong, counts } = await probeAll(kind);
      console.info(`${kind}: ${JSON.stringify(counts)}`);
      expect(wrong).toEqual([]);
      expect(counts.routes).toBeGreaterThan(0);
    }, 600_000);
  }
});
