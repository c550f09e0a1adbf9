import { isoDateString } from '../../validation.ts';
import { z } from 'zod';

/**
 * The audit events of oversight (exports, dip sampling) and publication, owned by this feature and joined
 * into the one typed union in audit/audit-events.ts. Payloads carry ids, dates and table names only: never
 * figures, names or case content. Adding an event here needs its words in {@link summariseOversightEvent}.
 */
const uuid = z.string().uuid();
const day = isoDateString();

export const oversightAuditEvents = [
  z.object({
    type: z.literal('oversight.exported'),
    table: z.string(),
    format: z.enum(['csv', 'xlsx']),
    period: z.string(),
    suppressed: z.boolean(),
  }),
  z.object({
    type: z.literal('oversight.sample_granted'),
    sampleId: uuid,
    granteeUserId: uuid,
    caseIds: z.array(uuid),
    startsOn: day,
    endsOn: day,
  }),
  z.object({ type: z.literal('oversight.sample_revoked'), sampleId: uuid, granteeUserId: uuid }),
  z.object({ type: z.literal('oversight.sample_case_viewed'), sampleId: uuid, caseId: uuid, reference: z.string() }),
  z.object({ type: z.literal('oversight.publication_created'), publicationId: uuid, caseId: uuid, hearingOn: day }),
  z.object({ type: z.literal('oversight.publication_published'), publicationId: uuid, caseId: uuid, hearingOn: day }),
  z.object({ type: z.literal('oversight.publication_outcome'), publicationId: uuid, caseId: uuid, outcomeOn: day }),
  z.object({ type: z.literal('oversight.publication_withdrawn'), publicationId: uuid, caseId: uuid }),
] as const;

export type OversightAuditEvent = z.infer<(typeof oversightAuditEvents)[number]>;

export function summariseOversightEvent(e: OversightAuditEvent): string {
  switch (e.type) {
    case 'oversight.exported':
      return `Exported ${e.table} as ${e.format.toUpperCase()} (${e.period}${e.suppressed ? ', small numbers suppressed' : ', unsuppressed'})`;
    case 'oversight.sample_granted':
      return `Granted a dip sample of ${e.caseIds.length} case${e.caseIds.length === 1 ? '' : 's'} from ${e.startsOn} to ${e.endsOn}`;
    case 'oversight.sample_revoked':
      return 'Ended a dip sample early';
    case 'oversight.sample_case_viewed':
      return `Read case ${e.reference} in a dip sample`;
    case 'oversight.publication_created':
      return `Drafted a public notice of the hearing on ${e.hearingOn}`;
    case 'oversight.publication_published':
      return `Published the notice of the hearing on ${e.hearingOn}`;
    case 'oversight.publication_outcome':
      return `Recorded the published outcome of a hearing (${e.outcomeOn})`;
    case 'oversight.publication_withdrawn':
      return 'Withdrew a public hearing notice';
    default: {
      const unhandled: never = e;
      return String(unhandled);
    }
  }
}
