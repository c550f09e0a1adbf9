import { describe, expect, it } from 'vitest';
import { discloseTable, SUPPRESSED_TEXT, type DisclosedTable, type TableSpec } from './disclosure-control.ts';

const PCC = { threshold: 5, unsuppressed: false };
const PSD = { threshold: 5, unsuppressed: true };

/** Allegations by category (rows) and case type (columns), with both totals: the shape of the Home Office table. */
function byCategory(values: number[][], extra: Partial<TableSpec> = {}): TableSpec {
  return {
    id: 't',
    caption: 'Allegations by category and case type',
    rowHeader: 'Category',
    columns: [
      { key: 'x', label: 'Conduct matter', kind: 'count' },
      { key: 'y', label: 'Recordable conduct matter', kind: 'count' },
      { key: 'z', label: 'Complaint (special procedures)', kind: 'count' },
    ].slice(0, values[0]?.length ?? 3) as TableSpec['columns'],
    rows: values.map((v, i) => ({
      key: `r${i}`,
      label: `Row ${i}`,
      values: Object.fromEntries(v.map((n, j): [string, number] => [['x', 'y', 'z'][j] ?? '', n])),
    })),
    rowTotals: true,
    columnTotals: { label: 'All categories' },
    personal: true,
    ...extra,
  };
}

const texts = (t: DisclosedTable) => t.rows.map((r) => r.cells.map((c) => c.text));

/**
 * What a reader can work out from a published table: every non-negative integer filling of the hidden
 * cells that agrees with every shown cell and total. Returns, for each hidden cell, the values it could take.
 * (Rows whose total is shown constrain their hidden cells to sum to the remainder; columns are then checked.)
 */
function feasibleValues(published: DisclosedTable): Map<string, Set<number>> {
  const data = published.rows.filter((r) => !r.isTotal);
  const totalRow = published.rows.find((r) => r.isTotal);
  const width = published.columns.length - 1; // the last column is the row Total
  const hidden = data.flatMap((r, i) => r.cells.slice(0, width).flatMap((c, j) => (c.suppressed ? [{ i, j }] : [])));
  const fixed = (i: number, j: number) => data[i]?.cells[j]?.value ?? 0;
  const perRow = data.map((r, i) => {
    const total = r.cells[width]?.value;
    if (total === null || total === undefined) throw new Error('the checker needs every row total shown');
    const shown = r.cells.slice(0, width).reduce((s, c) => s + (c.suppressed ? 0 : (c.value ?? 0)), 0);
    return { cells: hidden.filter((h) => h.i === i), remainder: total - shown };
  });
  const compositions = (n: number, parts: number): number[][] =>
    parts === 0
      ? n === 0
        ? [[]]
        : []
      : Array.from({ length: n + 1 }, (_, k) => compositions(n - k, parts - 1).map((rest) => [k, ...rest])).flat();
  const found = new Map<string, Set<number>>(hidden.map((h) => [`${h.i},${h.j}`, new Set<number>()]));
  const assign = new Map<string, number>();
  const search = (row: number) => {
    if (row === perRow.length) {
      for (let j = 0; j < width; j++) {
        const expected = totalRow?.cells[j];
        if (!expected || expected.suppressed) continue;
        const sum = data.reduce((s, _, i) => s + (assign.get(`${i},${j}`) ?? fixed(i, j)), 0);
        if (sum !== expected.value) return;
      }
      for (const [key, value] of assign) found.get(key)?.add(value);
      return;
    }
    const spec = perRow[row];
    if (!spec) return;
    for (const values of compositions(spec.remainder, spec.cells.length)) {
      spec.cells.forEach((h, k) => assign.set(`${h.i},${h.j}`, values[k] ?? 0));
      search(row + 1);
    }
    spec.cells.forEach((h) => assign.delete(`${h.i},${h.j}`));
  };
  search(0);
  return found;
}

