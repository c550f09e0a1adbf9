import { describe, expect, it } from 'vitest';
import { tableOf, texts, type SectionsBody } from '../../../test/fixtures/oversight/tables.ts';
import {
  t,
  useOversightWorld,
  get,
  sections,
  type Summary,
  shown,
} from '../../../test/fixtures/oversight/dashboard.http-fixtures.ts';

/** The oversight figures of the appropriate authority (PSD): unsuppressed, over the cases they can open. */
useOversightWorld();

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
