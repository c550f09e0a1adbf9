import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, sessionCookieFor } from '../../../test/support/factories.ts';
import { allocateCase } from '../misconduct/allocate-case.ts';
import {
  as,
  buildCaseWorld,
  caseInput,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from '../misconduct/open-case.ts';
import { progressAllegation } from '../misconduct/progress-allegation.ts';

/**
 * The home page as a work queue (issue 17): each role lands on the steps waiting for it, as counts that
 * link to the lists they count (the same query: the number is the number of rows the link shows, and a
 * case the user may not see is never counted), and on the places its role works in, not on "Your account".
 */

let t: TestApp;
let w: CaseWorld;
let publicCookie = '';
let chiefCookie = '';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  // A case the investigator leads, assessed as misconduct: their investigation to start.
  const led = await openCase(t.deps, w.aa, caseInput([w.people.gina.id]), null);
  await allocateCase(
    t.deps,
    w.aa,
    { caseId: led.id, version: 1, leadInvestigatorId: w.accounts.investigator.user.id },
    null,
  );
  const [allegation] = await t.database.query<{ id: string; version: number }>(
    `select id, version from allegations where case_id = $1`,
    [led.id],
  );
  await progressAllegation(
    t.deps,
    w.aa,
    {
      caseId: led.id,
      allegationId: allegation?.id ?? '',
      version: allegation?.version ?? 1,
      action: {
        type: 'assess_severity',
        severity: 'misconduct',
        rationale: 'Misconduct if proved.',
        finalWrittenWarningInForce: false,
      },
    },
    null,
  );
  const pub = await createAccount(t.deps, { email: 'public@west.example', role: 'public', forceId: 'west' });
  publicCookie = await sessionCookieFor(t.deps, pub.user.id);
  const chief = await createAccount(t.deps, { email: 'chief@west.example', role: 'chief_officer', forceId: 'west' });
  chiefCookie = await sessionCookieFor(t.deps, chief.user.id);
});

afterAll(async () => {
  await t?.close();
});

/** The work queue's rows as title → count. */
const queue = (body: string): Record<string, { href: string; count: string } | undefined> => {
  const rows: Record<string, { href: string; count: string }> = {};
  const pattern =
    /<a class="govuk-link govuk-task-list__link" href="([^"]+)"[^>]*>\s*([^<]+?)\s*<\/a>[\s\S]*?<strong class="govuk-tag[^"]*">\s*([^<]+?)\s*<\/strong>/g;
  for (const m of body.matchAll(pattern))
    rows[m[2] ?? ''] = { href: (m[1] ?? '').replaceAll('&amp;', '&'), count: m[3] ?? '' };
  return rows;
};

describe('the home page as a work queue', () => {
  it('shows the appropriate authority the allocations and assessments waiting, each linking to the list it counts', async () => {
    const res = await as(t, w, 'aa').get('/');
    expect(res.statusCode).toBe(200);
    const q = queue(res.body);
    expect(q['Cases waiting for a lead investigator']).toEqual({
      href: '/cases?view=unallocated&status=open',
      count: '2',
    });
    expect(q['Allegations to assess']?.count).toBe('2');
    // The count is the number of rows the link lists.
    const list = await as(t, w, 'aa').get(q['Allegations to assess']?.href ?? '');
    expect(list.body).toContain('2 cases');
  });

  it('never counts a case the user may not see', async () => {
    // aaUnnamed may not see the restricted case: one case to allocate, one to assess.
    const q = queue((await as(t, w, 'aaUnnamed').get('/')).body);
    expect(q['Cases waiting for a lead investigator']?.count).toBe('1');
    expect(q['Allegations to assess']?.count).toBe('1');
  });

  it('shows an investigator the investigations of the cases they lead, and not the appropriate authority’s steps', async () => {
    const res = await as(t, w, 'investigator').get('/');
    const q = queue(res.body);
    expect(q['My investigations to start']?.count).toBe('1');
    expect(q['Open cases I lead']?.count).toBe('1');
    expect(q['Allegations to assess']).toBeUndefined();
    const list = await as(t, w, 'investigator').get(q['My investigations to start']?.href ?? '');
    expect(list.body).toContain('1 case');
  });

  it('gives the PCC’s office, the chief officer and a member of the public a home with their own work, not only "Your account"', async () => {
    const pcc = (await as(t, w, 'pcc').get('/')).body;
    expect(pcc).toContain('href="/oversight"');
    expect(pcc).toContain('href="/recommendations"');
    const chief = (
      await t.app.inject({ method: 'GET', url: '/', headers: { cookie: `probity_session=${chiefCookie}` } })
    ).body;
    expect(chief).toContain('href="/recommendations"');
    const pub = (
      await t.app.inject({ method: 'GET', url: '/', headers: { cookie: `probity_session=${publicCookie}` } })
    ).body;
    expect(pub).toContain('href="/public/west"');
    expect(pub).not.toContain('id="work-queue"');
  });
});
