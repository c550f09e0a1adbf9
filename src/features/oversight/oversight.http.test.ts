import { describe, expect, it } from 'vitest';
import { type Who } from '../../../test/fixtures/oversight/world.ts';
import { expectSafe, tableOf, texts } from '../../../test/fixtures/oversight/tables.ts';
import { type ApiError } from '../../../test/support/test-app.ts';
import {
  useOversightWorld,
  as,
  get,
  sections,
  auditCount,
  type Summary,
  hidden,
  shown,
} from '../../../test/fixtures/oversight/dashboard.http-fixtures.ts';

/** Who may see the oversight figures, and the commissioner's office: the whole force, aggregated, small numbers suppressed. */
useOversightWorld();

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
