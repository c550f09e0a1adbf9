import type { Principal } from '../access/principal.ts';
import type { ClearanceRow, DecisionRow } from './review-file.repository.ts';
import type { AdverseRow, CheckRow } from './vetting-file.repository.ts';
import type { ItemRationale, ReviewOutcome } from './decision-rules.ts';
import { TRIGGER_LABELS } from './review-triggers.ts';
import type { ReviewDetailRow } from './vetting-reviews.repository.ts';

/**
 * The decision record of a review, kept as the decision's `document` (after APP Appendix K, the vetting
 * decision record form [V S48d]): what was reviewed and why, what the checks found, each adverse item with
 * its rationale, the clearances the decision applies to, the outcome and its reasons, and for a withdrawal
 * the assessment under the Police (Vetting) Regulations 2025. It is a snapshot: later changes to the file
 * do not alter what the decision maker had before them.
 */
export function decisionRecord(x: {
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
      .map((i) => ({
        id: i.id,
        source: i.source,
        type: i.infoType,
        occurredOn: i.occurredOn,
        relation: i.relation,
        severity: i.severity,
        credibility: i.credibility,
        description: i.description,
        assessment: i.assessment,
        rationale: x.rationales.get(i.id) ?? null,
      })),
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
