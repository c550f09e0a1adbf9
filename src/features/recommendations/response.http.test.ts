import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { readPdf } from '../../../test/fixtures/recommendations/pdf-text.ts';
import {
  apiCall,
  buildWorld,
  client,
  dateFields,
  snapshot,
  TODAY,
  type Who,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';
import { addAction } from './add-action.ts';
import { addComment } from './add-comment.ts';
import { addRecommendationEvidence } from './add-evidence.ts';
import { assessSelf } from './assess-self.ts';
import { signOff } from './sign-off.ts';
import { verifyStatus } from './verify-status.ts';

/** The commissioner's published response (HTML and PDF, pages and API). */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
  w = await buildWorld(t);
  const { aa, pcc, chief } = {
    aa: w.accounts.aa.principal,
    pcc: w.accounts.pcc.principal,
    chief: w.accounts.chief.principal,
  };
  await assessSelf(t.deps, aa, w.items.r1.id, { status: 'addressed', version: 0 }, null);
  await verifyStatus(t.deps, pcc, w.items.r1.id, { status: 'being_progressed', version: 1 }, null);
  await signOff(t.deps, chief, w.items.r1.id, { version: 2 }, null);
  await addAction(
    t.deps,
    aa,
    w.items.r1.id,
    { description: 'Check every clearance (action marker)', dueOn: '2026-04-01' },
    null,
  );
  await addRecommendationEvidence(
    t.deps,
    aa,
    w.items.r1.id,
    { title: 'Clearance policy', url: 'https://example.org/clearance' },
    null,
  );
  await addComment(t.deps, pcc, w.items.r1.id, { body: 'Older commissioner comment' }, null);
  await addComment(
    { ...t.deps, now: () => new Date('2026-05-10T10:00:00Z') },
    pcc,
    w.items.r1.id,
    { body: 'Latest commissioner comment marker' },
    null,
  );
  await addComment(
    { ...t.deps, now: () => new Date('2026-05-10T11:00:00Z') },
    aa,
    w.items.r1.id,
    { body: 'Later force comment, not the commissioner’s' },
    null,
  );
});

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) => client(t, w, who);
const draft = () => `/recommendations/reports/${w.report.id}/response`;
const generatedIds = async () =>
  (
    await t.database.query<{ id: string; force_id: string }>(
      `select id, force_id from published_responses order by generated_at, id`,
    )
  ).map((r) => r.id);

describe('the draft and generating the response', () => {
  it('shows the draft to both sides, with each item’s position, evidence and the commissioner’s latest comment', async () => {
    for (const who of ['aa', 'chief', 'pcc'] as Who[]) expect((await as(who).get(draft())).statusCode).toBe(200);
    const body = (await as('aa').get(draft())).body;
    expect(body).toContain('Commissioner’s response: An inspection of vetting (test)');
    expect(body).not.toContain('Generate the response');
    const r1 = body.slice(body.indexOf('id="response-R1"'), body.indexOf('id="response-R2"'));
    expect(r1).toContain('Status (the force’s own assessment): <strong>Addressed</strong>');
    expect(r1).toContain('Signed off by chief on 10 May 2026');
    expect(r1).toContain('Check every clearance (action marker)');
    expect(r1).toContain('<a class="govuk-link" href="https://example.org/clearance">Clearance policy</a>');
    expect(r1).toContain('Verified status: <strong>Being progressed</strong>');
    expect(r1).toContain('The force says addressed, but the commissioner’s office has verified only being progressed.');
    expect(r1).toContain('Latest commissioner comment marker');
    expect(r1).not.toContain('Older commissioner comment');
    expect(r1).not.toContain('Later force comment');
  });

  it('generates a version (commissioner’s office only, audited) and shows it as generated', async () => {
    const before = await snapshot(t);
    for (const who of ['aa', 'chief', 'investigator'] as Who[])
      expect((await as(who).post(draft(), {}, { formPage: '/' })).statusCode).toBe(404);
    expect((await as(null).post(draft(), {})).statusCode).toBe(303);
    expect(await snapshot(t)).toBe(before);
    expect((await as('pcc').get(draft())).body).toContain('Generate the response');
    const res = await as('pcc').post(draft(), {}, { formPage: draft() });
    expect(res.statusCode).toBe(303);
    const [id] = await generatedIds();
    expect(res.headers.location).toBe(`/recommendations/responses/${id}`);
    expect(
      (
        await t.database.query(
          `select payload->>'items' as items from audit_events where event_type = 'recommendation.response_generated'`,
        )
      )[0],
    ).toEqual({ items: '4' });
    const page = await as('aa').get(`/recommendations/responses/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Latest commissioner comment marker');
    expect(page.body).toContain('Not yet published.');
    expect((await as('pcc').get(draft())).body).toContain(`/recommendations/responses/${id}`);
  });

  it('keeps a generated version as it was when the tracker changes', async () => {
    const [id] = await generatedIds();
    await addComment(
      { ...t.deps, now: () => new Date('2026-05-10T12:00:00Z') },
      w.accounts.pcc.principal,
      w.items.r1.id,
      { body: 'Comment after generating' },
      null,
    );
    expect((await as('pcc').get(`/recommendations/responses/${id}`)).body).not.toContain('Comment after generating');
    expect((await as('pcc').get(draft())).body).toContain('Comment after generating');
  });

  it('downloads the generated version as a tagged PDF saying the same things', async () => {
    const [id] = await generatedIds();
    const res = await as('chief').get(`/recommendations/responses/${id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename=commissioners-response-an-inspection-of-vetting-test-2026-05-10.pdf',
    );
    const pdf = readPdf(res.rawPayload);
    expect(pdf.header).toBe('%PDF-1.7');
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.tagged).toBe(true);
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const marker of [
      'Forces should check every clearance (R1 text).',
      'Check every clearance (action marker)',
      'Clearance policy: https://example.org/clearance',
      'Latest commissioner comment marker',
      'Verified status: Being progressed',
      'Not yet published',
    ])
      expect(text).toContain(marker);
    const api = await apiCall(t, w, 'aa', 'GET', `/api/v1/recommendations/responses/${id}/pdf`);
    expect(readPdf(api.rawPayload).text).toBe(pdf.text);
  });

  it('refuses every response page to users without the ability, another force and visitors', async () => {
    const [id] = await generatedIds();
    for (const url of [draft(), `/recommendations/responses/${id}`, `/recommendations/responses/${id}/pdf`]) {
      for (const who of ['investigator', 'vetting'] as Who[]) expect((await as(who).get(url)).statusCode).toBe(404);
      expect((await as(null).get(url)).statusCode).toBe(303);
    }
    expect((await as('eastPcc').get(`/recommendations/responses/${id}`)).statusCode).toBe(404);
    expect((await as('eastPcc').get(`/recommendations/responses/${id}/pdf`)).statusCode).toBe(404);
    expect((await as('eastPcc').get(draft())).body).not.toContain('Latest commissioner comment marker');
  });
});

