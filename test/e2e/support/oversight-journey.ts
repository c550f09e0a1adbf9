import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Names, table readers and the disclosure checks for the commissioner's journey (test/e2e/oversight.e2e.ts). */
export const PCC = 'pcc@westshire.example';
export const AA = 'aa@westshire.example';

export const SUPPRESSED = '[c]';

export type PageCell = { text: string; suppressed: boolean };
export type PageRow = { label: string; isTotal: boolean; cells: PageCell[] };
/** A figures table as the page shows it (oversight/views/macros.njk `disclosedTable`). */
export type PageTable = { id: string; caption: string; rowHeader: string; headers: string[]; rows: PageRow[] };

/** Every figures table on the page (or under `scope`), read from the DOM as a reader sees it. */
export async function readTables(scope: Page | Locator): Promise<PageTable[]> {
  return scope.locator('table[data-table]').evaluateAll((tables) =>
    tables.map((t) => {
      const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const heads = [...t.querySelectorAll('thead th')].map(text);
      return {
        id: t.getAttribute('data-table') ?? '',
        caption: text(t.querySelector('caption')),
        rowHeader: heads[0] ?? '',
        headers: heads.slice(1),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => {
          const tds = [...tr.querySelectorAll('td')];
          return {
            label: text(tr.querySelector('th')),
            // The Total row is drawn in bold.
            isTotal: tds.length > 0 && tds.every((td) => td.classList.contains('govuk-!-font-weight-bold')),
            cells: tds.map((td) => ({
              text: text(td),
              suppressed: td.querySelector('abbr') !== null && text(td) === '[c]',
            })),
          };
        }),
      };
    }),
  );
}

export function tableById(tables: PageTable[], id: string): PageTable {
  const table = tables.find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id} on the page (there are ${tables.map((t) => t.id).join(', ')})`);
  return table;
}

/** A number as the page writes it ("1,244", "7.2"); null for "–" (not applicable) and "[c]". */
export function pageNumber(text: string): number | null {
  if (text === SUPPRESSED || text === '–' || text === '') return null;
  const n = Number(text.replaceAll(',', ''));
  if (!Number.isFinite(n)) throw new Error(`not a number: ${text}`);
  return n;
}

/** Averages, rates and relative rates: not summed into a total (everything else in these tables is a count). */
const MEASURE = /^(Average|Rate per|Relative rate)/;

type Entry = { text: string; suppressed: boolean };
export type Line = { name: string; members: Entry[]; total: Entry };

/**
 * Every sum a reader could subtract from: each row with its Total column, and each count column (and the
 * Total column) with the Total row.
 */
export function linesOf(table: PageTable): Line[] {
  const lines: Line[] = [];
  const totalColumn = table.headers.indexOf('Total');
  const countColumns = table.headers
    .map((h, i) => i)
    .filter((i) => i !== totalColumn && !MEASURE.test(table.headers[i] ?? ''));
  const data = table.rows.filter((r) => !r.isTotal);
  const totalRow = table.rows.find((r) => r.isTotal);
  const cell = (r: PageRow, i: number): Entry => r.cells[i] ?? { text: '', suppressed: false };
  if (totalColumn >= 0) {
    for (const r of table.rows)
      lines.push({
        name: `${table.id}: row ${r.label}`,
        members: countColumns.map((i) => cell(r, i)),
        total: cell(r, totalColumn),
      });
  }
  if (totalRow) {
    for (const i of totalColumn >= 0 ? [...countColumns, totalColumn] : countColumns) {
      lines.push({
        name: `${table.id}: column ${table.headers[i]}`,
        members: data.map((r) => cell(r, i)),
        total: cell(totalRow, i),
      });
    }
  }
  return lines;
}

/**
 * The check, independently of the application's code: no total gives a hidden cell away. In every
 * line, the number of hidden entries (members and total) is never exactly one; a fully shown line adds up;
 * and where a shown total has hidden members, it does not equal the sum of the visible cells (the hidden
 * cells are more than zero between them, and there are at least two of them). Returns the lines where
 * that protection was at work (a shown total with hidden members).
 */
export function expectNoTotalGivesAway(table: PageTable): Line[] {
  const protectedLines: Line[] = [];
  for (const line of linesOf(table)) {
    const entries = [...line.members, line.total];
    const hidden = entries.filter((e) => e.suppressed).length;
    expect(hidden, `${line.name}: exactly one hidden entry could be worked out from the others`).not.toBe(1);
    const visibleSum = line.members.reduce((sum, e) => sum + (pageNumber(e.text) ?? 0), 0);
    if (hidden === 0) {
      expect(pageNumber(line.total.text) ?? 0, `${line.name}: the total shown is the sum of its cells`).toBe(
        visibleSum,
      );
    } else if (!line.total.suppressed) {
      const total = pageNumber(line.total.text) ?? 0;
      expect(total, `${line.name}: the total must not equal the visible cells when cells are hidden`).not.toBe(
        visibleSum,
      );
      expect(total).toBeGreaterThan(visibleSum);
      expect(
        line.members.filter((e) => e.suppressed).length,
        `${line.name}: at least two hidden cells behind a shown total`,
      ).toBeGreaterThanOrEqual(2);
      protectedLines.push(line);
    }
  }
  return protectedLines;
}

/** Clicks something that downloads a file; returns its suggested name and bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const failure = await file.failure();
  if (failure) throw new Error(`download of ${file.suggestedFilename()} failed: ${failure}`);
  const filePath = await file.path();
  return { name: file.suggestedFilename(), body: fs.readFileSync(filePath) };
}

export function parseCsv(body: Buffer): string[][] {
  const rows: unknown = parse(body.toString('utf8'));
  return rows as string[][];
}

/**
 * A CSV or spreadsheet cell against the page's cell: "[c]" exactly where the page hides it, empty (CSV) or
 * "–" (spreadsheet) where not applicable, and otherwise the same number (the file has more decimals).
 */
export function expectSameCell(fileCell: string | number | null | undefined, pageCell: PageCell, where: string): void {
  if (pageCell.suppressed) {
    expect(fileCell, `${where}: hidden on the page, hidden in the file`).toBe(SUPPRESSED);
    return;
  }
  const shown = pageNumber(pageCell.text);
  if (shown === null) {
    expect(['', '–', null, undefined], `${where}: not applicable`).toContain(fileCell);
    return;
  }
  expect(fileCell, `${where}: a figure shown on the page is not hidden in the file`).not.toBe(SUPPRESSED);
  const value = Number(fileCell);
  const decimals = pageCell.text.split('.')[1]?.length ?? 0;
  expect(value.toFixed(decimals), `${where}: the file's value rounds to the page's`).toBe(shown.toFixed(decimals));
}

/** Each data row of a page table against the rows of a file (after its header), label and every cell. */
export function expectRowsMatch(fileRows: (string | number | null)[][], table: PageTable, what: string): void {
  expect(
    fileRows.map((r) => r[0]),
    `${what}: the rows, in the page's order`,
  ).toEqual(table.rows.map((r) => r.label));
  table.rows.forEach((row, r) =>
    row.cells.forEach((cell, c) =>
      expectSameCell(fileRows[r]?.[c + 1], cell, `${what}, ${row.label} × ${table.headers[c]}`),
    ),
  );
}