describe('disclosure control', () => {
  // Row totals: 15, 22, 25, 35; column totals 41, 31, 25; grand total 97.
  const values = [
    [12, 3, 0],
    [7, 9, 6],
    [2, 8, 15],
    [20, 11, 4],
  ];

  it('hides small cells, then the next smallest in any row or column left with one hidden cell, to a fixed point', () => {
    const t = discloseTable(byCategory(values), PCC);
    // Primary: 3, 2 and 4. Secondary, first pass: row 0 → 12 (its 0 is passed over), row 2 → 8, row 3 → 11,
    // column 2 → 6; second pass: row 1 now has one hidden cell (6) → 7. Every row and column then has two or more.
    expect(texts(t)).toEqual([
      ['[c]', '[c]', '0', '15'],
      ['[c]', '9', '[c]', '22'],
      ['[c]', '[c]', '15', '25'],
      ['20', '[c]', '[c]', '35'],
      ['41', '31', '25', '97'],
    ]);
    expect(t.suppressedCells).toBe(8);
    expect(t.controlled).toBe(true);
    expect(t.notes.at(-1)).toContain('fewer than 5');
  });

  it('leaves no small cell that a reader could work out from the totals', () => {
    const t = discloseTable(byCategory(values), PCC);
    const feasible = feasibleValues(t);
    for (const [i, j] of [
      [0, 1],
      [2, 0],
      [3, 2],
    ] as const) {
      const could = feasible.get(`${i},${j}`);
      expect(could?.has(values[i]?.[j] ?? -1)).toBe(true); // the truth is among them …
      expect(could?.size).toBeGreaterThan(1); // … and so is at least one other value
    }
    // Every hidden cell, not only the small ones, has more than one possible value.
    for (const could of feasible.values()) expect(could.size).toBeGreaterThan(1);
  });

  it('would give a small cell away with primary suppression alone (the checker finds it)', () => {
    const primaryOnly = discloseTable({ ...byCategory(values), rowTotals: false, columnTotals: undefined }, PCC);
    // Publishing the primary pattern beside the real totals: row 0 reads 12, [c], 0 with total 15.
    const withTotals = discloseTable(byCategory(values), PSD);
    withTotals.rows.forEach((row, i) =>
      row.cells.forEach((cell, j) => {
        const p = primaryOnly.rows[i]?.cells[j];
        if (p?.suppressed) Object.assign(cell, { value: null, text: SUPPRESSED_TEXT, suppressed: true });
      }),
    );
    expect(feasibleValues(withTotals).get('0,1')).toEqual(new Set([3]));
  });

  it('hides a small total and protects it in the Total column; a one-cell table is hidden whole', () => {
    // Row totals 4 (hidden: primary) and 30, 40; the Total column then needs a second hidden entry: 30.
    const t = discloseTable(
      byCategory([
        [0, 4, 0],
        [10, 10, 10],
        [20, 10, 10],
      ]),
      PCC,
    );
    expect(t.rows.map((r) => r.cells[3]?.text)).toEqual(['[c]', '[c]', '40', '74']);
    const single = discloseTable(byCategory([[3]]), PCC);
    expect(texts(single)).toEqual([
      ['[c]', '[c]'],
      ['[c]', '[c]'],
    ]);
  });

  it('shows zeros, shows everything to PSD, and does not control tables that are not about people', () => {
    expect(
      texts(
        discloseTable(
          byCategory([
            [0, 10],
            [7, 9],
          ]),
          PCC,
        ),
      ),
    ).toEqual([
      ['0', '10', '10'],
      ['7', '9', '16'],
      ['7', '19', '26'],
    ]);
    const psd = discloseTable(byCategory(values), PSD);
    expect(psd.suppressedCells).toBe(0);
    expect(psd.controlled).toBe(false);
    expect(texts(psd)[0]).toEqual(['12', '3', '0', '15']);
    const recommendations = discloseTable(byCategory(values, { personal: false }), PCC);
    expect(recommendations.controlled).toBe(false);
    expect(texts(recommendations)[0]).toEqual(['12', '3', '0', '15']);
  });

  it('hides a measure computed from a hidden count, in its row or another, and formats the rest', () => {
    const spec: TableSpec = {
      id: 'rates',
      caption: 'Rates',
      rowHeader: 'Group',
      columns: [
        { key: 'n', label: 'People', kind: 'count' },
        { key: 'w', label: 'Workforce', kind: 'count' },
        {
          key: 'rate',
          label: 'Rate per 1,000',
          kind: 'measure',
          decimals: 1,
          dependsOn: [{ column: 'n' }, { column: 'w' }],
        },
        {
          key: 'rr',
          label: 'Relative rate',
          kind: 'measure',
          decimals: 2,
          dependsOn: [{ column: 'n' }, { column: 'w' }, { row: 'ref', column: 'n' }, { row: 'ref', column: 'w' }],
        },
      ],
      rows: [
        { key: 'ref', label: 'Reference', values: { n: 20, w: 4000, rate: 5, rr: 1 } },
        { key: 'small', label: 'Small group', values: { n: 3, w: 100, rate: 30, rr: 6 } },
        { key: 'other', label: 'Other group', values: { n: 9, w: 1500, rate: 6, rr: 1.2 } },
        { key: 'none', label: 'Nobody', values: { n: 0, w: 0, rate: null, rr: null } },
      ],
      columnTotals: { label: 'All', measures: { rate: 32 / 5.6, rr: null } },
      personal: true,
    };
    // People column: 3 is hidden (primary), then the smallest shown count above zero, 9 (secondary). Each
    // group's rate and relative rate go with its count; the reference's count and workforce stay shown.
    const t = discloseTable(spec, PCC);
    expect(texts(t)).toEqual([
      ['20', '4,000', '5.0', '1.00'],
      ['[c]', '100', '[c]', '[c]'],
      ['[c]', '1,500', '[c]', '[c]'],
      ['0', '0', '–', '–'],
      ['32', '5,600', '5.7', '–'],
    ]);
  });
});
