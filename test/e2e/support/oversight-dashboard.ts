import readExcelFile from 'read-excel-file/node';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from './browser.ts';
import {
  PCC,
  SUPPRESSED,
  download,
  expectNoTotalGivesAway,
  expectRowsMatch,
  pageNumber,
  parseCsv,
  readTables,
  tableById,
  type Line,
  type PageTable,
} from './oversight-journey.ts';

/** Dashboard steps of the commissioner's journey (test/e2e/oversight.e2e.ts): the period, the tables, the exports. */

/** The financial year (April to March) of an ISO date, by its starting year. */
export const fyOf = (iso: string) =>
  Number(iso.slice(5, 7)) >= 4 ? Number(iso.slice(0, 4)) : Number(iso.slice(0, 4)) - 1;
export const fyLabel = (fy: number) => `${fy}/${String(fy + 1).slice(2)}`;

export const heading = (p: Page) => p.getByRole('heading', { level: 1 }).textContent();

/** The force's and the verified counts of recommendations addressed, from the dashboard's tables. */
export const addressedRow = (tables: PageTable[]) =>
  tableById(tables, 'recommendations')
    .rows.find((r) => r.label === 'Addressed')
    ?.cells.slice(0, 2)
    .map((c) => c.text) ?? [];

/** Reads every table of the page, checks no total gives a hidden cell away, and keeps the protected lines. */
export async function checkAllTables(p: Page, protectedLines: Line[]): Promise<PageTable[]> {
  const tables = await readTables(p);
  for (const t of tables) protectedLines.push(...expectNoTotalGivesAway(t));
  return tables;
}

/** Chooses the period on the dashboard and waits for the figures of that period. */
export async function showFigures(
  page: Page,
  fy: number,
  quarter: '' | '1' | '2' | '3' | '4',
  basis: 'finalised' | 'received',
): Promise<void> {
  await page.getByLabel('Financial year (April to March)').selectOption(String(fy));
  await page.getByLabel('Quarter', { exact: true }).selectOption(quarter);
  await page
    .getByRole('radio', { name: basis === 'finalised' ? 'Date finalised' : 'Date received', exact: true })
    .check();
  await page.getByRole('button', { name: 'Show figures' }).click();
  await page.waitForURL(
    (u) =>
      u.pathname === '/oversight' &&
      u.searchParams.get('fy') === String(fy) &&
      (u.searchParams.get('quarter') ?? '') === quarter &&
      u.searchParams.get('basis') === basis,
  );
}

/** The chart says no more than its table: a category hidden in the table is "[c] (not shown)" in the chart. */
export async function checkChartMatchesTable(page: Page, tables: PageTable[]): Promise<void> {
  const byCategory = tableById(tables, 'allegations-by-category');
  expect(byCategory.rows.map((r) => r.isTotal)).toEqual([
    ...Array<boolean>(byCategory.rows.length - 1).fill(false),
    true,
  ]);
  expect(byCategory.rows.at(-1)?.label).toBe('All categories');
  const desc = (await page.locator('#chart-allegations-by-category desc').textContent()) ?? '';
  const described = desc.replace(/\. The table after the chart gives the same figures\.$/, '').split('; ');
  expect(described).toEqual(
    byCategory.rows
      .filter((r) => !r.isTotal)
      .map(
        (r) =>
          `${r.label}: ${r.cells.at(-1)?.suppressed ? `${SUPPRESSED} (not shown)` : String(pageNumber(r.cells.at(-1)?.text ?? ''))}`,
      ),
  );
}

/**
 * Exports the allegations table of the year shown as CSV and as a spreadsheet: the same cells, hidden where
 * the page hides them; both exports audited.
 */
