import { isoDateString } from '../../kernel/validation.ts';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { listUsersOfForce } from '../auth/index.ts';
import { auditPolicy } from './audit.policy.ts';
import { auditEventTypes } from '../../kernel/audit/audit-events.ts';
import { searchAuditEvents } from './audit.repository.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';

export const AUDIT_PAGE_SIZE = 50;

/** Field messages in GOV.UK style: they say what to do, and are shown next to the field at fault. */
const messages = {
  personId: 'Enter a person ID in the correct format, like 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
  actor: 'Select a user from the list',
  eventType: 'Select an event type from the list',
  from: 'Start date must be a real date in the format YYYY-MM-DD, like 2025-03-27',
  to: 'End date must be a real date in the format YYYY-MM-DD, like 2025-03-31',
  toBeforeFrom: 'End date must be the same as or after the start date',
  page: 'Page must be a whole number from 1 to 1000000',
} as const;

/**
 * Any 8-4-4-4-12 hex id, as PostgreSQL's uuid type accepts: a stricter RFC check would make some stored
 * ids unsearchable, while anything looser would reach the database as a failed cast.
 */
const uuidField = (error: string) => z.guid({ error });
const dateField = (error: string) => isoDateString(error);

/**
 * The filters exactly as a query string carries them, every one optional. The API documents and checks
 * its query with this; the page goes through `listAuditEventsInput`, which also forgives blank fields.
 */
export const auditFilterQuery = z.object({
  personId: uuidField(messages.personId).optional().describe('Only events about this person'),
  actor: uuidField(messages.actor).optional().describe('Only events done by this user (user id)'),
  eventType: z.enum(auditEventTypes, { error: messages.eventType }).optional().describe('Only events of this type'),
  from: dateField(messages.from).optional().describe('Only events on or after this date (YYYY-MM-DD, UTC)'),
  to: dateField(messages.to).optional().describe('Only events on or before this date (YYYY-MM-DD, UTC)'),
  page: z.coerce
    .number({ error: messages.page })
    .int({ error: messages.page })
    .min(1, { error: messages.page })
    // Keeps the row offset a safe integer; a million pages of 50 is far beyond any real log.
    .max(1_000_000, { error: messages.page })
    .default(1)
    .describe(`Page number; ${AUDIT_PAGE_SIZE} events per page, newest first`),
});

/**
 * A GET form submits every field, empty or not: an empty field means "any", so blanks are dropped (and
 * stray spaces around a pasted id trimmed) before the filters are checked.
 */
function withoutBlanks(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const trimmed = typeof v === 'string' ? v.trim() : v;
    if (trimmed !== '' && trimmed !== undefined) kept[key] = trimmed;
  }
  return kept;
}

export const listAuditEventsInput = z
  .preprocess(withoutBlanks, auditFilterQuery)
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], error: messages.toBeforeFrom });

export type AuditFilters = z.output<typeof listAuditEventsInput>;

/** One audit row as the log shows it. `occurredAt` is an ISO 8601 UTC string whichever driver read it. */
export type AuditLogEntry = {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  /** The actor's current email, when the actor is a user of the service. */
  actorEmail: string | null;
  eventType: string;
  subjectType: string;
  subjectId: string;
  personId: string | null;
  requestId: string | null;
  payload: unknown;
};

export type AuditLogPage = {
  total: number;
  rows: AuditLogEntry[];
  page: number;
  /** At least 1, so that "page 1 of 1" holds even when nothing matches. */
  pageCount: number;
  /** The checked filters, for building links to other pages of the same search. */
  filters: AuditFilters;
};

/** The filters that were set, as the `audit.searched` event records them (strings only, no blanks). */
function recordedFilters(f: AuditFilters): Record<string, string> {
  const recorded: Record<string, string> = {};
  if (f.personId) recorded['personId'] = f.personId;
  if (f.actor) recorded['actor'] = f.actor;
  if (f.eventType) recorded['eventType'] = f.eventType;
  if (f.from) recorded['from'] = f.from;
  if (f.to) recorded['to'] = f.to;
  return recorded;
}

/**
 * Searches the audit log of the principal's own force, newest first. There is deliberately no way to ask
 * for another force's log: the force comes from the principal, never from the input.
 *
 * Looking at the audit log is itself an access to personal data, so every search is recorded, in the same
 * transaction as the read: if the record cannot be written, nothing is returned. Invalid filters are
 * refused before anything is read or written.
 */
export async function listAuditEvents(
  deps: Deps,
  principal: Principal | null | undefined,
  requestId: string | null,
  input: unknown,
): Promise<AuditLogPage> {
  authorizeBy(principal, auditPolicy.read);
  const filters = parseInput(listAuditEventsInput, input, 'Check the audit log filters');
  const recorded = recordedFilters(filters);

  const found = await deps.db.transaction(async (tx) => {
    const result = await searchAuditEvents(
      tx,
      {
        forceId: principal.forceId,
        personId: filters.personId,
        actorUserId: filters.actor,
        eventType: filters.eventType,
        from: filters.from,
        to: filters.to,
      },
      { limit: AUDIT_PAGE_SIZE, offset: (filters.page - 1) * AUDIT_PAGE_SIZE },
    );
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'audit', id: 'search' },
      {
        type: 'audit.searched',
        filters: recorded,
        resultCount: result.total,
      },
    );
    return result;
  });

  return {
    total: found.total,
    // The driver hands back PostgreSQL's own timestamp text; callers get one format.
    rows: found.rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() })),
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(found.total / AUDIT_PAGE_SIZE)),
    filters,
  };
}

/** The users of the reader's own force, for the log's "who did it" filter. */
export async function auditActorChoices(deps: Deps, principal: Principal | null) {
  authorizeBy(principal, auditPolicy.read);
  return listUsersOfForce(deps.db, principal.forceId);
}
