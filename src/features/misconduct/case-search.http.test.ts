import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import { allocateCase } from './allocate-case.ts';
import {
  as,
  buildCaseWorld,
  caseInput,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from './open-case.ts';

/**
 * Case search (issue 17): by a subject's name or any number they hold or held, category, stage, lead
 * investigator, source, confidentiality and dates; sortable columns as links; filters in the URL; the same
 * through the API; and need-to-know as everywhere (a hidden case is never found nor counted).
 */

let t: TestApp;
let w: CaseWorld;
let firearms: { id: string; reference: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  // Collar 7710 was re-issued: Harriet Allen held it until 2019, then 4821; Barker holds 7710 now.
  const allen = await createPerson(t.deps.db, 'west', {
    givenName: 'Harriet',
    familyName: 'Allen',
    identifiers: [
      { kind: 'collar', value: '7710', validFrom: '2008-01-01', validTo: '2019-01-01' },
      { kind: 'collar', value: '4821', validFrom: '2019-01-01' },
    ],
  });
  await createPerson(t.deps.db, 'west', {
    givenName: 'Ken',
    familyName: 'Barker',
    identifiers: [{ kind: 'collar', value: '7710', validFrom: '2019-02-01' }],
  });
  firearms = await openCase(
    t.deps,
    w.aa,
    caseInput([allen.id], {
      source: 'public_complaint',
      cameToAttentionOn: '2024-11-20',
      summary: 'Discharge of a taser without warning',
      allegation: {
        categoryCode: 'powers.use_of_force',
        standards: ['use_of_force'],
        description: 'Used a taser on a compliant man in the street.',
      },
    }),
    null,
  );
  await allocateCase(
    t.deps,
    w.aa,
    { caseId: firearms.id, version: 1, leadInvestigatorId: w.accounts.lead.user.id },
    null,
  );
});

afterAll(async () => {
  await t?.close();
});

const found = (body: string) =>
  [w.restricted.reference, w.normal.reference, firearms.reference].filter((r) => body.includes(`>${r}</a>`));

