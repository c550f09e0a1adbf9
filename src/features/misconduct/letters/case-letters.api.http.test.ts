import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestApp } from '../../../../test/support/test-app.ts';
import {
  caseWorldOn7December2026,
  openCaseThrough,
  toGrossMisconductCaseToAnswer,
} from '../../../../test/support/conduct-case-world.ts';
import type { CaseWorld } from '../../../../test/fixtures/misconduct/cases.http-fixtures.ts';

/**
 * The API's reads of a conduct case's letters (issue 17): the list of a case's letters, and one letter as HTML
 * or PDF, each documented in the OpenAPI document with its responses. Today is 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;
let caseId = '';
let hearingId = '';
let letterIds: string[] = [];
let subjectIds: string[] = [];

beforeAll(async () => {
  ({ t, w } = await caseWorldOn7December2026());
  const opened = await openCaseThrough(t, w, [w.people.erin.id, w.people.frank.id], toGrossMisconductCaseToAnswer, {
    cameToAttentionOn: '2026-03-02',
  });
  caseId = opened.caseId;
  const made = await api(t.app, 'POST', `/api/v1/cases/${caseId}/hearings`, w.tokens.aa, {
    form: 'hearing',
    heldOn: '2026-12-15',
    venue: 'Force headquarters, Court Room 2',
    inPublic: true,
    panel: [
      { role: 'chair', name: 'Chief Superintendent Hale' },
      { role: 'independent_member', name: 'Ms Priya Shah' },
    ],
    allegationIds: opened.allegations.map((a) => a.id),
  });
  expect(made.statusCode).toBe(200);
  hearingId = made.json<{ id: string }>().id;
  const written = await api(t.app, 'POST', `/api/v1/cases/${caseId}/letters`, w.tokens.aa, {
    kind: 'hearing_notice',
    hearingId,
  });
  expect(written.statusCode).toBe(200);
  const letters = written.json<{ letters: { id: string; subjectId: string }[] }>().letters;
  letterIds = letters.map((l) => l.id);
  subjectIds = letters.map((l) => l.subjectId);
});

afterAll(async () => {
  await t?.close();
});

describe("the API's reads of a case's letters", () => {
  it("lists a case's letters without their words, need-to-know as the case (404 elsewhere, 401 signed out)", async () => {
    const listed = await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters`, w.tokens.aa);
    expect(listed.statusCode).toBe(200);
    const { letters } = listed.json<{ letters: Record<string, unknown>[] }>();
    expect(letters.map((l) => l.id).sort()).toEqual([...letterIds].sort());
    for (const l of letters) {
      expect(Object.keys(l).sort()).toEqual(['hearingId', 'id', 'kind', 'subject', 'subjectId', 'writtenOn']);
      expect(l).toMatchObject({ kind: 'hearing_notice', hearingId, writtenOn: '2026-12-07' });
      expect(l.subject).toContain('Notice of misconduct hearing on 15 December 2026');
    }
    expect(letters.map((l) => l.subjectId).sort()).toEqual([...subjectIds].sort());

    expect((await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters`, w.tokens.east)).statusCode).toBe(404);
    expect((await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters`, undefined)).statusCode).toBe(401);
    expect((await api(t.app, 'GET', '/api/v1/cases/not-a-case/letters', w.tokens.aa)).statusCode).toBe(404);
  });

  it('answers one letter as the HTML written and as a PDF, not as JSON', async () => {
    const [id] = letterIds;
    const html = await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters/${id}`, w.tokens.aa);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body.trimStart().startsWith('<')).toBe(true);
    expect(html.body).toContain('Notice of misconduct hearing');
    const pdf = await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters/${id}/pdf`, w.tokens.aa);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const missing = await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters/${caseId}`, w.tokens.aa);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('not_found');
  });

  it('documents the three reads in the OpenAPI document, with their parameters and responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    type Operation = {
      tags?: string[];
      summary?: string;
      parameters?: { name: string; in: string }[];
      responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
    };
    const paths = res.json<{ paths: Record<string, Record<string, Operation>> }>().paths;

    const list = paths['/api/v1/cases/{id}/letters']?.get;
    expect(list?.tags).toEqual(['cases']);
    expect(list?.parameters?.map((p) => [p.in, p.name])).toEqual([['path', 'id']]);
    const listSchema = list?.responses['200']?.content?.['application/json']?.schema as {
      properties?: { letters?: { items?: { properties?: Record<string, unknown> } } };
    };
    expect(Object.keys(listSchema?.properties?.letters?.items?.properties ?? {}).sort()).toEqual([
      'hearingId',
      'id',
      'kind',
      'subject',
      'subjectId',
      'writtenOn',
    ]);
    expect(Object.keys(list?.responses ?? {}).sort()).toEqual(['200', '401', '404']);

    const one = paths['/api/v1/cases/{id}/letters/{letterId}']?.get;
    const pdf = paths['/api/v1/cases/{id}/letters/{letterId}/pdf']?.get;
    for (const op of [one, pdf]) {
      expect(op?.tags).toEqual(['cases']);
      expect(op?.summary).toMatch(/letter to a subject officer/);
      expect(op?.parameters?.map((p) => [p.in, p.name]).sort()).toEqual([
        ['path', 'id'],
        ['path', 'letterId'],
      ]);
      expect(Object.keys(op?.responses ?? {}).sort()).toEqual(['200', '401', '404']);
      expect(op?.responses['404']?.content?.['application/json']?.schema).toBeDefined();
    }
    expect(Object.keys(one?.responses['200']?.content ?? {})).toEqual(['text/html']);
    expect(pdf?.responses['200']?.content?.['application/pdf']?.schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    // The pages' addresses of the same letters are not API operations.
    expect(Object.keys(paths).filter((p) => p.startsWith('/cases/'))).toEqual([]);
  });
});
