import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf } from '../../../kernel/http/guards.ts';
import { adverseInfoTypes, adverseRelations, checkStatuses, checkTypes } from '../../../db/schema/index.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';
import { dueTag } from '../../clocks/index.ts';
import { toDayNumber } from '../../../kernel/time/iso-date.ts';
import { errorSummary } from '../../../kernel/forms.ts';
import { declarationCategoryLabel } from './declaration-categories.ts';
import { RATIONALE_LABELS, RATIONALE_PARTS, REVIEW_OUTCOMES } from '../decisions/decision-rules.ts';
import {
  ADVERSE_TYPE_LABELS,
  CHECK_STATUS_LABELS,
  CHECK_TYPE_LABELS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  RELATION_LABELS,
  SCALE,
} from './review-labels.ts';
import { TRIGGER_LABELS } from './review-triggers.ts';
import { viewReview } from './view-review.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

export type ReviewPageExtra = {
  status?: number;
  fields?: FieldErrors;
  values?: Record<string, unknown>;
  flash?: string;
  dateFields?: string[];
};

/** Words for the source of a review: a conduct case by its reference only, never its content. */
function sourceText(review: { sourceKey: string; caseReference: string | null; trigger: string }): string {
  if (review.caseReference) return `Conduct case ${review.caseReference}`;
  const [kind, , expiry] = review.sourceKey.split(':');
  if (kind === 'declaration') return 'A declaration by the person (below)';
  if (kind === 'transfer') return 'A transfer in (summary below)';
  if (kind === 'random') return `Random sample of ${review.sourceKey.slice('random:'.length)}`;
  if (kind === 'clearance') return `Clearance expiring ${expiry ?? ''}`;
  if (kind === 'restriction') return 'A restriction of duties or a suspension';
  if (kind === 'allegation' || kind === 'criminal') return 'A conduct case';
  return review.sourceKey;
}

/** Renders the review page (GET, and every form on it re-rendered with its errors and values). */
export async function showReview(
  deps: Deps,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  extra: ReviewPageExtra = {},
) {
  const principal = principalOf(request);
  const v = await viewReview(deps, principal, request.params.id, request.id);
  const r = v.review;
  const open = r.status === 'open';
  const unresolved = v.adverseItems.filter((i) => !i.resolvedByDecisionId);
  return reply.code(extra.status ?? 200).page('vetting/views/review.njk', {
    pageTitle: `Vetting review – ${r.givenName} ${r.familyName}`,
    review: r,
    triggerLabel: TRIGGER_LABELS[r.trigger],
    source: sourceText(r),
    dueTag: open ? dueTag(toDayNumber(r.dueOn) - toDayNumber(v.today)) : null,
    canDecide: open && vettingFilePolicy.decide(principal),
    declaration: v.declaration
      ? { ...v.declaration, categoryLabel: declarationCategoryLabel(v.declaration.category) }
      : null,
    clearances: v.clearances.map((c) => ({ ...c, levelLabel: LEVEL_LABELS[c.level] })),
    checks: v.checks.map((c) => ({
      ...c,
      typeLabel: CHECK_TYPE_LABELS[c.checkType],
      statusLabel: CHECK_STATUS_LABELS[c.status],
    })),
    adverseItems: v.adverseItems.map((i) => ({
      ...i,
      typeLabel: ADVERSE_TYPE_LABELS[i.infoType],
      relationLabel: RELATION_LABELS[i.relation],
      resolution: i.resolution as Record<string, string> | null,
    })),
    unresolved: unresolved.map((i) => ({
      id: i.id,
      title: `${ADVERSE_TYPE_LABELS[i.infoType]} – ${i.source}`,
      description: i.description,
    })),
    decision: v.decision
      ? {
          ...v.decision,
          outcomeLabel: OUTCOME_LABELS[v.decision.outcome as keyof typeof OUTCOME_LABELS] ?? v.decision.outcome,
          document: v.decision.document as Record<string, unknown>,
        }
      : null,
    officers: v.officers,
    choices: {
      checkTypes: checkTypes.map((t) => ({ value: t, text: CHECK_TYPE_LABELS[t] })),
      checkStatuses: checkStatuses.map((s) => ({ value: s, text: CHECK_STATUS_LABELS[s] })),
      infoTypes: adverseInfoTypes.map((t) => ({ value: t, text: ADVERSE_TYPE_LABELS[t] })),
      relations: adverseRelations.map((t) => ({ value: t, text: RELATION_LABELS[t] })),
      scale: SCALE,
      outcomes: REVIEW_OUTCOMES.map((o) => ({ value: o, text: OUTCOME_LABELS[o] })),
      rationaleParts: RATIONALE_PARTS.map((p) => ({ part: p, label: RATIONALE_LABELS[p] })),
    },
    today: v.today,
    flash: extra.flash,
    fields: extra.fields,
    errors: extra.fields ? errorSummary(extra.fields, extra.dateFields ?? []) : undefined,
    values: extra.values ?? {},
  });
}
