import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/node';
import type { DisclosedTable } from './disclosure-control.ts';

/**
 * CSV and spreadsheet (xlsx) files of DISCLOSED tables: exactly the cells the page shows (hidden cells as
 * "[c]"), numbers as numbers so they can be summed. Pure apart from the zip writer.
 */

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function csvField(value: string): string {
  // A leading =, +, - or @ would be a formula to a spreadsheet (CSV injection): quote and prefix it.
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A cell for a machine: the number without separators, "[c]" when hidden, empty when not applicable. */
function rawCell(cell: DisclosedTable['rows'][number]['cells'][number]): string {
  if (cell.suppressed) return cell.text;
  return cell.value === null ? '' : String(Math.round(cell.value * 1000) / 1000);
}

/** One table as CSV: a header row, then a row per table row (the Total row last). */
export function tableToCsv(table: DisclosedTable): string {
  const lines = [
    [table.rowHeader, ...table.columns.map((c) => c.label)],
    ...table.rows.map((r) => [r.label, ...r.cells.map(rawCell)]),
  ];
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function sheetOf(table: DisclosedTable): SheetData {
  const rows: SheetData = [
    [{ value: table.caption, fontWeight: 'bold' }],
    [
      { value: table.rowHeader, fontWeight: 'bold' },
      ...table.columns.map((c): Cell => ({ value: c.label, fontWeight: 'bold' })),
    ],
    ...table.rows.map((r): Cell[] => [
      { value: r.label, ...(r.isTotal ? { fontWeight: 'bold' as const } : {}) },
      ...r.cells.map((cell): Cell =>
        cell.suppressed || cell.value === null
          ? { value: cell.text, type: String }
          : { value: Math.round(cell.value * 1000) / 1000, type: Number },
      ),
    ]),
  ];
  if (table.notes.length) rows.push([null], ...table.notes.map((n): Cell[] => [{ value: n }]));
  return rows;
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 28)}-${i}`;
  used.add(name);
  return name;
}

/** Tables as one workbook, a sheet each (named by the table's id). */
export async function tablesToXlsx(tables: readonly DisclosedTable[]): Promise<Buffer> {
  const used = new Set<string>();
  const sheets = tables.map((t) => ({
    data: sheetOf(t),
    sheet: sheetName(t.id, used),
    columns: [{ width: 48 }, ...t.columns.map(() => ({ width: 18 }))],
  }));
  const file = writeExcelFile(sheets);
  return Buffer.from(await file.toBuffer());
}
