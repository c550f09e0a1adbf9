import fs from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import { isCalendarDate } from '../../kernel/validation.ts';
import { signalKind } from './import-signals.ts';

/**
 * A SIGNAL MAPPING FILE (mappings/ei-*.yaml): how one CSV export of a force's other system becomes
 * early-intervention signals of one named kind. A new kind is a new file, never new code:
 *
 *   kind: use_of_force                 # the signal kind rules will count
 *   source: uof-system                 # where the rows come from (part of every row's source key)
 *   person: { identifier: '{collar}' } # a number the person held on the day — or { personKey: '{id}' }
 *   occurredOn: { column: date, format: DD/MM/YYYY }   # or YYYY-MM-DD
 *   category: '{force_type}'           # optional
 *   key: '{incident}-{collar}'         # unique per source row: importing again creates nothing
 *   keep: [force_type, location]       # columns kept with the signal
 *
 * `{column}` is replaced by the row's value of that column. Every column named must be in the file's header.
 */
const template = z.string().min(1).max(300);
export const signalMappingSchema = z.strictObject({
  kind: signalKind,
  description: z.string().max(500).default(''),
  source: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,59}$/, 'a short lower-case name, e.g. uof-system'),
  person: z.union([z.strictObject({ identifier: template }), z.strictObject({ personKey: template })]),
  occurredOn: z.strictObject({
    column: z.string().min(1),
    format: z.enum(['YYYY-MM-DD', 'DD/MM/YYYY']).default('YYYY-MM-DD'),
  }),
  category: template.optional(),
  key: template,
  keep: z.array(z.string().min(1)).default([]),
});
export type SignalMapping = z.infer<typeof signalMappingSchema>;

export function loadSignalMapping(file: string): SignalMapping {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('validation', `Cannot read the mapping file ${file}`);
  }
  const doc = parseDocument(text);
  if (doc.errors.length) throw new AppError('validation', `${file}: ${doc.errors[0]?.message ?? 'not YAML'}`);
  const parsed = signalMappingSchema.safeParse(doc.toJS());
  if (!parsed.success)
    throw new AppError(
      'validation',
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

const PLACEHOLDER = /\{([^}]+)\}/g;
const columnsOf = (t: string | undefined) => (t ? [...t.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '') : []);

/** Every column the mapping names that the header lacks (checked before anything is written). */
export function missingColumns(mapping: SignalMapping, header: readonly string[]): string[] {
  const person = 'identifier' in mapping.person ? mapping.person.identifier : mapping.person.personKey;
  const named = [
    ...columnsOf(person),
    mapping.occurredOn.column,
    ...columnsOf(mapping.category),
    ...columnsOf(mapping.key),
    ...mapping.keep,
  ];
  return [...new Set(named.filter((c) => !header.includes(c)))];
}

function fill(t: string, row: Record<string, string>): string {
  return t.replace(PLACEHOLDER, (_, c: string) => row[c] ?? '').trim();
}

function isoOf(value: string, format: SignalMapping['occurredOn']['format']): string | null {
  const v = value.trim();
  const iso =
    format === 'DD/MM/YYYY'
      ? v.replace(
          /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
          (_, d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
        )
      : v;
  return isCalendarDate(iso) ? iso : null;
}

/** One CSV row (as a record by column) → the input row of importSignals (which checks it). */
export function mapSignalRow(mapping: SignalMapping, row: Record<string, string>, line: number) {
  const person =
    'identifier' in mapping.person
      ? { identifier: fill(mapping.person.identifier, row) }
      : { personKey: fill(mapping.person.personKey, row) };
  const category = mapping.category ? fill(mapping.category, row) : '';
  return {
    line,
    ...person,
    occurredOn:
      isoOf(row[mapping.occurredOn.column] ?? '', mapping.occurredOn.format) ??
      `invalid:${row[mapping.occurredOn.column] ?? ''}`,
    category: category || null,
    sourceKey: fill(mapping.key, row),
    details: Object.fromEntries(mapping.keep.map((c) => [c, row[c] ?? ''])),
  };
}
