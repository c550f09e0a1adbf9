import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { dateFromParts, dateParts, first, type FormBody } from '../../kernel/forms.ts';
import {
  GROUND_LABELS,
  KIND_LABELS,
  RESTRICTION_KINDS,
  SUSPENSION_GROUNDS,
  type RestrictionKind,
} from './restriction-rules.ts';
import { ukToday } from '../../kernel/time/dates.ts';

/**
 * What the restriction forms need to turn a GOV.UK form post into use-case input and back: the controls'
 * names (a change made within a review is prefixed `change-`), yes/no radios as booleans, day/month/year
 * dates, and the use case's field paths mapped back to the controls so each error sits by its control.
 */

export const KIND_HINTS: Readonly<Record<RestrictionKind, string>> = {
  temporary_redeployment: 'Alternative duties or a different location for the time being',
  restricted_duties: 'Stays in post with limits on what they may do',
  removed_from_public_facing_role: 'No contact with the public',
  firearms_authority_withdrawn: 'May not carry firearms',
  restricted_system_access: 'Limited access to police systems and information',
  repositioned: 'Moved to another role or team',
  suspension: 'Suspended from the office of constable, on full pay: both regulation 11 conditions must be met',
};

export const kindItems = RESTRICTION_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k], hint: KIND_HINTS[k] }));
export const groundItems = SUSPENSION_GROUNDS.map((g) => ({ value: g, text: GROUND_LABELS[g] }));

type DateResult = { iso?: string; error?: string };
const blank = (v: string) => (v.trim() === '' ? undefined : v);
const yesNo = (v: string): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** Collects date fields: ISO values for the use case, and the date errors to show before calling it. */
export class FormDates {
  readonly errors: FieldErrors = {};
  constructor(private readonly body: FormBody) {}
  get(name: string, what: string): string | undefined {
    const d: DateResult = dateFromParts(this.body, name, what);
    if (d.error) this.errors[name] = d.error;
    return d.iso;
  }
  /** A date that is not a real date stops the post before the use case (its message is in `errors`). */
  assertValid(): void {
    if (Object.keys(this.errors).length > 0) throw new AppError('validation', 'Check the dates', {});
  }
}

/** The content of a decision (impose, change, or a change within a review when `prefix` is 'change-'). */
export function decisionFromForm(body: FormBody, dates: FormDates, prefix = '') {
  const f = (name: string) => first(body[`${prefix}${name}`]);
  const options = RESTRICTION_KINDS.flatMap((option) => {
    const considered = yesNo(f(`option-${option}-considered`));
    return considered === undefined ? [] : [{ option, considered, reason: f(`option-${option}-reason`) }];
  });
  const ground = f('ground');
  const notice = f('noticeMethod');
  return {
    kind: f('kind') as RestrictionKind,
    options,
    suspensionTests: {
      redeploymentRejectedReason: blank(f('redeploymentRejectedReason')),
      ground: (SUSPENSION_GROUNDS as readonly string[]).includes(ground)
        ? (ground as (typeof SUSPENSION_GROUNDS)[number])
        : undefined,
      groundReason: blank(f('groundReason')),
    },
    conditions: f('conditions'),
    rationale: f('rationale'),
    startsOn: dates.get(`${prefix}startsOn`, 'The start date') ?? '',
    noticeMethod: notice === 'written' || notice === 'oral' ? notice : undefined,
    noticeGivenOn: dates.get(`${prefix}noticeGivenOn`, 'The date the officer was told'),
  } as const;
}

export function reviewFromForm(body: FormBody, dates: FormDates) {
  const outcome = first(body['outcome']);
  return {
    version: Number(first(body['version'])),
    reviewedOn: dates.get('reviewedOn', 'The review date') ?? '',
    conditionsStillHold: yesNo(first(body['conditionsStillHold'])) as boolean,
    reasons: first(body['reasons']),
    officerInformed: yesNo(first(body['officerInformed'])) as boolean,
    representations: first(body['representations']),
    outcome: (outcome || 'continue') as 'continue' | 'lift' | 'change',
    liftEndsOn: outcome === 'lift' ? dates.get('liftEndsOn', 'The end date') : undefined,
    change: outcome === 'change' ? decisionFromForm(body, dates, 'change-') : undefined,
    renewedRationale: blank(first(body['renewedRationale'])),
  };
}

/** A use case's field path as the form control it belongs to: `options.suspension.reason` → `option-suspension-reason`. */
export function controlOf(path: string): string {
  const change = path.startsWith('change.');
  const rest = change ? path.slice('change.'.length) : path;
  const parts = rest.split('.');
  const control =
    parts[0] === 'options' && parts.length === 3
      ? `option-${parts[1]}-${parts[2]}`
      : parts[0] === 'suspensionTests' && parts[1]
        ? parts[1]
        : (parts[0] ?? rest);
  return `${change ? 'change-' : ''}${control}`;
}

/** Field errors keyed by control; the first message for a control wins. */
export function formErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) out[controlOf(path)] ??= message;
  return out;
}

/** The date controls of the restriction forms (their error links go to the day field). */
export const DATE_CONTROLS = [
  'decidedOn',
  'startsOn',
  'noticeGivenOn',
  'reviewedOn',
  'liftEndsOn',
  'endsOn',
  'writtenNoticeOn',
  'change-startsOn',
  'change-noticeGivenOn',
];

/** A form's first values: today's date in the date fields. */
export function todayValues(now: Date, names: string[]): Record<string, string> {
  const parts = dateParts(ukToday(now));
  return Object.fromEntries(
    names.flatMap((n) => [
      [`${n}-day`, parts.day],
      [`${n}-month`, parts.month],
      [`${n}-year`, parts.year],
    ]),
  );
}

/** The posted body as the values to re-fill the form with (first value of each field). */
export function valuesOf(body: FormBody): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, first(v)]));
}
