import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOversightWorld, type OversightWorld, type Who } from '../../../test/fixtures/oversight/world.ts';
import { expectSafe, tableOf, texts, type SectionsBody } from '../../../test/fixtures/oversight/tables.ts';
import { api, TestClient, type ApiError, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let w: OversightWorld;

beforeAll(async () => {
  ({ t, w } = await openOversightWorld());
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) =>
  who ? new TestClient(t.app).setCookie('probity_session', w.cookies[who]) : new TestClient(t.app);
const get = (who: Who | null, url: string) => api(t.app, 'GET', url, who ? w.tokens[who] : undefined);
const sections = async (who: Who, query = '') =>
  (await get(who, `/api/v1/oversight/sections${query}`)).json<SectionsBody>();
const auditCount = async () =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events`))[0]?.n;

type Summary = {
  period: { label: string; from: string; to: string };
  asAt: string;
  disclosure: { threshold: number; unsuppressed: boolean };
  figures: Record<string, { value: number | null; suppressed: boolean }>;
};
const hidden = { value: null, suppressed: true };
const shown = (value: number) => ({ value, suppressed: false });

describe('who may see the oversight figures', () => {
  it('sends visitors to sign in and refuses the API without a token', async () => {
    for (const url of [
      '/oversight',
      '/oversight/returns',
      '/oversight/tables/timeliness.csv',
      '/oversight/returns/all.xlsx',
    ]) {
      const res = await as(null).get(url);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain('/sign-in');
    }
    for (const url of [
      '/api/v1/oversight/summary',
      '/api/v1/oversight/sections',
      '/api/v1/oversight/sections/timeliness',
      '/api/v1/oversight/returns',
    ]) {
      expect((await get(null, url)).statusCode).toBe(401);
    }
  });

  it('answers "not found" to users without the dashboard ability, and writes nothing', async () => {
    const before = await auditCount();
    for (const who of ['investigator', 'vetting'] as Who[]) {
      for (const url of [
        '/oversight',
        '/oversight/returns',
        '/oversight/tables/timeliness.csv',
        '/oversight/tables/all.xlsx',
        '/oversight/returns/ho-findings.csv',
      ]) {
        expect((await as(who).get(url)).statusCode).toBe(404);
      }
      for (const url of [
        '/api/v1/oversight/summary',
        '/api/v1/oversight/sections',
        '/api/v1/oversight/sections/timeliness',
        '/api/v1/oversight/returns',
      ])
        expect((await get(who, url)).statusCode).toBe(404);
    }
    expect(await auditCount()).toBe(before);
  });

  it('refuses a bad period with a message for each field, on pages and in the API', async () => {
    const page = await as('pcc').get('/oversight?fy=2030&quarter=7&basis=opened');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    expect(page.body).toContain('Choose a financial year up to 2025/26');
    expect(page.body).toContain('Choose a quarter from 1 to 4, or the whole year');
    expect(page.body).not.toContain('data-table=');
    expect((await as('aa').get('/oversight/returns?fy=1899')).statusCode).toBe(400);
    const res = await get('aa', '/api/v1/oversight/summary?quarter=7');
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().error.fields).toEqual({ quarter: 'Choose a quarter from 1 to 4, or the whole year' });
    const before = await auditCount();
    expect((await as('aa').get('/oversight/tables/timeliness.csv?basis=opened')).statusCode).toBe(400);
    expect((await as('aa').get('/oversight/tables/no-such-table.csv')).statusCode).toBe(404);
    expect((await as('aa').get('/oversight/tables/timeliness.pdf')).statusCode).toBe(404);
    expect(await auditCount()).toBe(before);
    expect((await as('pcc').get('/oversight/returns/ho-findings.csv?fy=abc')).statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
    for (const url of [
      '/api/v1/oversight/sections?basis=opened',
      '/api/v1/oversight/sections/timeliness?fy=2030',
      '/api/v1/oversight/returns?quarter=0',
    ]) {
      const bad = await get('pcc', url);
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json<ApiError>().error.fields ?? {})).toHaveLength(1);
    }
    expect((await get('aa', '/api/v1/oversight/sections/no-such-section')).statusCode).toBe(404);
  });
});

describe('the appropriate authority (PSD): unsuppressed, over the cases they can open', () => {
  it('gives the headline figures of 2025/26 by date finalised', async () => {
    const res = await get('aa', '/api/v1/oversight/summary?fy=2025');
    expect(res.statusCode).toBe(200);
    const s = res.json<Summary>();
    expect(s.period).toMatchObject({ label: '2025/26', from: '2025-04-01', to: '2026-03-31' });
    expect(s.asAt).toBe('2026-02-15');
    expect(s.disclosure).toEqual({ threshold: 5, unsuppressed: true });
    expect(s.figures).toEqual({
      casesFinalisedOrReceived: shown(6), // C1, C2, C3, C4, C8, C9 (not C7: restricted, not named)
      allegations: shown(12), // A1 + A2 + A3 + A4 + A5 + A9 + six of C9
      averageDaysToFinalise: shown(268.5), // (151 + 184 + 184 + 669 + 251 + 172) / 6 = 1611 / 6
      averageDaysExcludingSubJudice: shown(1510 / 6), // C2 184 − 61 = 123, C4 669 − 40 = 629: 1510 / 6 = 251.67
      casesOpen: shown(2), // C5, C6 on 15 February 2026
      casesOpenOver12Months: shown(1), // C5, came to attention 1 June 2024
      dismissals: shown(2), // B1 dismissed without notice; F1 would have been dismissed
      restrictionsInForce: shown(1), // W4 restricted duties
      suspensionsInForce: shown(0), // B1's suspension ended 1 September 2025
      subjectsFlagged: shown(1), // W3: sexual conduct, gross misconduct, not suspended, no rationale
      clearancesExpired: shown(2), // W2 (active, expired 31 January 2026) and B1 (expired)
      vettingReviewsOverdue: shown(1), // due 10 January 2026
    });
  });

  it('shows every table of the dashboard with the figures worked out by hand', async () => {
    const body = await sections('aa', '?fy=2025');
    expect(body.sections.map((s) => s.id)).toEqual([
      'volumes',
      'timeliness',
      'outcomes',
      'sanctions',
      'disproportionality-sex',
      'disproportionality-ethnicity',
      'restrictions',
      'vetting',
      'recommendations',
    ]);
    for (const s of body.sections) for (const table of s.tables) expect(table.controlled).toBe(false);
    expect(texts(tableOf(body, 'cases-by-type'))).toEqual({
      'Conduct matter': ['4'],
      'Recordable conduct matter': ['1'],
      'Complaint (special procedures)': ['1'],
      'All cases': ['6'],
    });
    const byCategory = texts(tableOf(body, 'allegations-by-category'));
    const zero = ['0', '0', '0', '0'];
    expect(byCategory).toEqual({
      'Abuse of position / corruption': ['1', '0', '0', '1'], // F1
      'Access and/or disclosure of information': zero,
      'Delivery of duties and service': zero,
      'Discreditable conduct': ['6', '0', '0', '6'], // the chat group
      'Discriminatory behaviour': ['0', '1', '0', '1'], // B1
      'Handling of or damage to property/premises': zero,
      'Individual behaviours': ['3', '0', '0', '3'], // W1, W2, B2
      Other: zero, // W5's case is restricted
      'Police powers, policies and procedures': ['0', '0', '1', '1'], // AS1
      'Sexual conduct': zero, // W3's allegation is not finalised
      'Use of police vehicles': zero,
      'All categories': ['10', '1', '1', '12'],
    });
    expect(texts(tableOf(body, 'timeliness'))).toEqual({
      'Conduct matter': ['4', '189.5', '189.5', '2', '1'], // (151 + 184 + 251 + 172) / 4 = 758 / 4
      'Recordable conduct matter': ['1', '184.0', '123.0', '0', '0'],
      'Complaint (special procedures)': ['1', '669.0', '629.0', '0', '0'], // sub judice 1 June–10 July 2024 (two periods overlapping) = 40
      'All cases': ['6', '268.5', '251.7', '2', '1'],
    });
    const outcomes = texts(tableOf(body, 'allegation-outcomes'));
    expect(outcomes['No case (assessed as neither misconduct nor gross misconduct)']).toEqual(['1', '0', '0', '1']); // W2
    expect(outcomes['Reflective practice (RPRP)']).toEqual(['1', '0', '0', '1']); // B2
    expect(outcomes['No case to answer']).toEqual(['0', '0', '1', '1']); // AS1
    expect(outcomes['Proceedings: misconduct proven']).toEqual(['7', '0', '0', '7']); // W1 + six
    expect(outcomes['Proceedings: gross misconduct proven']).toEqual(['1', '1', '0', '2']); // F1, B1
    expect(outcomes['All outcomes']).toEqual(['10', '1', '1', '12']);
    expect(outcomes['Not yet finalised']).toBeUndefined();
    expect(texts(tableOf(body, 'sanctions'))).toEqual({
      'Written warning': ['7', '0', '0', '7'],
      'Final written warning': ['0', '0', '0', '0'],
      'Reduction in rank': ['0', '0', '0', '0'],
      'Dismissal without notice': ['0', '1', '0', '1'],
      'Would have been dismissed (former officer)': ['0', '1', '0', '1'],
      'All sanctions': ['7', '2', '0', '9'],
    });
    const restrictions = texts(tableOf(body, 'restrictions-by-kind'));
    expect(restrictions['Restricted duties']).toEqual(['1', '1', '133.0']); // 5 October 2025 to 15 February 2026
    expect(restrictions['Suspension (regulation 11)']).toEqual(['1', '0', '–']);
    expect(restrictions['All restrictions']).toEqual(['2', '1', '133.0']);
    expect(texts(tableOf(body, 'suspension-flags'))).toEqual({ 'Rationale required or review due': ['1'] });
    expect(Object.values(texts(tableOf(body, 'vetting')))).toEqual([['2'], ['2'], ['1'], ['1'], ['1']]);
    expect(texts(tableOf(body, 'recommendations'))).toEqual({
      'Not started': ['1', '0', '1'],
      'Being progressed': ['1', '0', '0'],
      'Awaiting review': ['0', '0', '0'],
      Addressed: ['1', '1', '0'],
      'Not applicable': ['0', '0', '0'],
      'Not yet assessed': ['0', '2', '0'],
      'All recommendations': ['3', '3', '1'],
    });
  });

  it('computes disproportionality by sex and ethnicity at each stage against the workforce', async () => {
    const body = await sections('aa', '?fy=2025');
    // Sex: male 10 subjects of 44 = 227.3 per 1,000; female 2 of 26 = 76.9; 76.92 / 227.27 = 0.34.
    expect(texts(tableOf(body, 'disproportionality-sex-subject'))).toEqual({
      Female: ['2', '26', '76.9', '0.34'],
      Male: ['10', '44', '227.3', '1.00'],
      'Not stated': ['0', '0', '–', '–'],
      'All people': ['12', '70', '171.4', '–'],
    });
    // Ethnicity, subject: White 9 / 50 = 180.0; Black 2 / 10 = 200.0 → 200 / 180 = 1.11; Asian 1 / 5 = 200.0 → 1.11.
    expect(texts(tableOf(body, 'disproportionality-ethnicity-subject'))).toEqual({
      Asian: ['1', '5', '200.0', '1.11'],
      Black: ['2', '10', '200.0', '1.11'],
      Mixed: ['0', '2', '0.0', '0.00'],
      White: ['9', '50', '180.0', '1.00'],
      'Other ethnic group': ['0', '0', '–', '–'],
      'Not stated': ['0', '3', '0.0', '0.00'],
      'All people': ['12', '70', '171.4', '–'],
    });
    // Assessed as misconduct or gross misconduct: White 8 (W1, F1, six) / 50 = 160.0; Black 1 / 10 = 100.0 → 0.63; Asian 1 / 5 = 200.0 → 1.25.
    const assessed = texts(tableOf(body, 'disproportionality-ethnicity-assessed'));
    expect([assessed['White'], assessed['Black'], assessed['Asian'], assessed['All people']]).toEqual([
      ['8', '50', '160.0', '1.00'],
      ['1', '10', '100.0', '0.63'],
      ['1', '5', '200.0', '1.25'],
      ['10', '70', '142.9', '–'],
    ]);
    // Case to answer: the Asian officer had none (0.0); 9 of 70 = 128.6.
    expect(texts(tableOf(body, 'disproportionality-ethnicity-case-to-answer'))['Asian']).toEqual([
      '0',
      '5',
      '0.0',
      '0.00',
    ]);
    expect(texts(tableOf(body, 'disproportionality-ethnicity-case-to-answer'))['All people']).toEqual([
      '9',
      '70',
      '128.6',
      '–',
    ]);
    // Dismissed: White 1 (F1) / 50 = 20.0; Black 1 (B1) / 10 = 100.0 → 5.00.
    expect(texts(tableOf(body, 'disproportionality-ethnicity-dismissed'))).toEqual({
      Asian: ['0', '5', '0.0', '0.00'],
      Black: ['1', '10', '100.0', '5.00'],
      Mixed: ['0', '2', '0.0', '0.00'],
      White: ['1', '50', '20.0', '1.00'],
      'Other ethnic group': ['0', '0', '–', '–'],
      'Not stated': ['0', '3', '0.0', '0.00'],
      'All people': ['2', '70', '28.6', '–'],
    });
  });

  it('describes its API in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get?: { tags?: string[] } }>;
    }>();
    for (const path of [
      '/api/v1/oversight/summary',
      '/api/v1/oversight/sections',
      '/api/v1/oversight/sections/{section}',
      '/api/v1/oversight/returns',
    ]) {
      expect(doc.paths[path]?.get?.tags).toEqual(['oversight']);
    }
  });

  it('gives one section on its own', async () => {
    const res = await get('aa', '/api/v1/oversight/sections/timeliness?fy=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json<SectionsBody>();
    expect(body.sections.map((s) => s.id)).toEqual(['timeliness']);
    expect(texts(tableOf(body, 'timeliness'))['All cases']).toEqual(['6', '268.5', '251.7', '2', '1']);
  });

  it('counts by date received, and by quarter, when asked', async () => {
    const received = await sections('aa', '?fy=2025&basis=received');
    // Received in 2025/26 and visible: C3 and C6 (C7 is restricted).
    expect(texts(tableOf(received, 'cases-by-type'))['All cases']).toEqual(['2']);
    const outcomes = texts(tableOf(received, 'allegation-outcomes'));
    expect(outcomes['Not yet finalised']).toEqual(['1', '0', '0', '1']); // W4's allegation
    expect(outcomes['All outcomes']).toEqual(['3', '0', '0', '3']);
    const q2 = await get('aa', '/api/v1/oversight/summary?fy=2025&quarter=2');
    // July to September 2025: C9 (1 August) and C2 (1 September) closed; W2 (1 July), B1 and the six allegations.
    expect(q2.json<Summary>().figures['casesFinalisedOrReceived']).toEqual(shown(2));
    expect(q2.json<Summary>().figures['allegations']).toEqual(shown(8));
  });
});

describe('the commissioner’s office: the whole force, aggregated, small numbers suppressed', () => {
  it('gives the headline figures with small numbers hidden (the restricted case counted)', async () => {
    const s = (await get('pcc', '/api/v1/oversight/summary?fy=2025')).json<Summary>();
    expect(s.disclosure).toEqual({ threshold: 5, unsuppressed: false });
    expect(s.figures).toEqual({
      casesFinalisedOrReceived: shown(7), // with C7
      allegations: shown(13),
      averageDaysToFinalise: shown(1702 / 7), // 1611 + 91
      averageDaysExcludingSubJudice: shown(1601 / 7),
      casesOpen: hidden, // 2
      casesOpenOver12Months: hidden, // 1
      dismissals: hidden, // 3
      restrictionsInForce: hidden, // 1
      suspensionsInForce: shown(0),
      subjectsFlagged: hidden, // 1: the flagged list is a count, and a small one
      clearancesExpired: hidden,
      vettingReviewsOverdue: hidden,
    });
    const chief = (await get('chief', '/api/v1/oversight/summary?fy=2025')).json<Summary>();
    expect(chief.figures).toEqual(s.figures);
  });

  it('hides small cells and whatever would give them away, in every table', async () => {
    const body = await sections('pcc', '?fy=2025');
    expect(texts(tableOf(body, 'cases-by-type'))).toEqual({
      'Conduct matter': ['5'],
      'Recordable conduct matter': ['[c]'],
      'Complaint (special procedures)': ['[c]'],
      'All cases': ['7'],
    });
    expect(texts(tableOf(body, 'timeliness'))).toEqual({
      'Conduct matter': ['5', '169.8', '169.8', '[c]', '[c]'], // (758 + 91) / 5
      'Recordable conduct matter': ['[c]', '[c]', '[c]', '0', '0'],
      'Complaint (special procedures)': ['[c]', '[c]', '[c]', '0', '0'],
      'All cases': ['7', '243.1', '228.7', '[c]', '[c]'],
    });
    // Subject, by ethnicity: Asian 1 and Black 2 hidden; workforce Mixed 2 and Not stated 3 hidden, with their rates.
    expect(texts(tableOf(body, 'disproportionality-ethnicity-subject'))).toEqual({
      Asian: ['[c]', '5', '[c]', '[c]'],
      Black: ['[c]', '10', '[c]', '[c]'],
      Mixed: ['0', '[c]', '[c]', '[c]'],
      White: ['10', '50', '200.0', '1.00'],
      'Other ethnic group': ['0', '0', '–', '–'],
      'Not stated': ['0', '[c]', '[c]', '[c]'],
      'All people': ['13', '70', '185.7', '–'],
    });
    // Dismissed: Black 1, White 2 (F1, W5) and the total 3 are all small; every rate built on them goes.
    expect(texts(tableOf(body, 'disproportionality-ethnicity-dismissed'))).toEqual({
      Asian: ['0', '5', '0.0', '[c]'],
      Black: ['[c]', '10', '[c]', '[c]'],
      Mixed: ['0', '[c]', '[c]', '[c]'],
      White: ['[c]', '50', '[c]', '[c]'],
      'Other ethnic group': ['0', '0', '–', '–'],
      'Not stated': ['0', '[c]', '[c]', '[c]'],
      'All people': ['[c]', '70', '[c]', '–'],
    });
    expect(texts(tableOf(body, 'recommendations'))['All recommendations']).toEqual(['3', '3', '1']); // not about people
    for (const section of body.sections)
      for (const table of section.tables) if (table.id !== 'recommendations') expectSafe(table);
  });

  it('never counts another force, and the other force sees only its own', async () => {
    const east = (await get('eastPcc', '/api/v1/oversight/summary?fy=2025')).json<Summary>();
    expect(east.figures['casesFinalisedOrReceived']).toEqual(hidden); // E1 alone: 1
    const eastAa = (await get('eastAa', '/api/v1/oversight/summary?fy=2025')).json<Summary>();
    expect([
      eastAa.figures['casesFinalisedOrReceived'],
      eastAa.figures['allegations'],
      eastAa.figures['subjectsFlagged'],
    ]).toEqual([shown(1), shown(1), shown(0)]);
    const eastBody = await sections('eastAa', '?fy=2025');
    expect(texts(tableOf(eastBody, 'disproportionality-sex-subject'))['All people']).toEqual(['1', '13', '76.9', '–']); // E1, of east's 13 current people
  });
});
