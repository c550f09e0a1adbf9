import { z } from 'zod';
import type { viewReview } from './view-review.ts';

/** Response shapes of /api/v1/vetting/reviews, and a review as the API answers it. */

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

export const reviewItem = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  givenName: z.string(),
  familyName: z.string(),
  trigger: z.string(),
  caseReference: z.string().nullable().describe('The conduct case behind the trigger, by reference only'),
  openedOn: z.string(),
  dueOn: z.string(),
  status: z.string(),
  assignedTo: z.string().nullable(),
});

export const reviewDetail = reviewItem.extend({
  sourceKey: z.string(),
  summary: z.string(),
  version: z.number().int(),
  assignedUserId: z.string().uuid().nullable(),
  declaration: z
    .object({ category: z.string(), occurredOn: z.string(), details: z.string(), declaredAt: z.string() })
    .nullable(),
  clearances: z.array(
    z.object({
      id: z.string().uuid(),
      level: z.string(),
      status: z.string(),
      grantedOn: z.string(),
      expiresOn: z.string(),
      conditions: z.string(),
      endedOn: z.string().nullable(),
    }),
  ),
  checks: z.array(
    z.object({
      id: z.string().uuid(),
      checkType: z.string(),
      status: z.string(),
      completedOn: z.string().nullable(),
      notes: z.string(),
      version: z.number().int(),
    }),
  ),
  adverseInformation: z.array(
    z.object({
      id: z.string().uuid(),
      source: z.string(),
      infoType: z.string(),
      relation: z.string(),
      occurredOn: z.string().nullable(),
      severity: z.number().int(),
      credibility: z.number().int(),
      description: z.string(),
      assessment: z.string(),
      resolved: z.boolean(),
      resolution: z.unknown(),
    }),
  ),
  decision: z
    .object({
      id: z.string().uuid(),
      outcome: z.string(),
      decidedOn: z.string(),
      rationale: z.string(),
      conditions: z.string(),
      appealWindowEndsOn: z.string().nullable(),
      document: z.unknown(),
    })
    .nullable(),
});

/** One review with its file (viewReview's answer) in the shape of `reviewDetail`. */
export function reviewDetailOf(v: Awaited<ReturnType<typeof viewReview>>): z.infer<typeof reviewDetail> {
  const r = v.review;
  return {
    id: r.id,
    personId: r.personId,
    givenName: r.givenName,
    familyName: r.familyName,
    trigger: r.trigger,
    caseReference: r.caseReference,
    openedOn: r.openedOn,
    dueOn: r.dueOn,
    status: r.status,
    assignedTo: r.assignedName,
    assignedUserId: r.assignedUserId,
    sourceKey: r.sourceKey,
    summary: r.summary,
    version: r.version,
    declaration: v.declaration
      ? {
          category: v.declaration.category,
          occurredOn: v.declaration.occurredOn,
          details: v.declaration.details,
          declaredAt: iso(v.declaration.declaredAt),
        }
      : null,
    clearances: v.clearances.map((c) => ({
      id: c.id,
      level: c.level,
      status: c.status,
      grantedOn: c.grantedOn,
      expiresOn: c.expiresOn,
      conditions: c.conditions,
      endedOn: c.endedOn,
    })),
    checks: v.checks.map((c) => ({
      id: c.id,
      checkType: c.checkType,
      status: c.status,
      completedOn: c.completedOn,
      notes: c.notes,
      version: c.version,
    })),
    adverseInformation: v.adverseItems.map((i) => ({
      id: i.id,
      source: i.source,
      infoType: i.infoType,
      relation: i.relation,
      occurredOn: i.occurredOn,
      severity: i.severity,
      credibility: i.credibility,
      description: i.description,
      assessment: i.assessment,
      resolved: i.resolvedByDecisionId !== null,
      resolution: i.resolution,
    })),
    decision: v.decision
      ? {
          id: v.decision.id,
          outcome: v.decision.outcome,
          decidedOn: v.decision.decidedOn,
          rationale: v.decision.rationale,
          conditions: v.decision.conditions,
          appealWindowEndsOn: v.decision.appealWindowEndsOn,
          document: v.decision.document,
        }
      : null,
  };
}
