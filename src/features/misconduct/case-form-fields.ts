import type { FieldErrors } from '../../lib/errors.ts';
import { caseSources, caseTypes } from '../../db/schema/index.ts';
import type { ActionControl } from './allegation-action-form.ts';

/**
 * What the case pages need to turn GOV.UK form posts into use-case input and back: the words for each
 * choice (uk-domain.md §2.4–2.15), the day/month/year date pattern, and field errors keyed and ordered as
 * the form's controls. The controls of the allegation actions are in allegation-action-form.ts.
 */

export type FormBody = Record<string, string | string[] | undefined>;

export const sourceLabels: Record<(typeof caseSources)[number], string> = {
  internal_report: 'Internal report (a colleague or supervisor)',
  public_complaint: 'Public complaint',
  anonymous_report: 'Anonymous report (for example the integrity line or Crimestoppers)',
  criminal_investigation: 'Criminal investigation',
  vetting: 'Vetting review',
  data_check: 'Data check (for example a PND data wash)',
  other: 'Other',
};

export const caseTypeLabels: Record<(typeof caseTypes)[number], { text: string; hint: string }> = {
  conduct_matter: {
    text: 'Conduct matter',
    hint: 'An allegation about conduct that did not come from a public complaint',
  },
  recordable_conduct_matter: {
    text: 'Recordable conduct matter',
    hint: 'Recorded under Schedule 3 of the Police Reform Act 2002 and considered for mandatory referral to the IOPC',
  },
  complaint_special_procedures: {
    text: 'Complaint subject to special procedures',
    hint: 'A public complaint indicating a criminal offence or behaviour that would justify disciplinary proceedings',
  },
};

export const howLeftLabels = { resigned: 'Resigned', retired: 'Retired', other: 'Left in another way' } as const;

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
  controls: ActionControl[] = [],
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
