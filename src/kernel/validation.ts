import { z } from 'zod';
import { AppError, type FieldErrors } from './errors.ts';

/** Parses use-case input; failure is a validation AppError with one message per field, and nothing is written. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  message = 'Check the details you entered',
): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError('validation', message, fieldErrorsOf(parsed.error));
}

type Issues = { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] };

/**
 * The one way zod issues become field errors: the first message of each field, keyed by its dotted path
 * (`fallback` for an issue about the whole input). Pages and use cases alike use this.
 */
export function fieldErrorsOf(
  error: Issues,
  keyOf: (path: readonly PropertyKey[]) => string = (path) => path.map(String).join('.'),
  fallback = 'form',
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) fields[keyOf(issue.path) || fallback] ??= issue.message;
  return fields;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An empty or blank form value counts as not given: for z.preprocess before an optional field. */
export const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * True only for a calendar date that exists, in `YYYY-MM-DD` form, from year 0001 to 9999: '2026-02-30' and
 * '0000-01-01' match the format but are not dates (PostgreSQL refuses both), so they must be refused as input.
 */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return day <= probe.getUTCDate();
}

/** The one schema for a date typed or sent as `YYYY-MM-DD`: the format and a day that exists. */
export function isoDateString(message = 'Enter a real date in the format 2026-03-27') {
  return z.string({ message }).refine(isCalendarDate, { message });
}

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL cannot store NUL
 * in text at all, and none of the others belongs in a name, an allegation or a search.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/**
 * The path of the first string inside `value` (an object, array or string from a parsed request) that holds
 * a control character, or null. Buffers (uploaded file content) are not text and are skipped.
 */
export function findControlCharacters(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasControlCharacters(value) ? path || 'request' : null;
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (hasControlCharacters(key)) return path ? `${path}.${key}` : key;
    const found = findControlCharacters(inner, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}
