import { KIND_LABELS, type RestrictionKind } from './restriction-rules.ts';

/**
 * Who may record the senior rationale that answers the suspension flag (the West Midlands lesson, uk-domain.md
 * §0: the reasons for choosing "light duties" over suspension must be auditable). Pure and unit-tested.
 *
 * - A different person from the one who imposed the measure: the rationale is a check on the decision to
 *   restrict rather than suspend, so the decision maker of any of the subject's restrictions in force cannot
 *   answer the flag for it.
 * - Of at least the configured minimum rank (`integrity.seniorRationale`, default Superintendent [R]): the
 *   rank of the person record the user's account is linked to (`users.person_id`), from its current posting.
 *   An account with no linked person, or whose rank is not in the configured order, is not senior enough.
 */

export type SeniorRationaleRules = { minimumRank: string; rankOrder: readonly string[] };

export type SeniorRationaleFacts = {
  recorderUserId: string;
  /** The current rank of the recorder's linked person record; null when the account has no person or posting. */
  recorderRank: string | null;
  /** The subject's restrictions in force, with who imposed each (the decision maker of the row). */
  inForce: readonly { kind: RestrictionKind; decisionMakerUserId: string }[];
};

const norm = (rank: string) => rank.trim().toLowerCase().replace(/\s+/g, ' ');

/** The position of a rank in the order (0 = lowest), case and spacing ignored; -1 when it is not there. */
export function rankPosition(order: readonly string[], rank: string | null): number {
  if (!rank) return -1;
  return order.findIndex((r) => norm(r) === norm(rank));
}

/** Whether `rank` is at least `minimumRank` in the order. An unknown rank is not. */
export function rankAtLeast(rules: SeniorRationaleRules, rank: string | null): boolean {
  const minimum = rankPosition(rules.rankOrder, rules.minimumRank);
  const position = rankPosition(rules.rankOrder, rank);
  return minimum >= 0 && position >= minimum;
}

/** Why this person may not record the senior rationale, or null when they may. */
export function seniorRationaleRefusal(rules: SeniorRationaleRules, f: SeniorRationaleFacts): string | null {
  const own = f.inForce.find((r) => r.decisionMakerUserId === f.recorderUserId);
  if (own)
    return `You imposed the ${KIND_LABELS[own.kind].toLowerCase()} on this subject: the senior rationale must be recorded by a different person, of at least ${rules.minimumRank} rank`;
  if (!f.recorderRank)
    return `Your account is not linked to a person record with a current rank: the senior rationale must be recorded by someone of at least ${rules.minimumRank} rank`;
  if (!rankAtLeast(rules, f.recorderRank))
    return `The senior rationale must be recorded by someone of at least ${rules.minimumRank} rank: your rank is ${f.recorderRank}`;
  return null;
}
