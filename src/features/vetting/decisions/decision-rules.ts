import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';

/**
 * THE rule on vetting decisions, on an application and on a review (uk-domain.md §4.4, §4.6: "enforce no grant with adverse info without
 * rationale"; HMICFRS 2022 found rationale missing where clearance was granted despite adverse
 * information). Pure: the use case loads the application's adverse items and list matches and asks here.
 *
 * - grant / grant_with_conditions: every adverse item of the application needs a structured rationale —
 *   relevance, risk assessment, mitigation and reason, each a real sentence (not "n/a", "ok", "-" …);
 *   grant_with_conditions also needs the conditions or risk-mitigation plan; a confirmed match on the
 *   barred list makes a grant impossible (Police Act 1996 Part 4A: a barred person may not be appointed).
 * - refuse: the reasons, and the reasons that may be given to the applicant under the harm test.
 * - discontinue: the reason (for example under investigation or on police bail (College of Policing, Vetting APP change log)).
 * Every outcome needs the decision's reasons. A pending list match blocks every outcome until a person has
 * decided it; a grant also waits for every check to have a result.
 */

export const APPLICATION_OUTCOMES = ['grant', 'grant_with_conditions', 'refuse', 'discontinue'] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

export const RATIONALE_PARTS = ['relevance', 'riskAssessment', 'mitigation', 'reason'] as const;
export type RationalePart = (typeof RATIONALE_PARTS)[number];
export type ItemRationale = Record<RationalePart, string>;

export const RATIONALE_LABELS: Readonly<Record<RationalePart, string>> = {
  relevance: 'Relevance to the role and the level applied for',
  riskAssessment: 'Risk assessment',
  mitigation: 'Mitigation',
  reason: 'Reason the information does not prevent clearance',
};

/** Shortest text accepted as a reason: a few words, not a placeholder. */
export const MIN_SUBSTANTIVE_LENGTH = 15;
const PLACEHOLDERS = new Set([
  'n/a',
  'na',
  'none',
  'nil',
  'ok',
  'okay',
  'yes',
  'no',
  'see above',
  'as above',
  'not applicable',
  'tbc',
  'to follow',
  'no comment',
  'nothing',
  'no risk',
  'fine',
]);

/** True when `text` says something: at least {@link MIN_SUBSTANTIVE_LENGTH} characters and three words (of two letters or more), and not a stock placeholder. */
export function isSubstantive(text: string | null | undefined): boolean {
  const t = (text ?? '').trim().replace(/\s+/g, ' ');
  if (t.length < MIN_SUBSTANTIVE_LENGTH) return false;
  if (t.split(' ').filter((w) => /\p{L}.*\p{L}/u.test(w)).length < 3) return false;
  return !PLACEHOLDERS.has(t.toLowerCase().replace(/[.!]+$/, ''));
}

export type DecisionProposal = {
  outcome: ApplicationOutcome;
  /** The decision's reasons (for a refusal: the full reasons; for a discontinuance: why). */
  rationale: string;
  conditions: string;
  reasonsForApplicant: string;
  /** Rationales given on the form, by adverse item id. */
  itemRationales: Readonly<Record<string, Partial<ItemRationale>>>;
};

export type DecisionContext = {
  adverseItemIds: readonly string[];
  pendingMatches: number;
  confirmedBarredMatches: number;
  pendingChecks: number;
};

export type DecisionVerdict =
  | { ok: true }
  | { ok: false; kind: 'blocked'; message: string }
  | { ok: false; kind: 'incomplete'; fields: FieldErrors };

const substantive = (what: string) => `Enter ${what} (at least ${MIN_SUBSTANTIVE_LENGTH} characters, in words)`;

/**
 * HMICFRS's rationale finding (§4.4), the same for a grant on an application and for keeping a clearance on a
 * review: every adverse item not yet resolved needs a structured rationale, each part a real sentence. Field
 * errors keyed as the input (`items.<itemId>.<part>`).
 */
