import type { z } from 'zod';
import { AppError, type FieldErrors } from './errors.ts';

/** Parses use-case input; failure is a validation AppError with one message per field, and nothing is written. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  message = 'Check the details you entered',
): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'form'] ??= issue.message;
  throw new AppError('validation', message, fields);
}
