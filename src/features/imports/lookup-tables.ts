import { AppError } from '../../kernel/errors.ts';
import { openCsv } from './csv-source.ts';
import { HeaderCompiler, type LookupHeaders } from './header-compiler.ts';
import type { Mapping } from './mapping-schema.ts';

/**
 * Lookup files (joins): a file read only so that the rows of other files can take columns from it by key,
 * e.g. each complaint's date from the complaints file for the rows of the accused-officers file.
 *
 * Memory: the lookup file is read once, streaming, into a Map from key to the values of ONLY the columns the
 * mapping reads from it (`{name.column}`), so it costs about (rows × (key + those values)) — for the
 * Philadelphia complaints file (5,295 rows, one date column) well under 1 MB. Give the smaller file of a
 * join as the lookup. The first row with a key wins; later rows with the same key are counted as ignored.
 */
export type LookupFile = { name: string; path: string; fileName: string };
export type LookupTables = {
  headers: LookupHeaders;
  /** key → values, by lookup name; null while only validating headers. */
  rows: Map<string, Map<string, string[]>> | null;
  /** The value of a column from a lookup row (by the column's place among the columns kept). */
  value: (lookup: string, row: string[], column: string) => string;
};

export const noLookups = (): LookupTables => ({ headers: new Map(), rows: null, value: () => '' });

/** Each lookup's header (for validation), without reading its rows. */
export async function readLookupHeaders(
  mapping: Mapping,
  files: readonly LookupFile[],
): Promise<Map<string, { fileName: string; header: readonly string[] }>> {
  const headers = new Map<string, { fileName: string; header: readonly string[] }>();
  for (const f of files) {
    const csv = await openCsv(f.path, { trim: mapping.trim });
    csv.close();
    headers.set(f.name, { fileName: f.fileName, header: csv.header });
  }
  return headers;
}

/** Reads every lookup file into memory: key → the used columns' values. */
export async function buildLookupTables(
  mapping: Mapping,
  files: readonly LookupFile[],
  headers: LookupHeaders,
  used: ReadonlyMap<string, readonly string[]>,
): Promise<LookupTables & { ignoredDuplicates: Record<string, number> }> {
  const rows = new Map<string, Map<string, string[]>>();
  const ignoredDuplicates: Record<string, number> = {};
  const places = new Map<string, Map<string, number>>();
  for (const f of files) {
    const columns = used.get(f.name) ?? [];
    places.set(f.name, new Map(columns.map((c, i) => [c, i])));
    const table = new Map<string, string[]>();
    rows.set(f.name, table);
    if (columns.length === 0) continue;
    const csv = await openCsv(f.path, { trim: mapping.trim });
    try {
      const c = new HeaderCompiler(f.fileName, csv.header, mapping.transforms);
      const key = c.template(mapping.lookups[f.name]!.key, `lookups.${f.name}.key`);
      const at = columns.map((col) => c.column(col, `lookups.${f.name}`));
      if (Object.keys(c.errors).length > 0)
        throw new AppError('validation', `The mapping ${mapping.name} does not fit ${f.fileName}`, c.errors);
      for await (const row of csv.rows) {
        const k = key(row.fields);
        if (table.has(k)) {
          ignoredDuplicates[f.name] = (ignoredDuplicates[f.name] ?? 0) + 1;
          continue;
        }
        table.set(
          k,
          at.map((i) => row.fields[i] ?? ''),
        );
      }
    } finally {
      csv.close();
    }
  }
  return {
    headers,
    rows,
    value: (lookup, row, column) => row[places.get(lookup)?.get(column) ?? -1] ?? '',
    ignoredDuplicates,
  };
}
