import type { FieldErrors } from '../../lib/errors.ts';
import type { IsoDate } from '../../lib/dates.ts';
import {
  isSubstantive,
  MIN_SUBSTANTIVE_LENGTH,
  RATIONALE_LABELS,
  RATIONALE_PARTS,
  type ItemRationale,
} from './decision-rules.ts';

/**
 * The rules of a review's outcome, pure (§4.4, §4.1). A review ends in one of three outcomes:
 *  - maintain: the clearance stands;
 *  - maintain with conditions: it stands with conditions or risk mitigation, which must be written down;
 *  - withdraw: the withdrawal assessment under the Police (Vetting) Regulations 2025 (Part 3) — the harm test
 *    considered before deciding what the officer is told, the officer told of the assessment and of their
 *    right to a police friend, and the reasons for the officer written down. It needs a clearance to withdraw.
 * HMICFRS's rationale finding (§4.4): a clearance is never kept over adverse information without a
 * structured rationale for EACH unresolved item (relevance, risk, mitigation, reason) — the same rule, and
 * the same test of a real sentence (`isSubstantive`), as a grant on an application (decision-rules.ts). A
 * withdrawal resolves the items too, with or without a per-item rationale.
 */

export const REVIEW_OUTCOMES = ['maintain', 'maintain_with_conditions', 'withdraw'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export { RATIONALE_LABELS, RATIONALE_PARTS, type ItemRationale };

const substantive = (what: string) => `Enter ${what} (at least ${MIN_SUBSTANTIVE_LENGTH} characters, in words)`;

export type ReviewDecisionFacts = {
  outcome: ReviewOutcome;
  decidedOn?: IsoDate | undefined;
  conditions: string;
  /** Rationales given, by adverse item id. */
  items: Partial<Record<string, Partial<ItemRationale>>>;
  rationale: string;
  harmTestConsidered: boolean;
  officerInformedOn?: IsoDate | undefined;
  policeFriendOffered: boolean;
  reasonsForOfficer: string;
};

export type ReviewDecisionContext = {
  today: IsoDate;
  openedOn: IsoDate;
  status: 'open' | 'completed';
  /** Adverse information items of the review not yet resolved by a decision. */
  unresolvedItemIds: readonly string[];
  /** How many clearances the person holds now (active or suspended). */
  liveClearances: number;
};

/** Field errors that stop the decision, keyed as the input (`items.<itemId>.<part>`); empty when it may be recorded. */
export function reviewDecisionProblems(d: ReviewDecisionFacts, ctx: ReviewDecisionContext): FieldErrors {
  const problems: FieldErrors = {};
  if (ctx.status !== 'open') problems['outcome'] = 'This review has already been decided';
  if (!d.decidedOn) problems['decidedOn'] = 'Enter the date of the decision';
  else if (d.decidedOn > ctx.today) problems['decidedOn'] = 'The date of the decision cannot be in the future';
  else if (d.decidedOn < ctx.openedOn)
    problems['decidedOn'] = 'The decision cannot be dated before the review was opened';
  if (!isSubstantive(d.rationale)) problems['rationale'] = substantive('the rationale for the decision');
  if (d.outcome === 'maintain_with_conditions' && !isSubstantive(d.conditions))
    problems['conditions'] = substantive('the conditions or risk mitigation the clearance is kept under');
  if (d.outcome === 'maintain' || d.outcome === 'maintain_with_conditions') {
    for (const id of ctx.unresolvedItemIds) {
      const given = d.items[id] ?? {};
      for (const part of RATIONALE_PARTS) {
        if (!isSubstantive(given[part]))
          problems[`items.${id}.${part}`] =
            `${substantive(RATIONALE_LABELS[part].toLowerCase())} for this adverse information`;
      }
    }
  }
  if (d.outcome === 'withdraw') {
    if (ctx.liveClearances === 0) problems['outcome'] ??= 'This person holds no clearance to withdraw';
    if (!d.harmTestConsidered)
      problems['harmTestConsidered'] = 'Confirm the harm test was considered before deciding what the officer is told';
    if (!d.officerInformedOn)
      problems['officerInformedOn'] = 'Enter the date the officer was told of the withdrawal assessment';
    else if (d.decidedOn && d.officerInformedOn > d.decidedOn)
      problems['officerInformedOn'] =
        'The officer must be told of the assessment on or before the date of the decision';
    if (!d.policeFriendOffered)
      problems['policeFriendOffered'] = 'Confirm the officer was told they may be accompanied by a police friend';
    if (!isSubstantive(d.reasonsForOfficer))
      problems['reasonsForOfficer'] = substantive('the reasons to be sent to the officer');
  }
  return problems;
}

/** The parts of an item's rationale that were filled in (a withdrawal may give some, or none), or null. */
export function givenRationale(given: Partial<ItemRationale> | undefined): Partial<ItemRationale> | null {
  const parts = RATIONALE_PARTS.map((p) => [p, (given?.[p] ?? '').trim()] as const).filter(([, v]) => v !== '');
  return parts.length > 0 ? Object.fromEntries(parts) : null;
}
