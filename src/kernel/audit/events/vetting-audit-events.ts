import { z } from 'zod';

/**
 * The audit events of vetting, owned by this feature and joined into the one typed union in
 * audit/audit-events.ts. Payloads carry ids and outcomes only, never the content of a vetting file.
 * Adding an event here needs its words in {@link summariseVettingEvent}.
 */
const uuid = z.string().uuid();

export const vettingAuditEvents = [
  z.object({
    type: z.literal('vetting.review_opened'),
    reviewId: uuid,
    personId: uuid,
    trigger: z.string(),
    sourceKey: z.string(),
    dueOn: z.string(),
  }),
  // Reviews, declarations, transfers in, random reviews and vetting deadlines (the reviews engineer's part).
  z.object({ type: z.literal('vetting.review_viewed'), reviewId: uuid, personId: uuid }),
  z.object({
    type: z.literal('vetting.reviews_listed'),
    filters: z.record(z.string(), z.string()),
    resultCount: z.number().int(),
  }),
  z.object({ type: z.literal('vetting.review_assigned'), reviewId: uuid, assignedUserId: uuid.nullable() }),
  z.object({
    type: z.literal('vetting.review_check_recorded'),
    reviewId: uuid,
    checkId: uuid,
    checkType: z.string(),
    status: z.string(),
  }),
  z.object({ type: z.literal('vetting.review_adverse_recorded'), reviewId: uuid, itemId: uuid }),
  z.object({
    type: z.literal('vetting.review_decided'),
    reviewId: uuid,
    decisionId: uuid,
    personId: uuid,
    outcome: z.string(),
    clearancesWithdrawn: z.array(uuid),
    appealWindowEndsOn: z.string().nullable(),
  }),
  z.object({ type: z.literal('vetting.declaration_made'), declarationId: uuid, personId: uuid, reviewId: uuid }),
  z.object({
    type: z.literal('vetting.transfer_in_recorded'),
    personId: uuid,
    reviewId: uuid,
    transferredOn: z.string(),
    checksOutstanding: z.boolean(),
  }),
  z.object({
    type: z.literal('vetting.random_reviews_opened'),
    on: z.string(),
    percent: z.number(),
    seed: z.number().int(),
    sampled: z.number().int(),
    opened: z.number().int(),
  }),
  z.object({ type: z.literal('vetting.deadlines_listed'), resultCount: z.number().int() }),
  z.object({ type: z.literal('vetting.clock_due'), clockId: uuid, period: z.string(), dueOn: z.string() }),
  z.object({
    type: z.literal('vetting.clock_overdue'),
    clockId: uuid,
    period: z.string(),
    dueOn: z.string(),
    sweptOn: z.string(),
  }),
  z.object({ type: z.literal('vetting.window_elapsed'), clockId: uuid, period: z.string(), dueOn: z.string() }),
  z.object({ type: z.literal('vetting.clearance_expired'), clearanceId: uuid, personId: uuid, expiresOn: z.string() }),
  // Clearances, designated posts, applications, decisions, appeals and the barred/advisory lists.
  z.object({
    type: z.literal('vetting.file_viewed'),
    file: z.enum(['person', 'application', 'decision', 'appeal']),
    id: uuid,
    personId: uuid.nullable(),
  }),
  z.object({
    type: z.literal('vetting.list_viewed'),
    list: z.string(),
    filters: z.record(z.string(), z.string()),
    resultCount: z.number().int(),
  }),
  z.object({
    type: z.literal('vetting.clearance_recorded'),
    clearanceId: uuid,
    personId: uuid,
    level: z.string(),
    grantedOn: z.string(),
    expiresOn: z.string(),
    source: z.enum(['existing', 'decision']),
    decisionId: uuid.nullable(),
  }),
  z.object({ type: z.literal('vetting.clearance_reinstated'), clearanceId: uuid, personId: uuid, appealId: uuid }),
  z.object({ type: z.literal('vetting.post_added'), postId: uuid, requiredLevel: z.string() }),
  z.object({ type: z.literal('vetting.post_deactivated'), postId: uuid }),
  z.object({
    type: z.literal('vetting.application_created'),
    applicationId: uuid,
    reference: z.string(),
    kind: z.string(),
    level: z.string(),
  }),
  z.object({
    type: z.literal('vetting.check_recorded'),
    applicationId: uuid,
    checkId: uuid,
    checkType: z.string(),
    status: z.string(),
  }),
  z.object({
    type: z.literal('vetting.adverse_recorded'),
    applicationId: uuid,
    itemId: uuid,
    infoType: z.string(),
    severity: z.number().int(),
    credibility: z.number().int(),
  }),
  z.object({
    type: z.literal('vetting.lists_checked'),
    applicationId: uuid,
    entriesChecked: z.number().int(),
    matchesFound: z.number().int(),
  }),
  z.object({ type: z.literal('vetting.match_decided'), applicationId: uuid, matchId: uuid, decision: z.string() }),
  z.object({
    type: z.literal('vetting.application_decided'),
    applicationId: uuid,
    decisionId: uuid,
    outcome: z.string(),
    clearanceId: uuid.nullable(),
    supersededClearanceIds: z.array(uuid),
    appealWindowEndsOn: z.string().nullable(),
  }),
  z.object({
    type: z.literal('vetting.applicant_linked'),
    applicationId: uuid,
    personId: uuid,
    clearanceId: uuid.nullable(),
  }),
  z.object({ type: z.literal('vetting.appeal_lodged'), appealId: uuid, decisionId: uuid, lodgedOn: z.string() }),
  z.object({
    type: z.literal('vetting.appeal_decided'),
    appealId: uuid,
    decisionId: uuid,
    outcome: z.string(),
    reinstatedClearanceIds: z.array(uuid),
  }),
  z.object({
    type: z.literal('vetting.withdrawal_appeal_lodged'),
    appealId: uuid,
    decisionId: uuid,
    lodgedOn: z.string(),
    lodgedBy: z.string(),
    decideBy: z.string(),
  }),
  z.object({
    type: z.literal('vetting.withdrawal_appeal_decided'),
    appealId: uuid,
    decisionId: uuid,
    outcome: z.string(),
    restoredClearanceIds: z.array(uuid),
    dismissalFollows: z.boolean().nullable(),
    tribunalWindowEndsOn: z.string().nullable(),
  }),
  z.object({
    type: z.literal('vetting.list_imported'),
    list: z.string(),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int().optional(),
    restored: z.number().int().optional(),
  }),
  z.object({ type: z.literal('vetting.own_returns_synced'), added: z.number().int() }),
] as const;