describe('case search', () => {
  it('finds a case by a subject’s family name, full name and any number they held, current or past', async () => {
    for (const q of ['Allen', 'harriet allen', '4821', '7710']) {
      const res = await as(t, w, 'aa').get(`/cases?view=all&q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(found(res.body), q).toEqual([firearms.reference]);
      expect(res.body, q).toContain('1 case');
    }
    // Barker holds 7710 now but is on no case: "Barker" finds nothing, and nothing else matches.
    expect(found((await as(t, w, 'aa').get('/cases?view=all&q=Barker')).body)).toEqual([]);
    expect(found((await as(t, w, 'aa').get('/cases?view=all&q=Calder')).body)).toEqual([w.normal.reference]);
  });

  it('never finds nor counts a case the user may not see, whatever they search for', async () => {
    // Alice (collar 812) is a subject of the restricted case only.
    const unnamed = await as(t, w, 'aaUnnamed').get('/cases?view=all&q=812');
    expect(found(unnamed.body)).toEqual([]);
    expect(unnamed.body).toContain('0 cases');
    const named = await as(t, w, 'named').get('/cases?view=all&q=812');
    expect(found(named.body)).toEqual([w.restricted.reference]);
    const east = await api(t.app, 'GET', '/api/v1/cases?view=all&q=Allen', w.tokens.east);
    expect(east.json<{ total: number }>().total).toBe(0);
  });

  it('filters by category (a parent finds its sub-categories), stage, lead, source, confidentiality and dates', async () => {
    const get = async (qs: string) => found((await as(t, w, 'aa').get(`/cases?view=all&${qs}`)).body);
    expect(await get('category=powers')).toEqual([firearms.reference]);
    expect(await get('category=powers.use_of_force')).toEqual([firearms.reference]);
    expect(await get('category=behaviours.unprofessional')).toEqual([w.restricted.reference, w.normal.reference]);
    expect(await get('stage=received')).toHaveLength(3);
    expect(await get('stage=under_investigation')).toEqual([]);
    expect(await get(`lead=${w.accounts.lead.user.id}`)).toEqual([firearms.reference]);
    expect(await get('lead=none')).toEqual([w.restricted.reference, w.normal.reference]);
    expect(await get('source=public_complaint')).toEqual([firearms.reference]);
    expect(await get('confidentiality=restricted')).toEqual([w.restricted.reference]);
    expect(await get('from-day=1&from-month=1&from-year=2025')).toEqual([w.restricted.reference, w.normal.reference]);
    expect(await get('to-day=31&to-month=12&to-year=2024')).toEqual([firearms.reference]);
  });

  it('keeps the filters in the URL: the form shows them chosen, and page and sort links carry them', async () => {
    const res = await as(t, w, 'aa').get('/cases?view=all&source=public_complaint&q=Allen');
    expect(res.body).toMatch(/<option value="public_complaint" selected>/);
    expect(res.body).toContain('value="Allen"');
    expect(res.body).toContain(
      'href="/cases?view=all&amp;source=public_complaint&amp;q=Allen&amp;sort=reference&amp;dir=asc"',
    );
  });

  it('sorts by a column through links (no JavaScript), with aria-sort on the sorted column', async () => {
    const order = (body: string) => [...body.matchAll(/>(WEST-\d{4}-\d{4})<\/a>/g)].map((m) => m[1]);
    const byReceived = await as(t, w, 'aa').get('/cases?view=all');
    expect(order(byReceived.body)[2]).toBe(firearms.reference);
    expect(byReceived.body).toMatch(
      /aria-sort="descending"><a class="govuk-link app-sort-link" href="[^"]*sort=received&amp;dir=asc">Came to attention/,
    );
    const byRefDesc = await as(t, w, 'aa').get('/cases?view=all&sort=reference&dir=desc');
    const refs = order(byRefDesc.body);
    expect(refs).toEqual([...refs].sort().reverse());
    expect(byRefDesc.body).toMatch(/aria-sort="descending"><a [^>]*href="[^"]*sort=reference&amp;dir=asc">Reference/);
    const byLead = await as(t, w, 'aa').get('/cases?view=all&sort=lead&dir=asc');
    expect(order(byLead.body)[0]).toBe(firearms.reference);
  });

  it('answers the same search through the API', async () => {
    const res = await api(t.app, 'GET', '/api/v1/cases?view=all&q=7710&sort=reference&dir=asc', w.tokens.aa);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ total: number; items: { reference: string }[] }>();
    expect(body.total).toBe(1);
    expect(body.items.map((i) => i.reference)).toEqual([firearms.reference]);
    const bad = await api(t.app, 'GET', '/api/v1/cases?stage=sideways&from=2025-02-30&sort=colour', w.tokens.aa);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields).toMatchObject({
      stage: 'Choose a stage from the list',
      from: 'The earliest date must be a real date',
      sort: 'Choose a column to sort by',
    });
  });

  it('answers bad filters on the page with 400 and messages in words, never 500', async () => {
    const res = await as(t, w, 'aa').get(
      '/cases?view=all&lead=someone&from-day=31&from-month=2&from-year=2025&to-day=1&to-month=1&to-year=2020&confidentiality=secret',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('The earliest date must be a real date');
    expect(res.body).toContain('Choose a lead investigator from the list');
    expect(res.body).toContain('Choose normal or restricted');
    const reversed = await as(t, w, 'aa').get('/cases?view=all&from=2025-02-01&to=2025-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('The earliest date must be on or before the latest date');
  });

  it('sends a visitor who is not signed in to sign in', async () => {
    const res = await as(t, w, null).get('/cases?view=all&q=Allen');
    expect(res.statusCode).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/cases?q=Allen', undefined)).statusCode).toBe(401);
  });
});
