/**
 * DISCLOSURE CONTROL, in one place. Every table the oversight feature shows, charts, exports or publishes
 * (dashboard, statistical returns, API, CSV, spreadsheet, public page) is built as a {@link TableSpec} of
 * true figures and passes through {@link discloseTable} on its way out. Pure: no database, no clock.
 *
 * For a user without `oversight.unsuppressed` (and for the public), in a table about people:
 *  1. PRIMARY suppression: every count (a cell or a total) from 1 to threshold − 1 is hidden. A zero is
 *     shown: it discloses nothing about any one person.
 *  2. SECONDARY suppression: every "line" — a row with its Total column, a column with its Total row, the
 *     Total row with the grand total, the Total column with the grand total — is a sum that a reader could
 *     subtract. A line with exactly ONE hidden entry gives it away, so the smallest still-shown member of
 *     that line is hidden too (a zero only if nothing else is left; if every member is hidden, the line's
 *     total). Repeated to a fixed point.
 *     The totals that are shown are the real totals (nothing is rounded or perturbed).
 *  3. Measures (averages, rates, relative rates) computed from a hidden count are hidden.
 * Hidden cells read "[c]" (the ONS convention: confidential).
 */

export const SUPPRESSED_TEXT = '[c]';
export const NOT_APPLICABLE_TEXT = '–';
/** The key of the Total row, for measures that depend on a total (`{ row: TOTAL, column: … }`). */
export const TOTAL = '__total__';

export type CellRef = { row?: string; column: string };

export type Column =
  | { key: string; label: string; kind: 'count' }
  | { key: string; label: string; kind: 'measure'; decimals: number; dependsOn: CellRef[] };

export type Row = { key: string; label: string; values: Record<string, number | null> };

export type TableSpec = {
  id: string;
  caption: string;
  rowHeader: string;
  columns: Column[];
  rows: Row[];
  /** Adds a Total column: the sum of the row's count columns. */
  rowTotals?: boolean;
  /** Adds a Total row: the sum of each count column; measure columns take the builder's values. */
  columnTotals?: { label: string; measures?: Record<string, number | null> };
  /** A table about people (or their cases): disclosure control applies. Recommendation statuses are not. */
  personal: boolean;
  notes?: string[];
};

export type DisclosedCell = { value: number | null; text: string; suppressed: boolean };
export type DisclosedColumn = { key: string; label: string; kind: 'count' | 'measure' | 'total' };
export type DisclosedRow = { key: string; label: string; isTotal: boolean; cells: DisclosedCell[] };

export type DisclosedTable = {
  id: string;
  caption: string;
  rowHeader: string;
  columns: DisclosedColumn[];
  rows: DisclosedRow[];
  /** Disclosure control was applied (a table about people, shown to a user without unsuppressed access). */
  controlled: boolean;
  threshold: number;
  suppressedCells: number;
  notes: string[];
};

export type DisclosurePolicy = { threshold: number; unsuppressed: boolean };

export type Pos = { r: number; c: number };
export type Line = { members: Pos[]; total: Pos };

const TOTAL_COLUMN = '__row_total__';

function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}

