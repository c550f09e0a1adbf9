import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { ResolvedPeriod } from '../../../kernel/time/periods.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { RATIONALE_PARTS, type ApplicationOutcome, type ItemRationale, type ReviewOutcome } from './decision-rules.ts';
import type { DecisionRow } from './decisions.repository.ts';
import type { ClearanceRow } from '../reviews/review-file.repository.ts';
import { TRIGGER_LABELS } from '../reviews/review-triggers.ts';
import type { AdverseRow, CheckRow } from '../file/vetting-file.repository.ts';
import type { ReviewDetailRow } from '../reviews/vetting-reviews.repository.ts';
import {
  CHECK_LABELS,
  CHECK_STATUS_LABELS,
  INFO_TYPE_LABELS,
  KIND_LABELS,
  LIST_LABELS,
  MATCH_DECISION_LABELS,
  OUTCOME_LABELS,
  RELATION_LABELS,
} from '../vetting-labels.ts';
import { LEVEL_LABELS, type VettingLevel } from '../vetting-levels.ts';

/**
 * The vetting decision record, kept with the decision as a document in the shape of the APP's Appendix K
 * "vetting decision record form" as far as the reference describes it (uk-domain.md §4.4, §4.6): the
 * applicant, the level, every check and its result, each adverse item with its structured rationale, any
 * barred or advisory list match and how it was decided, the decision with its conditions or reasons, the
 * decision maker and date, and the appeal rights. Pure: built from loaded rows, stored as jsonb, rendered
 * by /vetting/decisions/:id. The form's exact fields were not retrieved; this is the reference's list.
 */

export const DECISION_RECORD_FORM = 'Vetting decision record (Vetting APP, Appendix K)';

export type DecisionRecordInput = {
  decisionId: string;
  force: string;
  application: {
    id: string;
    reference: string;
    kind: string;
    level: VettingLevel;
    receivedOn: IsoDate;
    givenName: string;
    familyName: string;
    formerNames: string[];
    dateOfBirth: IsoDate;
    formerNumbers: string[];
    previousForce: string | null;
    personId: string | null;
  };
  checks: {
    checkType: keyof typeof CHECK_LABELS;
    status: keyof typeof CHECK_STATUS_LABELS;
    completedOn: IsoDate | null;
    notes: string;
  }[];
  adverse: {
    id: string;
    source: string;
    infoType: keyof typeof INFO_TYPE_LABELS;
    occurredOn: IsoDate | null;
    relation: keyof typeof RELATION_LABELS;
    severity: number;
    credibility: number;
    description: string;
    assessment: string;
    rationale: Partial<ItemRationale> | null;
  }[];
  matches: {
    list: string;
    score: number;
    reasons: string[];
    decision: string;
    note: string;
    entryName: string;
    /** The day the entry was taken off its list (missing from a later national file), if it was. */
    removedOn?: IsoDate | null;
  }[];
  outcome: ApplicationOutcome;
  rationale: string;
  conditions: string;
  reasonsForApplicant: string;
  decisionMaker: { userId: string; name: string };
  decidedOn: IsoDate;
  appealWindowEndsOn: IsoDate | null;
  appealPeriod: Pick<ResolvedPeriod, 'amount' | 'unit' | 'confidence'>;
};

export type DecisionRecord = ReturnType<typeof buildDecisionRecord>;

function appealRights(input: DecisionRecordInput): { appealable: boolean; windowEndsOn: IsoDate | null; text: string } {
  if (input.outcome === 'refuse') {
    const period = `${input.appealPeriod.amount} ${input.appealPeriod.unit.replace('_', ' ')}`;
    return {
      appealable: true,
      windowEndsOn: input.appealWindowEndsOn,
      text: `The applicant may appeal in writing, giving their grounds, within ${period} of the decision (by ${input.appealWindowEndsOn ?? 'the end of the window'}). The appeal is decided by an appeal panel. The reasons given to the applicant are limited by the harm test.`,
    };
  }
  if (input.outcome === 'discontinue') {
    return {
      appealable: false,
      windowEndsOn: null,
      text: 'Not a refusal: the applicant may apply again once the investigation or bail has concluded.',
    };
  }
  return { appealable: false, windowEndsOn: null, text: 'Clearance granted: there is nothing to appeal.' };
}

type AdverseSnapshot = Omit<DecisionRecordInput['adverse'][number], 'rationale'>;

/**
 * One item of adverse information as both records keep it (§4.6: source, date, type, relation, severity,
 * credibility, description, assessment) with the structured rationale the decision gave it, every part
 * present (empty when not given), or null when none was given.
 */
function adverseEntry(i: AdverseSnapshot, rationale: Partial<ItemRationale> | null | undefined) {
  return {
    id: i.id,
    source: i.source,
    type: i.infoType,
    typeLabel: INFO_TYPE_LABELS[i.infoType],
    occurredOn: i.occurredOn,
    relation: i.relation,
    relationLabel: RELATION_LABELS[i.relation],
    severity: i.severity,
    credibility: i.credibility,
    description: i.description,
    assessment: i.assessment,
    rationale: rationale ? Object.fromEntries(RATIONALE_PARTS.map((p) => [p, rationale[p] ?? ''])) : null,
  };
}