export function itemRationaleProblems(
  itemIds: readonly string[],
  given: Readonly<Partial<Record<string, Partial<ItemRationale>>>>,
): FieldErrors {
  const problems: FieldErrors = {};
  for (const id of itemIds) {
    const parts = given[id] ?? {};
    for (const part of RATIONALE_PARTS) {
      if (!isSubstantive(parts[part]))
        problems[`items.${id}.${part}`] =
          `${substantive(RATIONALE_LABELS[part].toLowerCase())} for this adverse information`;
    }
  }
  return problems;
}

/** The parts of an item's rationale that were filled in (a refusal or a withdrawal may give some, or none), or null. */
export function givenRationale(given: Partial<ItemRationale> | undefined): Partial<ItemRationale> | null {
  const parts = RATIONALE_PARTS.map((p) => [p, (given?.[p] ?? '').trim()] as const).filter(([, v]) => v !== '');
  return parts.length > 0 ? Object.fromEntries(parts) : null;
}

export function isGrant(outcome: ApplicationOutcome): boolean {
  return outcome === 'grant' || outcome === 'grant_with_conditions';
}

/** Whether the proposal may be saved: blocked by the application's state, incomplete (field errors), or ok. */
export function checkDecision(p: DecisionProposal, ctx: DecisionContext): DecisionVerdict {
  if (ctx.pendingMatches > 0) {
    return {
      ok: false,
      kind: 'blocked',
      message: `Decide the ${ctx.pendingMatches === 1 ? 'possible barred or advisory list match' : `${ctx.pendingMatches} possible barred or advisory list matches`} before deciding the application`,
    };
  }
  if (isGrant(p.outcome) && ctx.confirmedBarredMatches > 0) {
    return {
      ok: false,
      kind: 'blocked',
      message: 'The applicant is confirmed as on the Police Barred List: clearance cannot be granted',
    };
  }
  if (isGrant(p.outcome) && ctx.pendingChecks > 0) {
    return {
      ok: false,
      kind: 'blocked',
      message: `Record the result of every check before granting (${ctx.pendingChecks} still pending)`,
    };
  }
  const fields: FieldErrors = {};
  const reasonWords: Record<ApplicationOutcome, string> = {
    grant: 'the reasons for granting clearance',
    grant_with_conditions: 'the reasons for granting clearance with conditions',
    refuse: 'the reasons for refusing clearance',
    discontinue: 'why the application is discontinued, for example under investigation or on police bail',
  };
  if (!isSubstantive(p.rationale)) fields['rationale'] = substantive(reasonWords[p.outcome]);
  if (p.outcome === 'grant_with_conditions' && !isSubstantive(p.conditions))
    fields['conditions'] = substantive('the conditions or risk-mitigation plan');
  if (p.outcome === 'refuse' && !isSubstantive(p.reasonsForApplicant))
    fields['reasonsForApplicant'] = substantive('the reasons that may be given to the applicant under the harm test');
  if (isGrant(p.outcome)) Object.assign(fields, itemRationaleProblems(ctx.adverseItemIds, p.itemRationales));
  return Object.keys(fields).length > 0 ? { ok: false, kind: 'incomplete', fields } : { ok: true };
}

/**
 * The rules of a review's outcome, pure (§4.4, §4.1). A review ends in one of three outcomes:
 *  - maintain: the clearance stands;
 *  - maintain with conditions: it stands with conditions or risk mitigation, which must be written down;
 *  - withdraw: the withdrawal assessment under the Police (Vetting) Regulations 2025 (Part 3) — the harm test
 *    considered before deciding what the officer is told, the officer told of the assessment and of their
 *    right to a police friend, and the reasons for the officer written down. It needs a clearance to withdraw.
 * HMICFRS's rationale finding (§4.4): a clearance is never kept over adverse information without a
 * structured rationale for EACH unresolved item (relevance, risk, mitigation, reason) — the same rule, and
 * the same test of a real sentence (`isSubstantive`), as a grant on an application (above). A
 * withdrawal resolves the items too, with or without a per-item rationale.
 */

export const REVIEW_OUTCOMES = ['maintain', 'maintain_with_conditions', 'withdraw'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

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
  if (d.outcome === 'maintain' || d.outcome === 'maintain_with_conditions')
    Object.assign(problems, itemRationaleProblems(ctx.unresolvedItemIds, d.items));
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
