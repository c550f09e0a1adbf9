import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import {
  allegationRows,
  buildCaseWorld,
  caseInput,
  snapshot,
  type CaseWorld,
  type Who,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';

/** /api/v1/cases: the same rules as the pages, as JSON. */

type CaseList = { total: number; items: { id: string; reference: string; confidentiality: string }[] };
type CaseDetail = {
  id: string;
  version: number;
  subjects: { id: string; personId: string; version: number }[];
  allegations: { id: string; state: string; version: number; actions: string[]; track: Record<string, unknown> }[];
  clocks: { period: string; dueOn: string; state: string }[];
};

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const call = (who: Who | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, who ? w.tokens[who] : undefined, body);
const assessBody = (version: number, severity = 'misconduct') => ({
  version,
  action: { type: 'assess_severity', severity, rationale: 'If proved this would be misconduct.' },
});

describe('the cases API', () => {
  it('answers every endpoint with 401 without a valid token, before looking at the body', async () => {
    const before = await snapshot(t);
    const id = w.normal.id;
    const [a] = await allegationRows(t, id);
    const requests: ['GET' | 'POST', string, unknown?][] = [
      ['GET', '/api/v1/cases'],
      ['POST', '/api/v1/cases', caseInput([w.people.gina.id])],
      ['GET', `/api/v1/cases/${id}`],
      ['POST', `/api/v1/cases/${id}/allocation`, { version: 1, leadInvestigatorId: null }],
      ['POST', `/api/v1/cases/${id}/allegations/${a?.id}/actions`, assessBody(1)],
      [
        'POST',
        `/api/v1/cases/${id}/subjects/${a?.subject_id}/left`,
        { version: 1, leftOn: '2026-01-01', how: 'resigned' },
      ],
      ['POST', `/api/v1/cases/${id}/allocation`, { nonsense: true }],
    ];
    for (const [method, url, body] of requests) {
      expect((await call(null, method, url, body)).statusCode, url).toBe(401);
      expect((await api(t.app, method, url, 'prb_not-a-real-token', body)).statusCode, url).toBe(401);
    }
    expect(await snapshot(t)).toBe(before);
  });

  it('lists only what each caller may see, and refuses bad filters with 400', async () => {
    const refs = async (who: Who) =>
      (await call(who, 'GET', '/api/v1/cases?view=all')).json<CaseList>().items.map((i) => i.reference);
    expect((await refs('aa')).sort()).toEqual([w.restricted.reference, w.normal.reference].sort());
    expect(await refs('aaUnnamed')).toEqual([w.normal.reference]);
    expect(await refs('aaSubject')).toEqual([]);
    expect(await refs('outsider')).toEqual([]);
    expect(await refs('east')).toEqual([]);
    expect((await call('pcc', 'GET', '/api/v1/cases')).statusCode).toBe(404);
    const bad = await call('aa', 'GET', '/api/v1/cases?view=other&page=-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.fields).toMatchObject({
      view: 'Choose which cases to list',
      page: 'Page must be 1 or more',
    });
  });

  it('opens a case, and refuses bad input (400) or a role that cannot (404) without writing', async () => {
    const before = await snapshot(t);
    const bad = await call('aa', 'POST', '/api/v1/cases', { ...caseInput([]), summary: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.fields).toMatchObject({
      summary: 'Summarise the matter in at least 10 characters',
      subjectPersonIds: 'Add at least one subject',
    });
    const foreign = await call('aa', 'POST', '/api/v1/cases', caseInput([w.people.eastOnly.id]));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<ApiError>().error.fields?.['subjectPersonIds']).toBe(
      'A chosen subject is not in the directory',
    );
    const self = await call('aaSubject', 'POST', '/api/v1/cases', caseInput([w.people.dave.id]));
    expect(self.statusCode).toBe(400);
    expect((await call('pcc', 'POST', '/api/v1/cases', caseInput([w.people.gina.id]))).statusCode).toBe(404);
    expect(await snapshot(t)).toBe(before);
    const ok = await call('investigator', 'POST', '/api/v1/cases', caseInput([w.people.gina.id, w.people.frank.id]));
    expect(ok.statusCode).toBe(201);
    const created = ok.json<{ id: string; reference: string }>();
    expect(created.reference).toMatch(/^WEST-2025-\d{4}$/);
    expect((await allegationRows(t, created.id)).map((r) => r.state)).toEqual(['received', 'received']);
  });

  it('shows a case with its tracks, the actions the caller may take and the 12-month clock', async () => {
    const res = await call('aa', 'GET', `/api/v1/cases/${w.normal.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<CaseDetail>();
    expect(body.allegations).toHaveLength(2);
    expect(body.allegations[0]?.actions).toContain('assess_severity');
    expect(body.clocks).toEqual([
      { period: 'pcc_report_first', sequence: 1, dueOn: '2026-03-10', state: 'running', allegationId: null },
    ]);
    const named = (await call('named', 'GET', `/api/v1/cases/${w.restricted.id}`)).json<CaseDetail>();
    expect(named.allegations[0]?.actions).toEqual([]);
  });

  it('answers 404 to every caller without need-to-know, on every case endpoint, and changes nothing', async () => {
    const r = (await allegationRows(t, w.restricted.id))[0];
    const n = (await allegationRows(t, w.normal.id))[0];
    if (!r || !n) throw new Error('allegations expected');
    const denied: [Who, string, typeof r][] = [
      ['outsider', w.restricted.id, r],
      ['aaUnnamed', w.restricted.id, r],
      ['east', w.restricted.id, r],
      ['pcc', w.restricted.id, r],
      ['aaSubject', w.normal.id, n],
      ['east', w.normal.id, n],
    ];
    const before = await snapshot(t);
    for (const [who, caseId, a] of denied) {
      const label = `${who} on ${caseId}`;
      expect((await call(who, 'GET', `/api/v1/cases/${caseId}`)).statusCode, label).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/cases/${caseId}/allocation`, { version: 1, leadInvestigatorId: null }))
          .statusCode,
        label,
      ).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/cases/${caseId}/allegations/${a.id}/actions`, assessBody(a.version)))
          .statusCode,
        label,
      ).toBe(404);
      expect(
        (
          await call(who, 'POST', `/api/v1/cases/${caseId}/subjects/${a.subject_id}/left`, {
            version: 1,
            leftOn: '2026-01-01',
            how: 'resigned',
          })
        ).statusCode,
        label,
      ).toBe(404);
    }
    const missing = await call('aa', 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000');
    const refused = await call('aaUnnamed', 'GET', `/api/v1/cases/${w.restricted.id}`);
    expect(refused.json<ApiError>().error.message).toBe(missing.json<ApiError>().error.message);
    expect(await snapshot(t)).toBe(before);
  });

  it('allocates (200), refuses a non-investigator (400) and a stale version (409)', async () => {
    const detail = (await call('aa', 'GET', `/api/v1/cases/${w.normal.id}`)).json<CaseDetail>();
    const before = await snapshot(t, false);
    const bad = await call('aa', 'POST', `/api/v1/cases/${w.normal.id}/allocation`, {
      version: detail.version,
      leadInvestigatorId: w.accounts.pcc.user.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.fields?.['leadInvestigatorId']).toBe(
      'Choose an active investigator of this force',
    );
    const noRight = await call('investigator', 'POST', `/api/v1/cases/${w.normal.id}/allocation`, {
      version: detail.version,
      leadInvestigatorId: w.accounts.investigator.user.id,
    });
    expect(noRight.statusCode).toBe(404);
    expect(await snapshot(t, false)).toBe(before);
    const ok = await call('aa', 'POST', `/api/v1/cases/${w.normal.id}/allocation`, {
      version: detail.version,
      leadInvestigatorId: w.accounts.lead.user.id,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ version: number }>().version).toBe(detail.version + 1);
    const stale = await call('aa', 'POST', `/api/v1/cases/${w.normal.id}/allocation`, {
      version: detail.version,
      leadInvestigatorId: null,
    });
    expect(stale.statusCode).toBe(409);
    expect((await call('lead', 'GET', `/api/v1/cases/${w.normal.id}`)).statusCode).toBe(200);
  });

  it('moves an allegation (200), and answers a refusal (422 with the reason), a stale version (409) and bad details (400) without writing', async () => {
    const [a] = await allegationRows(t, w.normal.id);
    if (!a) throw new Error('allegation expected');
    const url = `/api/v1/cases/${w.normal.id}/allegations/${a.id}/actions`;
    const before = await snapshot(t);
    const refused = await call('aa', 'POST', url, assessBody(a.version, 'vetting_referral'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ApiError>().error.message).toBe(
      'Referral to the vetting process is a severity-assessment option only from 28 May 2025 (§2.4)',
    );
    const bad = await call('aa', 'POST', url, {
      version: a.version,
      action: { type: 'assess_severity', severity: 'awful', rationale: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.fields).toHaveProperty(['action.severity']);
    const notTheirs = await call('lead', 'POST', url, assessBody(a.version));
    expect(notTheirs.statusCode).toBe(404);
    expect(await snapshot(t)).toBe(before);
    const ok = await call('aa', 'POST', url, {
      ...assessBody(a.version),
      occurredOn: '2025-04-01',
      note: 'Assessed at the weekly meeting',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ state: string; version: number }>()).toMatchObject({
      state: 'assessed_misconduct',
      version: a.version + 1,
    });
    const stale = await call('aa', 'POST', url, assessBody(a.version, 'gross_misconduct'));
    expect(stale.statusCode).toBe(409);
    const [after] = await t.database.query<{ state: string }>(`select state from allegations where id = $1`, [a.id]);
    expect(after?.state).toBe('assessed_misconduct');
  });

  it('records a subject leaving (200 with the advisory return), then refuses a second time', async () => {
    const detail = (await call('aa', 'GET', `/api/v1/cases/${w.normal.id}`)).json<CaseDetail>();
    const subject = detail.subjects.find((s) => s.personId === w.people.dave.id);
    if (!subject) throw new Error('subject expected');
    const url = `/api/v1/cases/${w.normal.id}/subjects/${subject.id}/left`;
    const bad = await call('aa', 'POST', url, { version: subject.version, leftOn: 'soon', how: 'vanished' });
    expect(bad.statusCode).toBe(400);
    const ok = await call('aa', 'POST', url, { version: subject.version, leftOn: '2026-02-01', how: 'retired' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ advisoryReturnId: string | null }>().advisoryReturnId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await call('aa', 'POST', url, { version: subject.version + 1, leftOn: '2026-02-01', how: 'retired' });
    expect(again.statusCode).toBe(422);
    expect(
      (await call('aa', 'POST', url, { version: subject.version, leftOn: '2026-02-01', how: 'retired' })).statusCode,
    ).toBe(409);
  });

  it('documents every case endpoint in the OpenAPI document under the cases tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    // Restrictions on a case belong to the restrictions feature and are documented under its own tag, and the
    // actions on a case's clocks (extend, pause, stop …) under the deadlines tag of the clock machinery.
    const isRestrictionPath = (path: string) =>
      path.includes('/restrictions') || path.endsWith('/suspension-rationale') || path.includes('/clocks/');
    const paths = Object.entries(doc.paths).filter(
      ([path]) => path.startsWith('/api/v1/cases') && !isRestrictionPath(path),
    );
    expect(paths.map(([path]) => path).sort()).toEqual([
      '/api/v1/cases',
      '/api/v1/cases/caseload',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/allegations',
      '/api/v1/cases/{id}/allegations/{allegationId}/actions',
      '/api/v1/cases/{id}/allocation',
      '/api/v1/cases/{id}/criminal-proceedings',
      '/api/v1/cases/{id}/details',
      '/api/v1/cases/{id}/evidence',
      '/api/v1/cases/{id}/evidence/{evidenceId}',
      '/api/v1/cases/{id}/hearings',
      '/api/v1/cases/{id}/hearings/{hearingId}/adjournments',
      '/api/v1/cases/{id}/letters',
      '/api/v1/cases/{id}/letters/{letterId}',
      '/api/v1/cases/{id}/letters/{letterId}/pdf',
      '/api/v1/cases/{id}/links',
      '/api/v1/cases/{id}/links/{linkedId}',
      '/api/v1/cases/{id}/parties',
      '/api/v1/cases/{id}/parties/{partyId}',
      '/api/v1/cases/{id}/pcc-report',
      '/api/v1/cases/{id}/reg17-notices',
      '/api/v1/cases/{id}/subjects/{subjectId}/left',
      '/api/v1/cases/{id}/subjects/{subjectId}/remove',
      '/api/v1/cases/{id}/team',
    ]);
    for (const [, operations] of paths) for (const op of Object.values(operations)) expect(op.tags).toEqual(['cases']);
  });
});
