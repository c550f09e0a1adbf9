import { isoDateString, blank } from '../../kernel/validation.ts';
import { z } from 'zod';
import { ownerBodies, reportItemKinds, reportTypes, trackerStatuses } from '../../db/schema/index.ts';

/** The pieces the tracker's use-case inputs are built from, with the words a user sees when one is wrong. */

export const isoDate = (what: string) =>
  isoDateString(`${what[0]?.toUpperCase()}${what.slice(1)} must be a real date in the format 2026-03-27`);

export const optionalDate = (what: string) =>
  z.preprocess(blank, isoDate(what).nullable().optional()).transform((v) => v ?? null);

export const uuidOf = (what: string) => z.string({ message: `Choose ${what}` }).uuid(`Choose ${what}`);

export const version = z.coerce
  .number({ message: 'Reload the page and try again' })
  .int()
  .min(0, 'Reload the page and try again');

export const webUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(2000, `${what} must be 2,000 characters or fewer`)
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, `${what} must be a web address starting https://`);

export const trackerStatus = (what: string) => z.enum(trackerStatuses, { message: `Choose ${what}` });
export const itemKind = z.enum(reportItemKinds, { message: 'Choose recommendation or area for improvement' });
export const ownerBody = z.enum(ownerBodies, { message: 'Choose who the item is addressed to' });
export const reportType = z.enum(reportTypes, { message: 'Choose the type of report' });

/** Themes as tags: comma-separated text or a list; trimmed, lower case, no repeats, at most 12. */
export const themes = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const parts = (Array.isArray(v) ? v : (v ?? '').split(','))
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== '');
    return [...new Set(parts)];
  })
  .refine((v) => v.length <= 12 && v.every((t) => t.length <= 60), {
    message: 'Give at most 12 themes, each 60 characters or fewer',
  });

export const itemFields = {
  kind: itemKind,
  number: z.preprocess(
    (v) => (blank(v) === undefined ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
    z
      .number({
        error: (issue) => (issue.input === undefined ? 'Enter the item’s number' : 'The number must be a whole number'),
      })
      .int('The number must be a whole number')
      .min(1, 'The number must be 1 or more')
      .max(999, 'The number must be 999 or less'),
  ),
  text: z
    .string({ message: 'Enter the text of the item' })
    .trim()
    .min(1, 'Enter the text of the item')
    .max(5000, 'The text must be 5,000 characters or fewer'),
  ownerBody,
  deadline: optionalDate('the deadline'),
  themes,
  textVerified: z
    .preprocess((v) => v === true || v === 'true' || v === 'yes' || v === 'on', z.boolean())
    .default(false),
};
