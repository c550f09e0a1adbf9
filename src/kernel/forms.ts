import type { FieldErrors } from './errors.ts';

/**
 * What every page needs to turn GOV.UK form posts into use-case input and back: the day/month/year date
 * pattern, field errors keyed and ordered as the form's controls, and the error summary.
 */

export type FormBody = Record<string, string | string[] | undefined>;

/** The first value of a form field or query parameter that may repeat, or '' when it is not a string. */
export function textOf(value: unknown): string {
  const one: unknown = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : '';
}

export function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function all(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => v !== '');
}

/**
 * The GOV.UK date input: `{name}-day`, `{name}-month`, `{name}-year` → ISO date. All blank → undefined
 * (the use case decides whether that is allowed); a partial or impossible date is an error in words.
 */
export function dateFromParts(body: FormBody, name: string, what: string): { iso?: string; error?: string } {
  const [d, m, y] = ['day', 'month', 'year'].map((part) => first(body[`${name}-${part}`]).trim());
  if (!d && !m && !y) return {};
  if (!d || !m || !y) return { error: `${what} must include a day, month and year` };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y))
    return { error: `${what} must be a real date` };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)
    return { error: `${what} must be a real date` };
  return { iso };
}

/** The day, month and year of an ISO date, for re-filling a date input. */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match
    ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? '' }
    : { day: '', month: '', year: '' };
}

/**
 * Field errors of a use case keyed as the form's controls: `action.severity` → `severity`,
 * `allegation.categoryCode` → `categoryCode`, with a control's own wording where it has one.
 */
export function formFieldErrors(
  fields: FieldErrors,
  controls: readonly { name: string; message?: string }[] = [],
  rename: Record<string, string> = {},
): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    const bare = rename[key] ?? key.replace(/^(action|allegation)\./, '').replace(/\.\d+$/, '');
    const control = controls.find((c) => c.name === bare);
    out[bare] ??= control?.message ?? message;
  }
  return out;
}

/** GOV.UK error summary items; a date's link goes to its day field, as the design system asks. */
export function errorSummary(fields: FieldErrors, dateFields: string[]): { text: string; href: string }[] {
  return Object.entries(fields).map(([field, text]) => ({
    text,
    href: `#${field}${dateFields.includes(field) ? '-day' : ''}`,
  }));
}
