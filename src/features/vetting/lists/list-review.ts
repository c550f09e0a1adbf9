import type { IsoDate } from '../../../kernel/time/dates.ts';
import { addMonths } from '../../../kernel/time/working-days.ts';
import type { IntegrityRules } from '../../../kernel/config/integrity-rules.ts';

/**
 * When a listed person may ask for a review of their barred or advisory list entry (Police Barred List and
 * Police Advisory List Regulations 2017): a number of years after the listing, fewer after a dismissal for
 * gross incompetence (the entry's reason says so), each configuration with its mark [S]. Pure.
 */
export type ListReview = { from: IsoDate; due: boolean } | null;

export function listReviewOf(
  entry: { list: string; reason: string; listedOn: IsoDate | null; removedOn: IsoDate | null },
  years: IntegrityRules['listReviewYears'],
  today: IsoDate,
): ListReview {
  // No listing date, or taken off the list: nothing to review.
  if (!entry.listedOn || entry.removedOn) return null;
  const n =
    entry.list === 'advisory'
      ? years.advisory
      : /gross incompetence/i.test(entry.reason)
        ? years.barredGrossIncompetence
        : years.barred;
  const from = addMonths(entry.listedOn, n * 12);
  return { from, due: from <= today };
}

/**
 * The review rule in words, with where it comes from and its mark, for the lists pages: the years are the
 * deployment's `integrity.listReviewYears` ([S] defaults until checked against the Barred List Regs 2017).
 */
export function listReviewRule(years: IntegrityRules['listReviewYears']): string {
  const y = (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`;
  return (
    `A listed person may ask for a review of a barred list entry ${y(years.barred)} after listing ` +
    `(${y(years.barredGrossIncompetence)} after a dismissal for gross incompetence), and of an advisory list entry ` +
    `after ${y(years.advisory)} (Police Barred List and Police Advisory List Regulations 2017; configuration ` +
    'integrity.listReviewYears, [S] a secondary source, unverified). An entry taken off its list blocks nothing.'
  );
}
