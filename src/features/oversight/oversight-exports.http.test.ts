import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOversightWorld, type OversightWorld, type Who } from '../../../test/fixtures/oversight/world.ts';
import { expectSafe, tableIn, tableOf, texts, type SectionsBody } from '../../../test/fixtures/oversight/tables.ts';
import { api, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import type { DisclosedTable } from './disclosure-control.ts';

let t: TestApp;
let w: OversightWorld;

beforeAll(async () => {
  ({ t, w } = await openOversightWorld());
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const as = (who: Who) => new TestClient(t.app).setCookie('probity_session', w.cookies[who]);
const get = (who: Who, url: string) => api(t.app, 'GET', url, w.tokens[who]);
const exported = () =>
  t.database.query<{ payload: { table: string; format: string; suppressed: boolean; period: string } }>(
    `select payload from audit_events where event_type = 'oversight.exported' order by seq`,
  );

/** The CSV as the machine reads it: numbers without separators, "[c]" where hidden, empty where not applicable. */
const asCsvCells = (table: DisclosedTable) => [
  [table.rowHeader, ...table.columns.map((c) => c.label)],
  ...table.rows.map((r) => [
    r.label,
    ...r.cells.map((c) => (c.suppressed ? '[c]' : c.value === null ? '' : String(Math.round(c.value * 1000) / 1000))),
  ]),
];
/** Our CSV files read back with csv-parse; rows must end in CRLF (RFC 4180), or the file reads as one row. */
const parseCsv = (body: string): string[][] => parse(body, { record_delimiter: '\r\n' });

describe('the dashboard page', () => {
  it('draws each section as an accessible SVG chart followed by its table, for the commissioner with [c]', async () => {
    const res = await as('pcc').get('/oversight?fy=2025');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Westshire Police');
    expect(res.body).toContain('id="period-label">2025/26');
    expect(res.body).toContain('Numbers below 5 are shown as');
    const charts = res.body.match(/<svg[^>]*role="img"[^>]*>/g) ?? [];
    expect(charts.length).toBe(9);
    for (const id of [
      'volumes',
      'timeliness',
      'outcomes',
      'sanctions',
      'disproportionality-sex',
      'disproportionality-ethnicity',
      'restrictions',
      'vetting',
      'recommendations',
    ]) {
      const start = res.body.indexOf(`<section class="govuk-!-margin-bottom-9" id="${id}"`);
      expect(start).toBeGreaterThan(0);
      const section = res.body.slice(start, res.body.indexOf('</section>', start));
      // The chart comes first, named by its title and described in words, then the table it is drawn from.
      expect(section.indexOf('role="img"')).toBeLessThan(section.indexOf('<table'));
      expect(section).toMatch(/aria-labelledby="chart-[a-z-]+-title chart-[a-z-]+-desc"/);
      expect(section).toContain('<desc id="chart-');
    }
    expect(res.body).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">Conduct cases finalised, by type of case (2025/26)</caption>',
    );
    expect(res.body).toContain(
      '<abbr title="Suppressed: a small number, or one that a total would give away">[c]</abbr>',
    );
    // No inline style or script anywhere in the SVG (the CSP forbids both; charts work with JavaScript off).
    const svgs = res.body.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    for (const svg of svgs) expect(svg).not.toMatch(/style=|<style|<script/);
    expect(res.body).toContain('href="/oversight/tables/timeliness.csv?fy=2025&amp;basis=finalised"');
  });

  it('tells the appropriate authority that the figures are unsuppressed and links the public notices', async () => {
    const res = await as('aa').get('/oversight?fy=2025&basis=received&quarter=3');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('You see every figure unsuppressed');
    expect(res.body).toContain('2025/26, quarter 3 (October to December 2025)');
    expect(res.body).toContain('href="/publications"');
    expect(res.body).not.toContain('>[c]<');
  });
});

describe('exports match the tables and are audited', () => {
  it('gives the commissioner a CSV with exactly the cells of the table, hidden cells included', async () => {
    const body = (await get('pcc', '/api/v1/oversight/sections?fy=2025')).json<SectionsBody>();
    for (const id of ['timeliness', 'allegations-by-category', 'disproportionality-ethnicity-subject']) {
      const res = await as('pcc').get(`/oversight/tables/${id}.csv?fy=2025`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename=west-${id}-2025-26-finalised.csv`);
      expect(parseCsv(res.body)).toEqual(asCsvCells(tableOf(body, id)));
    }
    expect(parseCsv((await as('pcc').get('/oversight/tables/timeliness.csv?fy=2025')).body)[2]).toEqual([
      'Recordable conduct matter',
      '[c]',
      '[c]',
      '[c]',
      '0',
      '0',
    ]);
    const rows = await exported();
    expect(rows.at(-1)?.payload).toEqual({
      type: 'oversight.exported',
      table: 'timeliness',
      format: 'csv',
      period: '2025/26, by date finalised',
      suppressed: true,
    });
  });

  it('gives the appropriate authority a workbook of every table, each sheet equal to its table', async () => {
    const body = (await get('aa', '/api/v1/oversight/sections?fy=2025')).json<SectionsBody>();
    const res = await t.app.inject({
      method: 'GET',
      url: '/oversight/tables/all.xlsx?fy=2025',
      headers: { cookie: `probity_session=${w.cookies.aa}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheets = await readExcelFile(res.rawPayload);
    const tables = body.sections.flatMap((s) => s.tables);
    expect(sheets.map((s) => s.sheet)).toEqual(tables.map((tb) => tb.id.slice(0, 31)));
    for (const [i, table] of tables.entries()) {
      const data = sheets[i]?.data ?? [];
      expect(data[0]?.[0]).toBe(table.caption);
      const rows = table.rows.map((r) => [
        r.label,
        ...r.cells.map((c) => (c.suppressed || c.value === null ? c.text : Math.round(c.value * 1000) / 1000)),
      ]);
      expect(data.slice(2, 2 + rows.length)).toEqual(rows);
    }
    expect((await exported()).at(-1)?.payload).toMatchObject({
      table: 'dashboard (all tables)',
      format: 'xlsx',
      suppressed: false,
    });
  });
});

describe('statistical returns', () => {
  it('gives the Home Office tables by date finalised, with rates per 1,000 of the headcount, worked out by hand', async () => {
    const res = await get('aa', '/api/v1/oversight/returns?fy=2025&basis=received');
    expect(res.statusCode).toBe(200);
    const { period, tables } = res.json<{ period: { basis: string; label: string }; tables: DisclosedTable[] }>();
    expect(period).toMatchObject({ basis: 'finalised', label: '2025/26' }); // returns are always by date finalised
    expect(tables.map((tb) => tb.id)).toEqual([
      'ho-allegations-by-category',
      'ho-case-to-answer',
      'ho-referred-to-proceedings',
      'ho-findings',
      'ho-disciplinary-action',
      'ho-people-by-rank',
      'ho-people-by-sex',
      'ho-people-by-ethnicity',
      'barred-list-dismissals',
    ]);
    expect(texts(tableIn(tables, 'ho-allegations-by-category'))['All categories']).toEqual(['10', '1', '1', '12']);
    expect(texts(tableIn(tables, 'ho-case-to-answer'))).toEqual({
      'No case to answer': ['0', '0', '1', '1'], // AS1
      'Case to answer: misconduct': ['7', '0', '0', '7'], // W1 and six
      'Case to answer: gross misconduct': ['1', '1', '0', '2'], // F1, B1
      'All decisions': ['8', '1', '1', '10'],
    });
    expect(texts(tableIn(tables, 'ho-referred-to-proceedings'))).toEqual({
      'Misconduct meeting': ['7', '0', '0', '0', '7'],
      'Misconduct hearing': ['2', '0', '0', '0', '2'],
      'Accelerated hearing': ['0', '0', '0', '0', '0'],
      'All proceedings': ['9', '0', '0', '0', '9'],
    });
    expect(texts(tableIn(tables, 'ho-findings'))).toEqual({
      'Not proven': ['0', '0', '0', '0'],
      Misconduct: ['7', '0', '0', '7'],
      'Gross misconduct': ['0', '2', '0', '2'], // B1, and F1 (would have been dismissed)
      'All findings': ['7', '2', '0', '9'],
    });
    // Rank: Constable 9 of 11 = 818.2; Inspector 1 of 1 = 1,000.0; Not recorded (F1) 1 of 56 = 17.9; Sergeant 1 of 2 = 500.0.
    expect(texts(tableIn(tables, 'ho-people-by-rank'))).toEqual({
      Constable: ['9', '11', '818.2'],
      Inspector: ['1', '1', '1,000.0'],
      'Not recorded': ['1', '56', '17.9'],
      Sergeant: ['1', '2', '500.0'],
      All: ['12', '70', '171.4'],
    });
    expect(texts(tableIn(tables, 'ho-people-by-sex'))).toEqual({
      Female: ['2', '26', '76.9'],
      Male: ['10', '44', '227.3'],
      'Not stated': ['0', '0', '–'],
      All: ['12', '70', '171.4'],
    });
    expect(texts(tableIn(tables, 'ho-people-by-ethnicity'))['Black']).toEqual(['2', '10', '200.0']);
    // Barred list: B1 (20 August 2025) and F1 (15 October 2025), both officers: 2 of 67 officers = 29.9.
    expect(texts(tableIn(tables, 'barred-list-dismissals'))).toEqual({
      'Police officers': ['2', '67', '29.9'],
      'Special constables': ['0', '1', '0.0'],
      'Police staff': ['0', '2', '0.0'],
      Volunteers: ['0', '0', '–'],
      All: ['2', '70', '28.6'],
    });
  });

  it('suppresses the returns for the commissioner the same way, on the page and in the files', async () => {
    const res = await get('pcc', '/api/v1/oversight/returns?fy=2025');
    const tables = res.json<{ tables: DisclosedTable[] }>().tables;
    for (const table of tables) expectSafe(table);
    expect(texts(tableIn(tables, 'barred-list-dismissals'))['Police officers']).toEqual(['[c]', '67', '[c]']);
    const page = await as('pcc').get('/oversight/returns?fy=2025');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      'Individuals referred to misconduct proceedings, by form of proceedings and type of person (2025/26, finalised)',
    );
    expect(page.body).toContain('href="/oversight/returns/ho-findings.csv?fy=2025"');
    const csv = await as('pcc').get('/oversight/returns/ho-people-by-rank.csv?fy=2025');
    expect(csv.statusCode).toBe(200);
    expect(parseCsv(csv.body)).toEqual(asCsvCells(tableIn(tables, 'ho-people-by-rank')));
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/oversight/returns/all.xlsx?fy=2025',
      headers: { cookie: `probity_session=${w.cookies.pcc}` },
    });
    expect((await readExcelFile(xlsx.rawPayload)).map((s) => s.sheet)).toEqual(tables.map((tb) => tb.id));
    expect((await exported()).at(-1)?.payload).toMatchObject({
      table: 'returns (all tables)',
      format: 'xlsx',
      suppressed: true,
    });
    expect((await as('pcc').get('/oversight/returns/all.csv')).statusCode).toBe(404);
  });
});