function formatMeasure(value: number, decimals: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The grid of counts (data rows, then the Total row; count columns, then the Total column). */
function countGrid(spec: TableSpec, countKeys: string[]): (number | null)[][] {
  const grid = spec.rows.map((row) => countKeys.map((k) => row.values[k] ?? null));
  if (spec.rowTotals) grid.forEach((line) => line.push(line.reduce<number>((sum, v) => sum + (v ?? 0), 0)));
  if (spec.columnTotals) {
    const width = countKeys.length + (spec.rowTotals ? 1 : 0);
    grid.push(Array.from({ length: width }, (_, c) => grid.reduce<number>((sum, line) => sum + (line[c] ?? 0), 0)));
  }
  return grid;
}

/** Every sum a reader could subtract: rows with their Total column, columns with their Total row. */
function linesOf(spec: TableSpec, rowCount: number, countWidth: number): Line[] {
  const lines: Line[] = [];
  const lastRow = rowCount + (spec.columnTotals ? 1 : 0);
  if (spec.rowTotals) {
    for (let r = 0; r < lastRow; r++)
      lines.push({ members: Array.from({ length: countWidth }, (_, c) => ({ r, c })), total: { r, c: countWidth } });
  }
  if (spec.columnTotals) {
    const lastColumn = countWidth + (spec.rowTotals ? 1 : 0);
    for (let c = 0; c < lastColumn; c++)
      lines.push({ members: Array.from({ length: rowCount }, (_, r) => ({ r, c })), total: { r: rowCount, c } });
  }
  return lines;
}

/**
 * The smallest shown count is hidden as the complement, but a zero only when nothing else is left: a hidden
 * zero protects little where a reader can guess it is structural (a group with no workforce, say).
 */
const complementCost = (value: number): number => (value === 0 ? Number.MAX_SAFE_INTEGER : value);

/** Primary and secondary suppression of a grid of counts; returns which entries are hidden. */
export function suppressCounts(grid: (number | null)[][], lines: Line[], threshold: number): boolean[][] {
  const hidden = grid.map((line) => line.map((v) => v !== null && v >= 1 && v < threshold));
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const entries = [...line.members, line.total];
      const hiddenCount = entries.filter((p) => hidden[p.r]?.[p.c]).length;
      if (hiddenCount !== 1) continue;
      const candidates = line.members.filter((p) => !hidden[p.r]?.[p.c] && grid[p.r]?.[p.c] !== null);
      candidates.sort((a, b) => complementCost(grid[a.r]?.[a.c] ?? 0) - complementCost(grid[b.r]?.[b.c] ?? 0));
      const pick = candidates[0] ?? (hidden[line.total.r]?.[line.total.c] ? undefined : line.total);
      const row = pick ? hidden[pick.r] : undefined;
      if (pick && row) {
        row[pick.c] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/** The table as the user may see it. The one way out of the oversight feature for every figure. */
export function discloseTable(spec: TableSpec, policy: DisclosurePolicy): DisclosedTable {
  const controlled = spec.personal && !policy.unsuppressed;
  const countKeys = spec.columns.filter((c) => c.kind === 'count').map((c) => c.key);
  const grid = countGrid(spec, countKeys);
  const countWidth = countKeys.length;
  const hidden = controlled
    ? suppressCounts(grid, linesOf(spec, spec.rows.length, countWidth), policy.threshold)
    : grid.map((line) => line.map(() => false));

  const rowIndex = new Map(spec.rows.map((row, i) => [row.key, i]));
  rowIndex.set(TOTAL, spec.rows.length);
  const countIndex = new Map(countKeys.map((k, i) => [k, i]));
  countIndex.set(TOTAL_COLUMN, countWidth);
  const isHidden = (r: number, ref: CellRef): boolean => {
    const rr = ref.row === undefined ? r : rowIndex.get(ref.row);
    const cc = countIndex.get(ref.column);
    return rr !== undefined && cc !== undefined && (hidden[rr]?.[cc] ?? false);
  };

  const allRows = [
    ...spec.rows.map((row) => ({ row, isTotal: false })),
    ...(spec.columnTotals
      ? [
          {
            row: { key: TOTAL, label: spec.columnTotals.label, values: spec.columnTotals.measures ?? {} },
            isTotal: true,
          },
        ]
      : []),
  ];
  let suppressedCells = 0;
  const rows: DisclosedRow[] = allRows.map(({ row, isTotal }, r) => {
    const cells: DisclosedCell[] = spec.columns.map((column) => {
      if (column.kind === 'count') {
        const value = grid[r]?.[countIndex.get(column.key) ?? -1] ?? null;
        return countCell(value, hidden[r]?.[countIndex.get(column.key) ?? -1] ?? false);
      }
      const value = row.values[column.key] ?? null;
      if (value === null || !Number.isFinite(value))
        return { value: null, text: NOT_APPLICABLE_TEXT, suppressed: false };
      if (controlled && column.dependsOn.some((ref) => isHidden(r, ref)))
        return { value: null, text: SUPPRESSED_TEXT, suppressed: true };
      return { value, text: formatMeasure(value, column.decimals), suppressed: false };
    });
    if (spec.rowTotals) cells.push(countCell(grid[r]?.[countWidth] ?? null, hidden[r]?.[countWidth] ?? false));
    suppressedCells += cells.filter((c) => c.suppressed).length;
    return { key: row.key, label: row.label, isTotal, cells };
  });

  const columns: DisclosedColumn[] = spec.columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind }));
  if (spec.rowTotals) columns.push({ key: 'total', label: 'Total', kind: 'total' });
  const notes = [...(spec.notes ?? [])];
  if (controlled && suppressedCells > 0) {
    notes.push(
      `${SUPPRESSED_TEXT}: fewer than ${policy.threshold}, or hidden so that it cannot be worked out from a total. Totals shown are the real totals.`,
    );
  }
  return {
    id: spec.id,
    caption: spec.caption,
    rowHeader: spec.rowHeader,
    columns,
    rows,
    controlled,
    threshold: policy.threshold,
    suppressedCells,
    notes,
  };
}

function countCell(value: number | null, suppressed: boolean): DisclosedCell {
  if (value === null) return { value: null, text: NOT_APPLICABLE_TEXT, suppressed: false };
  if (suppressed) return { value: null, text: SUPPRESSED_TEXT, suppressed: true };
  return { value, text: formatCount(value), suppressed: false };
}
