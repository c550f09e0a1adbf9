import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import type { ResolvedPeriod } from '../../kernel/time/periods.ts';
import { all, dateFromParts, dateParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
export { pagination } from '../../kernel/pagination.ts';

/** What the vetting pages share: form helpers (the GOV.UK date input as the case forms read it), refusals, pagination. */

export { all, dateFromParts, dateParts, errorSummary, first, type FormBody };

export type FormFailure = { status: number; fields?: FieldErrors; refusal?: string };

/**
 * A use case's refusal as a page can show it: bad input (400, with field errors) or an action the record's
 * state does not allow (422, one message). Anything else (404, 409 …) goes to the error page.
 */
export function formFailure(err: unknown): FormFailure {
  if (err instanceof AppError && err.code === 'validation')
    return { status: 400, fields: err.fields ?? { form: err.message } };
  if (err instanceof AppError && err.code === 'invalid_state') return { status: 422, refusal: err.message };
  throw err;
}

/** Field errors renamed to the ids of a form's controls on a page with several forms (`notes` → `check-<id>-notes`). */
export function prefixed(fields: FieldErrors | undefined, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Lines of a textarea as a list (former names, former numbers). */
export function lines(value: string | string[] | undefined): string[] {
  return first(value)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** "10 years", "36 months", "14 calendar days". */
export function periodText(p: Pick<ResolvedPeriod, 'amount' | 'unit'>): string {
  if (p.unit === 'months')
    return p.amount % 12 === 0 ? `${p.amount / 12} ${p.amount === 12 ? 'year' : 'years'}` : `${p.amount} months`;
  return `${p.amount} ${p.unit.replace('_', ' ')}`;
}

/** The confidence mark of a period, in words for the page. */
export function confidenceText(p: Pick<ResolvedPeriod, 'confidence' | 'overridden'>): string {
  if (p.overridden) return 'set by this deployment’s configuration';
  return p.confidence === 'V' ? '[V] read in the source' : '[R] unverified default, configurable';
}

/** A link builder for a filtered list: the query without empty values and `page`, plus the page number. */
export function pageHref(path: string, query: Record<string, string | undefined>): (n: number) => string {
  const base = Object.entries(query).filter(([k, v]) => k !== 'page' && v !== undefined && v !== '') as [
    string,
    string,
  ][];
  return (n) => `${path}?${new URLSearchParams([...base, ['page', String(n)]]).toString()}`;
}
