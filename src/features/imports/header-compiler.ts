import type { IsoDate } from '../../kernel/time/dates.ts';
import { compileDateFormats } from './source-dates.ts';
import type { TransformSpec } from './mapping-schema.ts';
import { BUILT_IN_TRANSFORMS, type TemplateSpec, type ValueMapSpec } from './mapping-value-schemas.ts';

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
/** The placeholder of a row's line number in its file (`{_line}`). */
export const LINE_COLUMN = '_line';
const CACHE_LIMIT = 50_000;

/** The headers of the mapping's lookup files (joins), by lookup name: `{name.column}` reads them. */
export type LookupHeaders = ReadonlyMap<string, { fileName: string; header: readonly string[] }>;
/** A column of a lookup file that a file's row reads; it is appended to the row's fields (see `virtual`). */
export type VirtualColumn = { lookup: string; column: string };

export class HeaderCompiler {
  readonly errors: Record<string, string> = {};
  private readonly index = new Map<string, number>();
  /**
   * An extended row is the file's columns, then the row's line (`{_line}`), then the lookup columns used, in
   * order: column `header.length + 1 + i` is `virtual[i]`.
   */
  readonly virtual: VirtualColumn[] = [];
  /** Whether a template reads `{_line}`. */
  usesLine = false;

  constructor(
    readonly fileName: string,
    readonly header: readonly string[],
    private readonly transforms: Readonly<Record<string, TransformSpec>> = {},
    private readonly lookups: LookupHeaders = new Map(),
  ) {
    header.forEach((name, i) => {
      if (!this.index.has(name)) this.index.set(name, i);
    });
  }

  /**
   * The position of a column, or -1 after recording the error at `path`. `lookup.column` names a column of a
   * lookup file (a join), read from the row of that file whose key the lookup's `from` gives.
   */
  column(name: string, path: string): number {
    const i = this.index.get(name);
    if (i !== undefined) return i;
    // The row's line in its file, for sources whose rows have no key of their own (a file's column wins).
    if (name === LINE_COLUMN) {
      this.usesLine = true;
      return this.header.length;
    }
    const dot = name.indexOf('.');
    const lookup = dot > 0 ? this.lookups.get(name.slice(0, dot)) : undefined;
    if (lookup) {
      const column = name.slice(dot + 1);
      if (!lookup.header.includes(column)) {
        this.errors[path] ??=
          `column "${column}" is not in the lookup file ${lookup.fileName} (its columns: ${lookup.header.join(', ')})`;
        return -1;
      }
      const known = this.virtual.findIndex((v) => v.lookup === name.slice(0, dot) && v.column === column);
      if (known !== -1) return this.header.length + 1 + known;
      this.virtual.push({ lookup: name.slice(0, dot), column });
      return this.header.length + this.virtual.length;
    }
    const lookups = [...this.lookups.keys()];
    this.errors[path] ??= `column "${name}" is not in ${this.fileName} (its columns: ${this.header.join(', ')}${
      lookups.length > 0 ? `; lookups: ${lookups.map((l) => `${l}.<column>`).join(', ')}` : ''
    })`;
    return -1;
  }

