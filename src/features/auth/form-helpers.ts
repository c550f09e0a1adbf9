import type { FieldErrors } from '../../kernel/errors.ts';

export { fieldErrorsOf } from '../../kernel/validation.ts';

/** GOV.UK error summary items from field errors, each linking to its field. */
export function errorList(fields: FieldErrors): { text: string; href: string }[] {
  return Object.entries(fields).map(([field, text]) => ({ text, href: `#${field}` }));
}

/**
 * The page to return to after sign-in: only a path of this service, judged after the browser's own
 * normalisation. The value is parsed with the URL API against the public origin (which drops tabs and
 * newlines and reads backslashes as slashes, as browsers do) and accepted only if the origin is unchanged;
 * what is returned is the re-serialised path, percent-encoded, so it is always safe in a Location header.
 */
export function safeNext(next: unknown, origin: string): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  let base: URL;
  try {
    base = new URL(origin);
    const url = new URL(next, base);
    if (url.origin !== base.origin) return '/';
    const target = `${url.pathname}${url.search}${url.hash}`;
    return target.startsWith('/') && !target.startsWith('//') && /^[\x21-\x7e]+$/.test(target) ? target : '/';
  } catch {
    return '/';
  }
}
