import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { discloseTable, type TableSpec } from './disclosure-control.ts';
import { tablesToXlsx, tableToCsv } from './exports.ts';

const spec: TableSpec = {
  id: 'allegations-by-category',
  caption: 'Allegations by category',
  rowHeader: 'Category',
  columns: [
    { key: 'a', label: 'Conduct matter', kind: 'count' },
    { key: 'b', label: 'Recordable, "special"', kind: 'count' },
  ],
  rows: [
    { key: 'r1', label: 'Honesty, integrity', values: { a: 1200, b: 3 } },
    { key: 'r2', label: '=HYPERLINK("x")', values: { a: 8, b: 9 } },
  ],
  rowTotals: true,
  columnTotals: { label: 'All categories' },
  personal: true,
  notes: ['A note.'],
};

describe('exports', () => {
  const table = discloseTable(spec, { threshold: 5, unsuppressed: false });

  it('writes the disclosed cells as CSV, quoting what needs it and defusing formulas', () => {
    expect(tableToCsv(table)).toBe(
      [
        'Category,Conduct matter,"Recordable, ""special""",Total',
        '"Honesty, integrity",[c],[c],1203',
        `"'=HYPERLINK(""x"")",[c],[c],17`,
        'All categories,1208,12,1220',
        '',
      ].join('\r\n'),
    );
  });

  it('writes a workbook whose sheet holds the same cells, numbers as numbers', async () => {
    const psd = discloseTable(spec, { threshold: 5, unsuppressed: true });
    const file = await tablesToXlsx([table, psd]);
    const sheets = await readExcelFile(file);
    expect(sheets.map((s) => s.sheet)).toEqual(['allegations-by-category', 'allegations-by-category-2']);
    expect(sheets[0]?.data.slice(0, 5)).toEqual([
      ['Allegations by category', null, null, null],
      ['Category', 'Conduct matter', 'Recordable, "special"', 'Total'],
      ['Honesty, integrity', '[c]', '[c]', 1203],
      ['=HYPERLINK("x")', '[c]', '[c]', 17],
      ['All categories', 1208, 12, 1220],
    ]);
    expect(sheets[1]?.data[2]).toEqual(['Honesty, integrity', 1200, 3, 1203]);
    expect(sheets[0]?.data.flat()).toContain('A note.');
  });
});
