import { parse } from 'csv-parse/sync';

/**
 * A small CSV file of one header row and data rows, as people upload them (recommendation items, national
 * list entries): the header names its columns in any order and case, required columns must be there, and
 * every row is read by column name with its line number for the error messages. Pure.
 */

export type CsvTableRow<C extends string> = {
  /** The row's line in the file (1 is the header). */
  line: number;
  /** How many fields the row has (more than the header's is usually an error). */
  fieldCount: number;
  /** The trimmed value of a column, or '' if the header does not name it. */
  cell: (column: C) => string;
};

export type CsvTable<C extends string> = { headerLength: number; rows: CsvTableRow<C>[] } | { error: string };

export function readCsvTable<C extends string>(
  text: string,
  o: { columns: readonly C[]; required: readonly C[]; maxRows: number; noun: { one: string; many: string } },
): CsvTable<C> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return {
      error: `Line ${e.lines ?? 1}: the file is not valid CSV (${(e.message ?? 'unreadable').replace(/ at line \d+$/, '').replace(/ on line \d+$/, '')})`,
    };
  }
  const [header, ...rows] = records;
  if (!header) return { error: `The file is empty: it needs a header row and at least one ${o.noun.one}` };
  const names = header.record.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const missing = o.required.filter((c) => !names.includes(c));
  if (missing.length > 0)
    return {
      error: `Line ${header.info.lines}: the header row must name the columns ${missing.join(', ')} (found: ${names.join(', ') || 'nothing'})`,
    };
  if (rows.length === 0) return { error: `The file has a header row but no ${o.noun.many}` };
  if (rows.length > o.maxRows)
    return { error: `The file has ${rows.length} ${o.noun.many}; at most ${o.maxRows} can be imported at once` };
  const index = new Map<C, number>(o.columns.map((c) => [c, names.indexOf(c)]));
  return {
    headerLength: names.length,
    rows: rows.map(({ record, info }) => ({
      line: info.lines,
      fieldCount: record.length,
      cell: (c: C) => {
        const i = index.get(c) ?? -1;
        return i >= 0 ? (record[i] ?? '').trim() : '';
      },
    })),
  };
}

/** A date written YYYY-MM-DD or DD/MM/YYYY → ISO, or null when blank; what is wrong with it otherwise. */
export function parseCsvDate(text: string): { iso: string | null } | { error: 'format' | 'impossible' } {
  const t = text.trim();
  if (!t) return { iso: null };
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = uk ? `${uk[3]}-${(uk[2] ?? '').padStart(2, '0')}-${(uk[1] ?? '').padStart(2, '0')}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return { error: 'format' };
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: 'impossible' };
  return { iso };
}