describe('publishing', () => {
  it('records the publication date (commissioner’s office), refusing bad dates, the force and a stale form', async () => {
    const [id] = await generatedIds();
    const url = `/recommendations/responses/${id}/publish`;
    const before = await snapshot(t);
    for (const who of ['aa', 'chief', 'eastPcc'] as Who[])
      expect(
        (await as(who).post(url, { ...dateFields('publishedOn', '2026-05-10'), version: '1' }, { formPage: '/' }))
          .statusCode,
      ).toBe(404);
    expect((await as(null).post(url, { ...dateFields('publishedOn', '2026-05-10'), version: '1' })).statusCode).toBe(
      303,
    );
    const bad = await as('pcc').post(
      url,
      { ...dateFields('publishedOn', '2026-02-30'), version: '1' },
      { formPage: `/recommendations/responses/${id}` },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date it was published must be a real date');
    const future = await as('pcc').post(
      url,
      { ...dateFields('publishedOn', '2026-07-01'), version: '1' },
      { formPage: `/recommendations/responses/${id}` },
    );
    expect(future.body).toContain('The date it was published cannot be in the future');
    expect(await snapshot(t)).toBe(before);
    expect(
      (
        await as('pcc').post(
          url,
          { ...dateFields('publishedOn', '2026-05-09'), version: '1' },
          { formPage: `/recommendations/responses/${id}` },
        )
      ).statusCode,
    ).toBe(303);
    expect((await as('aa').get(`/recommendations/responses/${id}`)).body).toMatch(
      /Published\s*<\/strong>\s*on 9 May 2026/,
    );
    expect(
      (
        await as('pcc').post(
          url,
          { ...dateFields('publishedOn', '2026-05-10'), version: '1' },
          { formPage: `/recommendations/responses/${id}` },
        )
      ).statusCode,
    ).toBe(409);
  });

  it('does the same through the API', async () => {
    const api = (who: Who | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
      apiCall(t, w, who, method, url, body);
    const genUrl = `/api/v1/recommendations/reports/${w.report.id}/responses`;
    const before = await snapshot(t);
    expect((await api(null, 'POST', genUrl)).statusCode).toBe(401);
    for (const who of ['aa', 'chief', 'vetting'] as Who[])
      expect((await api(who, 'POST', genUrl)).statusCode).toBe(404);
    expect(await snapshot(t)).toBe(before);
    const generated = await api('pcc', 'POST', genUrl);
    expect(generated.statusCode).toBe(201);
    const { id, document } = generated.json<{
      id: string;
      document: { items: { label: string; commissioner: { status: string | null } }[] };
    }>();
    expect(document.items.map((i) => [i.label, i.commissioner.status])).toEqual([
      ['R1', 'being_progressed'],
      ['R2', null],
      ['R3', null],
      ['AFI1', null],
    ]);
    expect((await api('chief', 'GET', `/api/v1/recommendations/responses/${id}`)).json()).toMatchObject({
      id,
      publishedOn: null,
      version: 1,
    });
    expect((await api('eastPcc', 'GET', `/api/v1/recommendations/responses/${id}`)).statusCode).toBe(404);
    expect((await api(null, 'GET', `/api/v1/recommendations/responses/${id}`)).statusCode).toBe(401);
    const pub = `/api/v1/recommendations/responses/${id}/publish`;
    expect((await api('aa', 'POST', pub, { publishedOn: '2026-05-10', version: 1 })).statusCode).toBe(404);
    expect((await api('pcc', 'POST', pub, { publishedOn: 'tomorrow', version: 1 })).statusCode).toBe(400);
    expect((await api('pcc', 'POST', pub, { publishedOn: '2026-05-10', version: 1 })).json()).toEqual({
      id,
      publishedOn: '2026-05-10',
      version: 2,
    });
  });
});