export type VettingAuditEvent = z.infer<(typeof vettingAuditEvents)[number]>;

export function summariseVettingEvent(e: VettingAuditEvent): string {
  switch (e.type) {
    case 'vetting.review_opened':
      return `Opened a vetting review (${e.trigger.replaceAll('_', ' ')}), due ${e.dueOn}`;
    case 'vetting.review_viewed':
      return 'Looked at a vetting review';
    case 'vetting.reviews_listed':
      return `Listed vetting reviews (${e.resultCount} found)`;
    case 'vetting.review_assigned':
      return e.assignedUserId ? 'Assigned a vetting review' : 'Took a vetting review off its assignee';
    case 'vetting.review_check_recorded':
      return `Recorded a ${e.checkType.replaceAll('_', ' ')} check on a vetting review: ${e.status.replaceAll('_', ' ')}`;
    case 'vetting.review_adverse_recorded':
      return 'Recorded adverse information on a vetting review';
    case 'vetting.review_decided':
      return `Decided a vetting review: ${e.outcome.replaceAll('_', ' ')}${e.clearancesWithdrawn.length ? `, ${e.clearancesWithdrawn.length} clearance(s) withdrawn, appeal window ends ${e.appealWindowEndsOn ?? ''}` : ''}`;
    case 'vetting.declaration_made':
      return 'Declared a change of circumstances';
    case 'vetting.transfer_in_recorded':
      return `Recorded a transfer in on ${e.transferredOn}${e.checksOutstanding ? ' (parent-force checks outstanding)' : ''}`;
    case 'vetting.random_reviews_opened':
      return `Opened ${e.opened} random vetting reviews for ${e.on} (${e.percent}% sample, seed ${e.seed})`;
    case 'vetting.deadlines_listed':
      return `Listed vetting deadlines (${e.resultCount} found)`;
    case 'vetting.clock_due':
      return `A vetting time limit (${e.period.replaceAll('_', ' ')}) fell due on ${e.dueOn}`;
    case 'vetting.clock_overdue':
      return `A vetting time limit (${e.period.replaceAll('_', ' ')}) due ${e.dueOn} went overdue`;
    case 'vetting.window_elapsed':
      return `A vetting window (${e.period.replaceAll('_', ' ')}) ended on ${e.dueOn}`;
    case 'vetting.clearance_expired':
      return `A vetting clearance expired (last day ${e.expiresOn})`;
    case 'vetting.file_viewed':
      return `Looked at a vetting file (${e.file})`;
    case 'vetting.list_viewed':
      return `Listed ${e.list.replaceAll('_', ' ')} (${e.resultCount} found)`;
    case 'vetting.clearance_recorded':
      return `Recorded ${e.level} clearance granted ${e.grantedOn}, expiring ${e.expiresOn}${e.source === 'existing' ? ' (granted before Probity)' : ''}`;
    case 'vetting.clearance_reinstated':
      return 'Reinstated a vetting clearance after an upheld appeal';
    case 'vetting.post_added':
      return `Added a designated post requiring ${e.requiredLevel}`;
    case 'vetting.post_deactivated':
      return 'Deactivated a designated post';
    case 'vetting.application_created':
      return `Opened vetting application ${e.reference} (${e.kind.replaceAll('_', ' ')}, ${e.level})`;
    case 'vetting.check_recorded':
      return `Recorded a ${e.checkType.replaceAll('_', ' ')} check on a vetting application: ${e.status.replaceAll('_', ' ')}`;
    case 'vetting.adverse_recorded':
      return `Recorded adverse information (${e.infoType.replaceAll('_', ' ')}, severity ${e.severity}, credibility ${e.credibility}) on a vetting application`;
    case 'vetting.lists_checked':
      return `Checked a vetting application against ${e.entriesChecked} barred and advisory list entries: ${e.matchesFound} possible matches`;
    case 'vetting.match_decided':
      return `Decided a possible list match: ${e.decision.replaceAll('_', ' ')}`;
    case 'vetting.application_decided':
      return `Decided a vetting application: ${e.outcome.replaceAll('_', ' ')}${e.appealWindowEndsOn ? `, appeal window ends ${e.appealWindowEndsOn}` : ''}`;
    case 'vetting.applicant_linked':
      return `Linked a vetting applicant to their person record${e.clearanceId ? ' and recorded the clearance granted' : ''}`;
    case 'vetting.appeal_lodged':
      return `Lodged a vetting appeal on ${e.lodgedOn}`;
    case 'vetting.appeal_decided':
      return `Decided a vetting appeal: ${e.outcome}${e.reinstatedClearanceIds.length ? `, ${e.reinstatedClearanceIds.length} clearance(s) reinstated` : ''}`;
    case 'vetting.withdrawal_appeal_lodged':
      return `Lodged an appeal against a withdrawal of vetting clearance on ${e.lodgedOn}, for the panel by ${e.decideBy}`;
    case 'vetting.withdrawal_appeal_decided':
      return `Decided an appeal against a withdrawal of vetting clearance: ${e.outcome}${e.restoredClearanceIds.length ? `, ${e.restoredClearanceIds.length} clearance(s) restored` : ''}${e.dismissalFollows ? ', dismissal follows' : ''}`;
    case 'vetting.list_imported':
      return `Imported the national ${e.list} list: ${e.rows} rows, ${e.inserted} new, ${e.updated} changed, ${e.unchanged} unchanged${
        e.removed ? `, ${e.removed} taken off the list` : ''
      }${e.restored ? `, ${e.restored} back on the list` : ''}`;
    case 'vetting.own_returns_synced':
      return `Added ${e.added} of the force's own list returns to the list entries`;
    default: {
      const unhandled: never = e;
      return String(unhandled);
    }
  }
}