/** The decision record of an application (the Appendix K form's shape, as decision-record-model.ts reads it). */
export function buildDecisionRecord(input: DecisionRecordInput) {
  const a = input.application;
  return {
    form: DECISION_RECORD_FORM,
    force: input.force,
    decisionId: input.decisionId,
    applicationReference: a.reference,
    applicant: {
      name: `${a.givenName} ${a.familyName}`,
      formerNames: a.formerNames,
      dateOfBirth: a.dateOfBirth,
      formerNumbers: a.formerNumbers,
      previousForce: a.previousForce,
      personId: a.personId,
    },
    application: {
      id: a.id,
      kind: a.kind,
      kindLabel: KIND_LABELS[a.kind as keyof typeof KIND_LABELS] ?? a.kind,
      receivedOn: a.receivedOn,
    },
    level: { code: a.level, label: LEVEL_LABELS[a.level] },
    checks: input.checks.map((c) => ({
      check: c.checkType,
      label: CHECK_LABELS[c.checkType],
      result: c.status,
      resultLabel: CHECK_STATUS_LABELS[c.status],
      completedOn: c.completedOn,
      notes: c.notes,
    })),
    adverseInformation: input.adverse.map((i) => adverseEntry(i, i.rationale)),
    listMatches: input.matches.map((m) => ({
      list: LIST_LABELS[m.list as keyof typeof LIST_LABELS] ?? m.list,
      entry: m.entryName,
      score: m.score,
      reasons: m.reasons,
      decision: MATCH_DECISION_LABELS[m.decision as keyof typeof MATCH_DECISION_LABELS] ?? m.decision,
      note: m.note,
      removedOn: m.removedOn ?? null,
    })),
    decision: {
      outcome: input.outcome,
      outcomeLabel: OUTCOME_LABELS[input.outcome],
      rationale: input.rationale,
      conditions: input.conditions,
      reasonsForApplicant: input.reasonsForApplicant,
    },
    decisionMaker: input.decisionMaker,
    decidedOn: input.decidedOn,
    appealRights: appealRights(input),
  };
}

/**
 * The decision record of a review, kept as the decision's `document` (after APP Appendix K, the vetting
 * decision record form (College of Policing, Vetting APP)): what was reviewed and why, what the checks found, each adverse item with
 * its rationale, the clearances the decision applies to, the outcome and its reasons, and for a withdrawal
 * the assessment under the Police (Vetting) Regulations 2025. It is a snapshot: later changes to the file
 * do not alter what the decision maker had before them. Its own shape (form 'vetting_review_decision'), as
 * decision-record-model.ts and review-decision.njk read it; each adverse item is kept as on an application.
 */
export function buildReviewDecisionRecord(x: {
  review: ReviewDetailRow;
  file: { checks: CheckRow[]; adverseItems: AdverseRow[] };
  clearances: ClearanceRow[];
  input: {
    outcome: ReviewOutcome;
    decidedOn: string;
    rationale: string;
    conditions: string;
    harmTestConsidered: boolean;
    withheldUnderHarmTest: string;
    officerInformedOn?: string | undefined;
    policeFriendOffered: boolean;
    policeFriend: string;
    reasonsForOfficer: string;
  };
  rationales: Map<string, Partial<ItemRationale> | null>;
  decisionMaker: Principal;
  appealWindowEndsOn: string | null;
}): DecisionRow['document'] {
  const { review, input } = x;
  return {
    form: 'vetting_review_decision',
    review: {
      id: review.id,
      trigger: review.trigger,
      triggerLabel: TRIGGER_LABELS[review.trigger],
      sourceKey: review.sourceKey,
      caseReference: review.caseReference,
      openedOn: review.openedOn,
      dueOn: review.dueOn,
    },
    subject: { personId: review.personId, name: `${review.givenName} ${review.familyName}` },
    checks: x.file.checks.map((c) => ({
      id: c.id,
      type: c.checkType,
      status: c.status,
      completedOn: c.completedOn,
      notes: c.notes,
    })),
    adverseInformation: x.file.adverseItems
      .filter((i) => !i.resolvedByDecisionId)
      .map((i) => adverseEntry(i, x.rationales.get(i.id))),
    clearances: x.clearances.map((c) => ({
      id: c.id,
      level: c.level,
      status: c.status,
      grantedOn: c.grantedOn,
      expiresOn: c.expiresOn,
    })),
    outcome: input.outcome,
    decidedOn: input.decidedOn,
    decisionMaker: { userId: x.decisionMaker.userId, name: x.decisionMaker.displayName },
    rationale: input.rationale,
    conditions: input.outcome === 'maintain_with_conditions' ? input.conditions : null,
    withdrawal:
      input.outcome === 'withdraw'
        ? {
            regulations: 'Police (Vetting) Regulations 2025, Part 3',
            harmTestConsidered: input.harmTestConsidered,
            withheldUnderHarmTest: input.withheldUnderHarmTest,
            officerInformedOn: input.officerInformedOn ?? null,
            policeFriendOffered: input.policeFriendOffered,
            policeFriend: input.policeFriend || null,
            reasonsForOfficer: input.reasonsForOfficer,
            appealWindowEndsOn: x.appealWindowEndsOn,
          }
        : null,
  };
}
