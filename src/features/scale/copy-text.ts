/**
 * Rows in PostgreSQL's COPY text format (tab-separated, `\N` for null, backslash escapes), the format both
 * engines load fastest: `COPY … FROM STDIN` on PostgreSQL and `COPY … FROM '/dev/blob'` on PGlite.
 */

export type CopyValue =
  string | number | boolean | null | undefined | readonly string[] | Record<string, unknown> | readonly unknown[];

const SPECIAL = /[\\\t\n\r]/;

export function escapeCopy(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

/** A text[] literal; elements are quoted so commas, braces and quotes survive. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeCopy(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return escapeCopy(arrayLiteral(value));
  return escapeCopy(JSON.stringify(value));
}

/** Rows for one table, as COPY text lines (each ending in a newline). */
export class CopyTable {
  readonly lines: string[] = [];
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    /** Columns holding JSON documents (jsonb), serialised with JSON.stringify even when they are arrays. */
    private readonly json: ReadonlySet<string> = new Set(),
  ) {}

  add(...values: CopyValue[]): void {
    if (values.length !== this.columns.length)
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    let line = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const field =
        this.json.has(this.columns[i] as string) && v !== null && v !== undefined
          ? escapeCopy(JSON.stringify(v))
          : copyField(v);
      line += i === 0 ? field : `\t${field}`;
    }
    this.lines.push(`${line}\n`);
  }

  get size(): number {
    return this.lines.length;
  }

  clear(): void {
    this.lines.length = 0;
  }
}
