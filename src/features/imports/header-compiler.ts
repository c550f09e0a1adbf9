import type { ValueMapSpec } from './mapping-schema.ts';

/**
 * Binds a mapping's column names to one file's header, once per file: templates and value maps become
 * functions over a row's fields by position. A column the header lacks is collected as an error naming
 * the place in the mapping, so that the author sees every problem of a file at once.
 */
export type Fields = readonly string[];
export type Render = (fields: Fields) => string;
export type Reject = (reason: string) => void;
export type Note = (map: string, value: string, rejected: boolean) => void;
export type Lookup<T> = (fields: Fields) => { value: T; unmapped: string | null } | { value: null; unmapped: string };

const SEPARATOR = ' | ';
const CACHE_LIMIT = 50_000;

export class HeaderCompiler {
  readonly errors: Record<string, string> = {};
  private readonly index = new Map<string, number>();

  constructor(
    readonly fileName: string,
    readonly header: readonly string[],
  ) {
    header.forEach((name, i) => {
      if (!this.index.has(name)) this.index.set(name, i);
    });
  }

  /** The position of a column, or -1 after recording the error at `path`. */
  column(name: string, path: string): number {
    const i = this.index.get(name);
    if (i !== undefined) return i;
    this.errors[path] ??= `column "${name}" is not in ${this.fileName} (its columns: ${this.header.join(', ')})`;
    return -1;
  }

  /** `{column}` placeholders replaced by the row's values; text without braces is a constant. */
  template(template: string, path: string): Render {
    const pieces: (string | number)[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{([^{}]+)\}/g)) {
      if (m.index > last) pieces.push(template.slice(last, m.index));
      pieces.push(this.column(m[1] ?? '', path));
      last = m.index + m[0].length;
    }
    if (last < template.length) pieces.push(template.slice(last));
    if (pieces.length === 1 && typeof pieces[0] === 'number') {
      const i = pieces[0];
      return (fields) => fields[i] ?? '';
    }
    return (fields) => {
      let out = '';
      for (const p of pieces) out += typeof p === 'number' ? (fields[p] ?? '') : p;
      return out;
    };
  }

  /**
   * A value map as a lookup: exact keys first, then `*` patterns in the order written, then `otherwise`.
   * Answers are cached per distinct source value, so a million rows cost a few hundred pattern tests.
   */
  valueMap<S, T>(spec: ValueMapSpec<S>, path: string, convert: (target: S, key: string) => T): Lookup<T> {
    const columns = spec.columns ?? (spec.column ? [spec.column] : []);
    const positions = columns.map((c, i) => this.column(c, `${path}.${spec.columns ? `columns[${i}]` : 'column'}`));
    const exact = new Map<string, T>();
    const patterns: { test: RegExp[]; value: T }[] = [];
    for (const [key, target] of Object.entries(spec.values)) {
      const segments = key.split('|').map((s) => s.trim());
      if (segments.length !== columns.length) {
        this.errors[`${path}.values["${key}"]`] ??=
          `has ${segments.length} part(s) separated by "|" but the map reads ${columns.length} column(s) (${columns.join(', ')})`;
        continue;
      }
      const value = convert(target, key);
      if (segments.some((s) => s.includes('*'))) patterns.push({ test: segments.map(globSegment), value });
      else exact.set(segments.join(SEPARATOR), value);
    }
    const otherwise = spec.otherwise === 'reject' ? null : convert(spec.otherwise, 'otherwise');
    const cache = new Map<string, ReturnType<Lookup<T>>>();
    return (fields) => {
      const values = positions.map((p) => fields[p] ?? '');
      const key = values.join(SEPARATOR);
      const cached = cache.get(key);
      if (cached) return cached;
      let answer: ReturnType<Lookup<T>>;
      const found = exact.get(key) ?? patterns.find((p) => p.test.every((re, i) => re.test(values[i] ?? '')))?.value;
      if (found !== undefined) answer = { value: found, unmapped: null };
      else if (otherwise !== null) answer = { value: otherwise, unmapped: key };
      else answer = { value: null, unmapped: key };
      if (cache.size < CACHE_LIMIT) cache.set(key, answer);
      return answer;
    };
  }
}

function globSegment(segment: string): RegExp {
  const body = segment
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

type ConstantOrMap =
  | string
  | { column?: string | undefined; columns?: string[] | undefined; values: Record<string, string>; otherwise: string };

/** A field that is either a constant or a value map; an unmapped value is noted and, with 'reject', rejects. */
export function constantOrLookup(
  c: HeaderCompiler,
  spec: ConstantOrMap,
  path: string,
): (fields: Fields, note: Note, reject: Reject, words: string) => string | null {
  if (typeof spec === 'string') return () => spec;
  const lookup = c.valueMap(spec, path, (t) => t);
  const name = path.split('.').slice(-2).join('.');
  return (fields: Fields, note: Note, reject: Reject, words: string): string | null => {
    const found = lookup(fields);
    if (found.unmapped !== null) note(name, found.unmapped, found.value === null);
    if (found.value === null) reject(`unmapped ${words} "${found.unmapped}"`);
    return found.value;
  };
}
