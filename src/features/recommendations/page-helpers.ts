import type { z } from 'zod';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { ownerBodies, reportItemKinds, reportTypes, trackerStatuses } from '../../db/schema/index.ts';
import { dateFromParts, dateParts, first, type FormBody } from '../../kernel/forms.ts';
import {
  kindLabels,
  ownerBodyLabels,
  reportTypeLabels,
  statusLabels,
  statusTagClasses,
  type TrackerStatus,
} from './tracker-rules.ts';
import { fieldErrorsOf } from '../../kernel/validation.ts';

/**
 * What the tracker's pages share: the choices of each form in words, GOV.UK date inputs to ISO dates and
 * back, and use-case field errors renamed to the form's own controls (an item page has several forms).
 */

export { first, type FormBody };

export const statusChoices = trackerStatuses.map((s) => ({ value: s, text: statusLabels[s] }));
export const kindChoices = reportItemKinds.map((k) => ({ value: k, text: kindLabels[k].one }));
export const ownerBodyChoices = ownerBodies.map((b) => ({ value: b, text: ownerBodyLabels[b] }));
export const reportTypeChoices = reportTypes.map((t) => ({ value: t, text: reportTypeLabels[t] }));

export function statusTag(status: TrackerStatus | null): { text: string; classes: string } {
  return status
    ? { text: statusLabels[status], classes: statusTagClasses[status] }
    : { text: 'Not yet assessed', classes: 'govuk-tag--grey' };
}

/** Reads GOV.UK date inputs: ISO dates for the use case, or field errors in words. */
export function readDates(
  body: FormBody,
  dates: Record<string, string>,
): { iso: Record<string, string | undefined>; errors: FieldErrors } {
  const iso: Record<string, string | undefined> = {};
  const errors: FieldErrors = {};
  for (const [name, what] of Object.entries(dates)) {
    const d = dateFromParts(body, name, what);
    if (d.error) errors[name] = d.error;
    iso[name] = d.iso;
  }
  return { iso, errors };
}

/** The values to re-fill a date input from an ISO date. */
export function dateValues(name: string, iso: string | null | undefined): Record<string, string> {
  const p = dateParts(iso);
  return { [`${name}-day`]: p.day, [`${name}-month`]: p.month, [`${name}-year`]: p.year };
}

/** Field errors of a refused form, renamed to its controls; anything but a validation error is thrown on. */
export function formErrors(err: unknown, rename: Record<string, string> = {}, fallback = 'form'): FieldErrors {
  if (!(err instanceof AppError) || err.code !== 'validation') throw err;
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(err.fields ?? { [fallback]: err.message }))
    out[rename[key] ?? key] ??= message;
  return out;
}

/** GOV.UK error summary items; a date input's link goes to its day field. */
export function summaryOf(fields: FieldErrors, dateFields: string[] = []): { text: string; href: string }[] {
  return Object.entries(fields).map(([field, text]) => ({
    text,
    href: `#${field}${dateFields.includes(field) ? '-day' : ''}`,
  }));
}

/** A form body as plain strings, for re-filling a form after an error. */
export function valuesOf(body: FormBody | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, first(v)]));
}

/**
 * A form's date inputs that could not be read: refused with every other field's problem too (the use case's
 * own schema checks the rest, given a stand-in date). Call after the page has authorised the user, so that a
 * user who may not use the form gets a 404 whatever they sent.
 */
export function refuseBadDates(
  schema: z.ZodType,
  input: Record<string, unknown>,
  dateErrors: FieldErrors,
  message: string,
): void {
  const names = Object.keys(dateErrors);
  if (names.length === 0) return;
  const standIns = Object.fromEntries(names.map((n) => [n, '2000-01-01']));
  const parsed = schema.safeParse({ ...input, ...standIns });
  const fields: FieldErrors = { ...dateErrors };
  if (!parsed.success) for (const [k, v] of Object.entries(fieldErrorsOf(parsed.error))) fields[k] ??= v;
  throw new AppError('validation', message, fields);
}
