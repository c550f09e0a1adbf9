import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, api, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, createPerson, sessionCookieFor } from '../../../test/support/factories.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';

type AuditPage = { total: number; items: { eventType: string; actorLabel: string; personId: string | null }[] };

let t: TestApp;
const cookies: Record<string, string> = {};
const tokens: Record<string, string> = {};
let person: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  await createForce(t.deps.db, 'west');
  await createForce(t.deps.db, 'east');
  person = await createPerson(t.deps.db, 'west', { givenName: 'Alice', familyName: 'Ashworth' });
  const accounts = {
    auditor: await createAccount(t.deps, { email: 'auditor@west.example', role: 'auditor', forceId: 'west' }),
    investigator: await createAccount(t.deps, { email: 'inv@west.example', role: 'psd_investigator', forceId: 'west' }),
    eastAuditor: await createAccount(t.deps, { email: 'auditor@east.example', role: 'auditor', forceId: 'east' }),
  };
  for (const [name, a] of Object.entries(accounts)) {
    cookies[name] = await sessionCookieFor(t.deps, a.user.id);
    tokens[name] = (await createApiToken(t.deps, systemActor('test', a.user.forceId), a.user.id, 'test')).token;
  }
  // The investigator looks the person up: this read is what the auditor must find.
  await api(t.app, 'GET', `/api/v1/people/${person.id}`, tokens['investigator']);
});

afterAll(async () => {
  await t?.close();
});

const as = (who: string) => new TestClient(t.app).setCookie('probity_session', cookies[who] ?? '');

describe('audit log', () => {
  it('shows the auditor who looked at a person, filtered by that person', async () => {
    const page = await as('auditor').get(`/audit?personId=${person.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('inv@west.example');
    expect(page.body).toContain('Viewed the person record');
    const json = await api(
      t.app,
      'GET',
      `/api/v1/audit-events?personId=${person.id}&eventType=person.viewed`,
      tokens['auditor'],
    );
    const body = json.json<AuditPage>();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      eventType: 'person.viewed',
      actorLabel: 'inv@west.example',
      personId: person.id,
    });
  });

  it('keeps each force to its own log', async () => {
    const json = await api(t.app, 'GET', `/api/v1/audit-events?personId=${person.id}`, tokens['eastAuditor']);
    expect(json.json<AuditPage>().total).toBe(0);
  });

  it('audits searches of the audit log', async () => {
    const before = (await t.database.query(`select 1 from audit_events where event_type = 'audit.searched'`)).length;
    await as('auditor').get('/audit');
    const after = (await t.database.query(`select 1 from audit_events where event_type = 'audit.searched'`)).length;
    expect(after).toBe(before + 1);
  });

  it('refuses roles without audit access with 404, and visitors who are not signed in', async () => {
    expect((await as('investigator').get('/audit')).statusCode).toBe(404);
    expect((await api(t.app, 'GET', '/api/v1/audit-events', tokens['investigator'])).statusCode).toBe(404);
    expect((await new TestClient(t.app).get('/audit')).statusCode).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/audit-events')).statusCode).toBe(401);
  });

  it('explains bad filters and writes nothing', async () => {
    const before = (await t.database.query(`select 1 from audit_events`)).length;
    const page = await as('auditor').get('/audit?personId=not-a-uuid&from=2026-02-01&to=2026-01-01');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    const json = await api(t.app, 'GET', '/api/v1/audit-events?from=2026-02-01&to=2026-01-01', tokens['auditor']);
    expect(json.statusCode).toBe(400);
    expect(json.json<ApiError>().error.fields).toHaveProperty('to');
    expect((await t.database.query(`select 1 from audit_events`)).length).toBe(before);
  });
});

describe('platform endpoints', () => {
  it('answers /health with JSON and /metrics with Prometheus text', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json<{ status: string }>().status).toBe('ok');
    // Off without PROBITY_METRICS_TOKEN (issue 12: it was public).
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('answers /metrics only to a scraper with the configured token', async () => {
    const withToken = await createTestApp({ metricsToken: 'scrape-secret-0123456789' });
    try {
      const metrics = await withToken.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer scrape-secret-0123456789' },
      });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain('probity_http_request_duration_seconds');
      for (const authorization of [undefined, 'Bearer wrong', 'Bearer scrape-secret-012345678']) {
        const refused = await withToken.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization ? { authorization } : {},
        });
        expect(refused.statusCode).toBe(404);
        expect(refused.body).not.toContain('probity_http');
      }
    } finally {
      await withToken.close();
    }
  });

  it('publishes an OpenAPI document listing the API and a browsable page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/people',
        '/api/v1/people/{id}',
        '/api/v1/audit-events',
        '/api/v1/me',
        '/api/v1/people/{id}/merge',
        '/api/v1/person-merges/{mergeId}/undo',
      ]),
    );
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown pages with a GOV.UK 404 page and unknown API paths with JSON', async () => {
    const page = await as('auditor').get('/no-such-page');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
    const json = await api(t.app, 'GET', '/api/v1/nothing', tokens['auditor']);
    expect(json.statusCode).toBe(404);
    expect(json.json<ApiError>().error.code).toBe('not_found');
  });
});
