import type { IsoDate } from '../../lib/dates.ts';
import type { ResolvedPeriod } from '../clocks/periods.ts';
import { RATIONALE_PARTS, type ApplicationOutcome, type ItemRationale } from './decision-rules.ts';
import {
  CHECK_LABELS,
  CHECK_STATUS_LABELS,
  INFO_TYPE_LABELS,
  KIND_LABELS,
  LIST_LABELS,
  MATCH_DECISION_LABELS,
  OUTCOME_LABELS,
  RELATION_LABELS,
} from './vetting-labels.ts';
import { LEVEL_LABELS, type VettingLevel } from './vetting-levels.ts';

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
  matches: { list: string; score: number; reasons: string[]; decision: string; note: string; entryName: string }[];
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
    adverseInformation: input.adverse.map((i) => ({
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
      rationale: i.rationale ? Object.fromEntries(RATIONALE_PARTS.map((p) => [p, i.rationale?.[p] ?? ''])) : null,
    })),
    listMatches: input.matches.map((m) => ({
      list: LIST_LABELS[m.list as keyof typeof LIST_LABELS] ?? m.list,
      entry: m.entryName,
      score: m.score,
      reasons: m.reasons,
      decision: MATCH_DECISION_LABELS[m.decision as keyof typeof MATCH_DECISION_LABELS] ?? m.decision,
      note: m.note,
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
