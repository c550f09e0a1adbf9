import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit log. A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. Rows form
 * one hash chain per `chain` (the force id, or `_system`): `hash` = SHA-256 over `prev_hash` and the row's
 * canonical content, so any edit, deletion or insertion behind the application's back breaks the chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    forceId: text('force_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    requestId: text('request_id'),
    eventType: text('event_type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    personId: uuid('person_id'),
    payload: jsonb('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_chain_idx').on(t.chain, t.seq),
    index('audit_events_person_idx').on(t.personId, t.seq),
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
    index('audit_events_type_idx').on(t.eventType, t.seq),
  ],
);

/** The head of each chain, updated in the same transaction: locking it orders writers, and it detects a cut tail. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