export async function exportAllegations(page: Page, server: RunningServer, fy: number): Promise<void> {
  const table = tableById(await readTables(page), 'allegations-by-category');
  const hiddenOnPage = table.rows
    .flatMap((r) => r.cells.map((c, i) => ({ row: r.label, column: table.headers[i], suppressed: c.suppressed })))
    .filter((c) => c.suppressed);
  expect(hiddenOnPage.length, 'the demo force has small numbers to hide').toBeGreaterThan(0);
  const section = page.locator('#table-allegations-by-category');
  const slug = `${fyLabel(fy).replace('/', '-')}-finalised`;

  const csv = await download(page, () =>
    section.getByRole('link', { name: `CSV of ${table.caption}`, exact: true }).click(),
  );
  expect(csv.name).toBe(`westshire-allegations-by-category-${slug}.csv`);
  const rows = parseCsv(csv.body);
  expect(rows[0]).toEqual([table.rowHeader, ...table.headers]);
  expectRowsMatch(rows.slice(1), table, 'CSV');
  // The small cell the page hides is hidden in the file too.
  const first = hiddenOnPage[0];
  const csvRow = rows.find((r) => r[0] === first?.row);
  expect(csvRow?.[1 + table.headers.indexOf(first?.column ?? '')]).toBe(SUPPRESSED);

  const xlsx = await download(page, () =>
    section.getByRole('link', { name: `spreadsheet (xlsx) of ${table.caption}`, exact: true }).click(),
  );
  expect(xlsx.name).toBe(`westshire-allegations-by-category-${slug}.xlsx`);
  const sheets = await readExcelFile(xlsx.body);
  expect(sheets.map((s) => s.sheet)).toEqual(['allegations-by-category']);
  const data = (sheets[0]?.data ?? []) as (string | number | null)[][];
  expect(data[0]?.[0]).toBe(table.caption);
  expect(data[1]).toEqual([table.rowHeader, ...table.headers]);
  expectRowsMatch(data.slice(2, 2 + table.rows.length), table, 'spreadsheet');

  const exported = await server.database.query<{ payload: { table: string; format: string; suppressed: boolean } }>(
    `select payload from audit_events where event_type = 'oversight.exported' and actor_user_id = (select id from users where email = $1) order by seq`,
    [PCC],
  );
  expect(exported.map((e) => [e.payload.table, e.payload.format, e.payload.suppressed])).toEqual([
    ['allegations-by-category', 'csv', true],
    ['allegations-by-category', 'xlsx', true],
  ]);
}

/** Exports the disproportionality table showing the most relative rates and recomputes its rates from the file. */
export async function recomputeRelativeRates(page: Page): Promise<void> {
  const tables = (await readTables(page)).filter((t) => t.id.startsWith('disproportionality-'));
  const referenceOf = (t: PageTable) => /^Relative rate \((.+) = 1\.00\)$/.exec(t.headers[3] ?? '')?.[1];
  /** Relative rates shown for groups other than the reference group. */
  const shownRates = (t: PageTable) =>
    t.rows.filter((r) => !r.isTotal && r.label !== referenceOf(t) && pageNumber(r.cells[3]?.text ?? '') !== null)
      .length;
  const chosen = [...tables].sort((a, b) => shownRates(b) - shownRates(a))[0];
  if (!chosen || shownRates(chosen) === 0)
    throw new Error('no disproportionality table of last year shows a relative rate');
  expect(chosen.headers).toEqual([
    'People at this stage',
    'Current workforce',
    'Rate per 1,000',
    expect.stringMatching(/^Relative rate \((Male|White) = 1\.00\)$/),
  ]);
  const reference = referenceOf(chosen);

  const csv = await download(page, () =>
    page
      .locator(`#table-${chosen.id}`)
      .getByRole('link', { name: `CSV of ${chosen.caption}`, exact: true })
      .click(),
  );
  const rows = parseCsv(csv.body).slice(1);
  expectRowsMatch(rows, chosen, 'CSV');
  const ref = rows.find((r) => r[0] === reference);
  const rate = (r: string[] | undefined) => (Number(r?.[1]) / Number(r?.[2])) * 1000;
  let recomputed = 0;
  for (const r of rows.slice(0, -1)) {
    if (r[3] !== SUPPRESSED && r[3] !== '')
      expect(Math.abs(Number(r[3]) - rate(r)), `${r[0]}: rate per 1,000`).toBeLessThan(0.0006);
    if (r[4] === SUPPRESSED || r[4] === '') continue;
    expect(ref?.[1], 'a relative rate is shown only with the reference group’s count').not.toBe(SUPPRESSED);
    expect(Math.abs(Number(r[4]) - rate(r) / rate(ref)), `${r[0]}: relative rate`).toBeLessThan(0.0006);
    if (r[0] !== reference) recomputed++;
  }
  expect(recomputed).toBe(shownRates(chosen));
}
