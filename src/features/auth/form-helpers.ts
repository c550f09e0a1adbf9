import type { z } from 'zod';
import type { FieldErrors } from '../../lib/errors.ts';

/** GOV.UK error summary items from field errors, each linking to its field. */
export function errorList(fields: FieldErrors): { text: string; href: string }[] {
  return Object.entries(fields).map(([field, text]) => ({ text, href: `#${field}` }));
}

/** Field errors from a failed zod parse of a form, first message per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Only same-site relative paths may be a redirect target after sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}
