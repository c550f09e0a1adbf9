import { z } from 'zod';

/**
 * The audit events of the recommendation tracker, owned by this feature and joined into the one typed union
 * in audit/audit-events.ts. Payloads carry ids, statuses and titles, never a comment's words or a file's
 * content. Adding an event here needs its words in {@link summariseRecommendationEvent}.
 */
const uuid = z.string().uuid();
const status = z.string();

export const recommendationAuditEvents = [
  z.object({ type: z.literal('recommendation.report_created'), reportId: uuid, title: z.string() }),
  z.object({
    type: z.literal('recommendation.item_added'),
    reportId: uuid,
    itemId: uuid,
    label: z.string(),
    /** A force's own local item of a shared report (report-ownership.ts). */
    local: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('recommendation.item_edited'),
    reportId: uuid,
    itemId: uuid,
    label: z.string(),
    changed: z.array(z.string()),
  }),
  z.object({
    type: z.literal('recommendation.items_imported'),
    reportId: uuid,
    lines: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  }),
  z.object({
    type: z.literal('recommendation.owner_set'),
    itemId: uuid,
    responseId: uuid,
    ownerUserId: uuid.nullable(),
  }),
  z.object({
    type: z.literal('recommendation.self_assessed'),
    itemId: uuid,
    responseId: uuid,
    from: status,
    to: status,
    signOffReset: z.boolean(),
  }),
  z.object({
    type: z.literal('recommendation.verified'),
    itemId: uuid,
    responseId: uuid,
    from: status.nullable(),
    to: status,
  }),
  z.object({
    type: z.literal('recommendation.action_added'),
    itemId: uuid,
    responseId: uuid,
    actionId: uuid,
    dueOn: z.string().nullable(),
  }),
  z.object({
    type: z.literal('recommendation.action_updated'),
    itemId: uuid,
    responseId: uuid,
    actionId: uuid,
    dueOn: z.string().nullable(),
    doneOn: z.string().nullable(),
  }),
  z.object({
    type: z.literal('recommendation.evidence_added'),
    itemId: uuid,
    responseId: uuid,
    evidenceId: uuid,
    kind: z.enum(['file', 'link']),
    title: z.string(),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
  }),
  z.object({ type: z.literal('recommendation.evidence_viewed'), itemId: uuid, evidenceId: uuid, fileName: z.string() }),
  z.object({
    type: z.literal('recommendation.comment_added'),
    itemId: uuid,
    responseId: uuid,
    commentId: uuid,
    side: z.enum(['force', 'commissioner']),
  }),
  z.object({ type: z.literal('recommendation.signed_off'), itemId: uuid, responseId: uuid, status }),
  z.object({
    type: z.literal('recommendation.response_generated'),
    reportId: uuid,
    publishedResponseId: uuid,
    items: z.number().int(),
  }),
  z.object({
    type: z.literal('recommendation.response_published'),
    reportId: uuid,
    publishedResponseId: uuid,
    publishedOn: z.string(),
  }),
] as const;

export type RecommendationAuditEvent = z.infer<(typeof recommendationAuditEvents)[number]>;

const words = (s: string | null) => (s === null ? 'not assessed' : s.replaceAll('_', ' '));

export function summariseRecommendationEvent(e: RecommendationAuditEvent): string {
  switch (e.type) {
    case 'recommendation.report_created':
      return `Added the inspection report “${e.title}”`;
    case 'recommendation.item_added':
      return e.local
        ? `Added ${e.label} to an inspection report, local to the force`
        : `Added ${e.label} to an inspection report`;
    case 'recommendation.item_edited':
      return `Changed ${e.label}: ${e.changed.join(', ')}`;
    case 'recommendation.items_imported':
      return `Imported ${e.lines} report items from CSV: ${e.added} added, ${e.updated} updated, ${e.unchanged} unchanged`;
    case 'recommendation.owner_set':
      return e.ownerUserId
        ? 'Named the accountable owner of a recommendation'
        : 'Cleared the accountable owner of a recommendation';
    case 'recommendation.self_assessed':
      return `Force status: ${words(e.from)} → ${words(e.to)}${e.signOffReset ? ' (chief officer sign-off reset)' : ''}`;
    case 'recommendation.verified':
      return `Verified status: ${words(e.from)} → ${words(e.to)}`;
    case 'recommendation.action_added':
      return `Added an action${e.dueOn ? ` due ${e.dueOn}` : ''}`;
    case 'recommendation.action_updated':
      return `Updated an action${e.doneOn ? ` (done ${e.doneOn})` : ''}`;
    case 'recommendation.evidence_added':
      return `Added evidence (${e.kind}) “${e.title}”`;
    case 'recommendation.evidence_viewed':
      return `Downloaded evidence “${e.fileName}”`;
    case 'recommendation.comment_added':
      return `Commented (${e.side === 'force' ? 'force' : 'commissioner’s office'})`;
    case 'recommendation.signed_off':
      return `Chief officer signed off the force status (${words(e.status)})`;
    case 'recommendation.response_generated':
      return `Generated the commissioner’s response (${e.items} items)`;
    case 'recommendation.response_published':
      return `Published the commissioner’s response on ${e.publishedOn}`;
    default: {
      const unhandled: never = e;
      return String(unhandled);
    }
  }
}
