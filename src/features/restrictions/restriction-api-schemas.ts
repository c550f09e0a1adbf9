import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { DecisionRow, RestrictionRow } from './restrictions.repository.ts';
import type { FlagResult } from './suspension-flag.ts';

/** The response shapes of the restrictions API (they become the OpenAPI document) and the row-to-JSON mapping. */

export const errors = apiErrors(400, 401, 404, 409, 422);
export const day = z.string().nullable();

export const decisionOut = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  decidedOn: z.string(),
  decisionMaker: z.string(),
  conditionsStillHold: z.boolean().nullable(),
  officerInformed: z.boolean().nullable(),
  reasons: z.string(),
  officerRepresentations: z.string(),
  nextReviewDueOn: day,
  recordedAt: z.string(),
});

export const restrictionOut = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  subjectId: z.string().uuid(),
  personId: z.string().uuid(),
  kind: z.string(),
  status: z.string(),
  optionsConsidered: z.array(z.object({ option: z.string(), considered: z.boolean(), reason: z.string() })),
  suspensionTests: z
    .object({ redeploymentRejectedReason: z.string(), ground: z.string(), groundReason: z.string() })
    .nullable(),
  conditions: z.string(),
  rationale: z.string(),
  decisionMaker: z.string(),
  decidedOn: z.string(),
  startsOn: z.string(),
  endsOn: day,
  noticeMethod: z.string().nullable(),
  noticeGivenOn: day,
  writtenNoticeOn: day,
  noticeDueOn: day,
  nextReviewDueOn: day,
  replacedById: z.string().uuid().nullable(),
  version: z.number().int(),
  decisions: z.array(decisionOut),
});

export const flagOut = z.object({
  state: z.enum(['not_applicable', 'suspended', 'answered', 'flagged']),
  triggers: z.array(z.object({ kind: z.string(), on: z.string() })),
  latestTriggerOn: day,
  answeredUntil: day,
});

type WithNames = RestrictionRow & { decisionMaker: string; decisions: (DecisionRow & { decisionMaker: string })[] };

export function restrictionJson(r: WithNames): z.infer<typeof restrictionOut> {
  return {
    id: r.id,
    caseId: r.caseId,
    subjectId: r.subjectId,
    personId: r.personId,
    kind: r.kind,
    status: r.status,
    optionsConsidered: r.optionsConsidered as z.infer<typeof restrictionOut>['optionsConsidered'],
    suspensionTests: r.suspensionTests as z.infer<typeof restrictionOut>['suspensionTests'],
    conditions: r.conditions,
    rationale: r.rationale,
    decisionMaker: r.decisionMaker,
    decidedOn: r.decidedOn,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    noticeMethod: r.noticeMethod,
    noticeGivenOn: r.noticeGivenOn,
    writtenNoticeOn: r.writtenNoticeOn,
    noticeDueOn: r.noticeDueOn,
    nextReviewDueOn: r.nextReviewDueOn,
    replacedById: r.replacedById,
    version: r.version,
    decisions: r.decisions.map((d) => ({
      id: d.id,
      kind: d.kind,
      decidedOn: d.decidedOn,
      decisionMaker: d.decisionMaker,
      conditionsStillHold: d.conditionsStillHold,
      officerInformed: d.officerInformed,
      reasons: d.reasons,
      officerRepresentations: d.officerRepresentations,
      nextReviewDueOn: d.nextReviewDueOn,
      recordedAt: d.recordedAt.toISOString(),
    })),
  };
}

export const decided = z.object({
  id: z.string().uuid(),
  version: z.number().int(),
  noticeDueOn: day,
  nextReviewDueOn: day,
});

export const listItem = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  reference: z.string(),
  subjectId: z.string().uuid(),
  personId: z.string().uuid(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  startsOn: z.string(),
  endsOn: day,
  nextReviewDueOn: day,
  flag: z.string().describe('The subject’s suspension flag: not_applicable, suspended, answered or flagged'),
});
export const flaggedItem = z.object({
  caseId: z.string().uuid(),
  reference: z.string(),
  subjectId: z.string().uuid(),
  personId: z.string().uuid(),
  name: z.string(),
  restrictionKind: z
    .string()
    .nullable()
    .describe('The first of the subject’s restrictions in force (see restrictionKinds)'),
  restrictionKinds: z
    .array(z.string())
    .describe('The kinds of every restriction of the subject in force, oldest first'),
  flag: flagOut,
});
export const subjectOut = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  name: z.string(),
  leftOn: day,
  current: restrictionOut
    .nullable()
    .describe('The first (oldest) restriction in force; a subject may have several: see inForce'),
  inForce: z.array(restrictionOut).describe('Every restriction of the subject in force now, oldest first'),
  past: z.array(restrictionOut),
  flag: flagOut.nullable(),
  rationales: z.array(
    z.object({
      id: z.string().uuid(),
      decidedOn: z.string(),
      validUntil: z.string(),
      rationale: z.string(),
      decisionMaker: z.string(),
    }),
  ),
});
export const flagJson = (f: FlagResult) => ({
  state: f.state,
  triggers: f.triggers,
  latestTriggerOn: f.latestTriggerOn,
  answeredUntil: f.answeredUntil,
});