  /**
   * `{column}` placeholders replaced by the row's values; text without braces is a constant. A placeholder
   * may pass its value through transforms: `{officer_id|number}`, `{unit|trim|upper}`, `{badge|stripSuffix:.0}`.
   * The long form `{ template, emptyIfAnyEmpty: true }` is empty when any placeholder is empty; a list of parts
   * is rendered part by part and joined.
   */
  template(spec: TemplateSpec, path: string): Render {
    if (Array.isArray(spec)) {
      const parts = spec.map((part, i) => this.template(part, `${path}.${i}`));
      return (fields) => parts.map((render) => render(fields)).join('');
    }
    const template = typeof spec === 'string' ? spec : spec.template;
    const emptyIfAnyEmpty = typeof spec !== 'string' && spec.emptyIfAnyEmpty;
    const pieces: (string | { at: number; transform: ((v: string) => string) | null })[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{([^{}]+)\}/g)) {
      if (m.index > last) pieces.push(template.slice(last, m.index));
      const [name = '', ...steps] = (m[1] ?? '').split('|').map((s) => s.trim());
      pieces.push({ at: this.column(name, path), transform: this.transformChain(steps, path) });
      last = m.index + m[0].length;
    }
    if (last < template.length) pieces.push(template.slice(last));
    const only = pieces[0];
    if (pieces.length === 1 && typeof only === 'object') {
      const { at, transform } = only;
      return transform ? (fields) => transform(fields[at] ?? '') : (fields) => fields[at] ?? '';
    }
    return (fields) => {
      let out = '';
      for (const p of pieces) {
        if (typeof p === 'string') {
          out += p;
          continue;
        }
        const raw = fields[p.at] ?? '';
        const value = p.transform ? p.transform(raw) : raw;
        if (emptyIfAnyEmpty && value === '') return '';
        out += value;
      }
      return out;
    };
  }

  /** The transforms after a placeholder's column, as one function (null when there are none). */
  private transformChain(steps: readonly string[], path: string): ((v: string) => string) | null {
    if (steps.length === 0) return null;
    const fns = steps.map((step) => {
      const colon = step.indexOf(':');
      const name = colon === -1 ? step : step.slice(0, colon);
      const arg = colon === -1 ? '' : step.slice(colon + 1);
      const fn = builtInTransform(name, arg) ?? this.declaredTransform(name, path);
      if (!fn)
        this.errors[path] ??= `unknown transform "${name}" (built in: ${BUILT_IN_TRANSFORMS.join(', ')}${
          Object.keys(this.transforms).length > 0 ? `; declared: ${Object.keys(this.transforms).join(', ')}` : ''
        })`;
      else if ((name === 'stripPrefix' || name === 'stripSuffix') && !arg)
        this.errors[path] ??= `the transform ${name} needs the text to strip: ${name}:text`;
      return fn ?? ((v: string) => v);
    });
    return (v) => fns.reduce((acc, fn) => fn(acc), v);
  }

  private declaredTransform(name: string, path: string): ((v: string) => string) | null {
    const t = this.transforms[name];
    if (!t) return null;
    try {
      const re = new RegExp(t.pattern, `g${t.flags}`);
      return (v) => v.replace(re, t.replace);
    } catch (err) {
      this.errors[path] ??= `the transform ${name} is not a valid pattern: ${(err as Error).message}`;
      return null;
    }
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
    const fold = spec.ignoreCase ? (v: string) => v.toLowerCase() : (v: string) => v;
    for (const [key, target] of Object.entries(spec.values)) {
      const segments = key.split('|').map((s) => fold(s.trim()));
      if (segments.length !== columns.length) {
        this.errors[`${path}.values["${key}"]`] ??=
          `has ${segments.length} part(s) separated by "|" but the map reads ${columns.length} column(s) (${columns.join(', ')})`;
        continue;
      }
      const value = convert(target, key);
      if (segments.some((s) => /(^|[^\\])\*/.test(s)))
        patterns.push({ test: segments.map((s) => globSegment(s, spec.ignoreCase ?? false)), value });
      else exact.set(segments.map(unescapeStar).join(SEPARATOR), value);
    }
    const otherwise = spec.otherwise === 'reject' ? null : convert(spec.otherwise, 'otherwise');
    const cache = new Map<string, ReturnType<Lookup<T>>>();
    return (fields) => {
      const values = positions.map((p) => fields[p] ?? '');
      const key = values.join(SEPARATOR);
      const cached = cache.get(key);
      if (cached) return cached;
      let answer: ReturnType<Lookup<T>>;
      const found =
        exact.get(fold(key)) ?? patterns.find((p) => p.test.every((re, i) => re.test(values[i] ?? '')))?.value;
      if (found !== undefined) answer = { value: found, unmapped: null };
      else if (otherwise !== null) answer = { value: otherwise, unmapped: key };
      else answer = { value: null, unmapped: key };
      if (cache.size < CACHE_LIMIT) cache.set(key, answer);
      return answer;
    };
  }
}

/** `*` matches anything; `\\*` is a literal star. */
function globSegment(segment: string, ignoreCase: boolean): RegExp {
  const body = segment
    .split(/(?<!\\)\*/)
    .map((s) => unescapeStar(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
}

const unescapeStar = (s: string) => s.replace(/\\\*/g, '*');

/** The built-in transforms (docs/import.md); null for a name that is not one. */
function builtInTransform(name: string, arg: string): ((v: string) => string) | null {
  switch (name) {
    case 'trim':
      return (v) => v.trim();
    case 'upper':
      return (v) => v.toUpperCase();
    case 'lower':
      return (v) => v.toLowerCase();
    case 'title':
      return (v) =>
        v.toLowerCase().replace(/(^|[\s\-'/(])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
    case 'number':
      // "130469.0" → "130469", "443.50" → "443.5"; leading zeros and text that is not a number are kept.
      return (v) => {
        const m = /^([+-]?\d+)\.(\d*)$/.exec(v);
        if (!m) return v;
        const fraction = (m[2] ?? '').replace(/0+$/, '');
        return fraction ? `${m[1]}.${fraction}` : (m[1] ?? v);
      };
    case 'stripLeadingZeros':
      return (v) => (/^0+\d/.test(v) ? v.replace(/^0+(?=\d)/, '') : v);
    case 'stripPrefix':
      return (v) => (arg && v.startsWith(arg) ? v.slice(arg.length) : v);
    case 'stripSuffix':
      return (v) => (arg && v.endsWith(arg) ? v.slice(0, -arg.length) : v);
    default:
      return null;
  }
}

type ConstantOrMap =
  | string
  | {
      column?: string | undefined;
      columns?: string[] | undefined;
      ignoreCase?: boolean | undefined;
      values: Record<string, string>;
      otherwise: string;
    };

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

/**
 * A date that may be missing (closing dates, service dates, date of birth): an empty column is null ("not
 * recorded"); a value that is not a date in the given formats rejects the row, naming the column.
 */
export function optionalDate(
  c: HeaderCompiler,
  spec: { column: string; formats?: string[] | undefined },
  path: string,
  defaultFormats: readonly string[],
): (fields: Fields, reject: Reject) => IsoDate | null {
  const at = c.column(spec.column, `${path}.column`);
  const formats = spec.formats ?? defaultFormats;
  const parse = compileDateFormats(formats);
  return (fields, reject) => {
    const text = fields[at] ?? '';
    if (!text) return null;
    const value = parse(text);
    if (!value) reject(`"${text}" in ${spec.column} is not a date in the format ${formats.join(' or ')}`);
    return value;
  };
}
