import type { caseSources } from '../../../db/schema/index.ts';
import type { StandardCode } from '../taxonomy.ts';

/**
 * The shape of a demo case theme (case-templates.ts lists them): fictional sentences; `{who}` is the
 * subject(s), `{area}` a Westshire area. `weight` and the `sources` numbers are relative frequencies, not
 * percentages.
 */

export type Source = (typeof caseSources)[number];
export type Gravity = 'low' | 'mid' | 'high';

export type Theme = {
  code: string;
  weight: number;
  gravity: Gravity;
  /** IOPC referral grounds (case-form-fields.ts keys) when the matter may meet the referral criteria; null if it never does. */
  criteria: string[] | null;
  standards: StandardCode[];
  sources: Partial<Record<Source, number>>;
  summaries: string[];
  descriptions: string[];
};

export type GroupTheme = Omit<Theme, 'weight' | 'summaries'> & {
  summary: string;
  size: readonly [number, number];
};

/** How matters of each kind usually reach the force. */
export const PUBLIC = { public_complaint: 6, internal_report: 3, other: 1 };
export const INTERNAL = { internal_report: 5, anonymous_report: 2, public_complaint: 1 };
export const CRIMINAL = { criminal_investigation: 5, internal_report: 2, public_complaint: 1 };
