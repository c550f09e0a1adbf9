import { and, asc, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { outbox } from '../../db/schema/index.ts';

/**
 * The e-mail outbox: messages queued (idempotent on their dedupe keys), claimed under a lease by a sender,
 * marked sent or failed, gathered into the daily digest, and listed for administrators.
 */

export type NewOutboxMessage = typeof outbox.$inferInsert;
export type OutboxRow = typeof outbox.$inferSelect;

export async function insertOutboxMessage(tx: Db, values: NewOutboxMessage): Promise<boolean> {
  const rows = await tx.insert(outbox).values(values).onConflictDoNothing().returning({ id: outbox.id });
  return rows.length === 1;
}

/**
 * Claims up to `limit` immediate messages that are due to be tried, for `leaseSeconds`: locked FOR UPDATE
 * SKIP LOCKED so that two senders take different rows, then leased (status 'sending', locked_until) so the
 * SMTP conversation happens outside any transaction. A sender that dies leaves a lease that runs out.
 */
export async function claimDueMessages(db: Db, now: Date, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const ids = await rawRows<{ id: string }>(
      tx,
      sql`select o.id from outbox o
        where o.digest = 'immediate' and o.next_attempt_at <= ${now.toISOString()}::timestamptz
          and (o.status = 'pending' or (o.status = 'sending' and o.locked_until < ${now.toISOString()}::timestamptz))
        order by o.next_attempt_at limit ${limit} for update skip locked`,
    );
    if (ids.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: 'sending', lockedUntil: new Date(now.getTime() + leaseSeconds * 1000) })
      .where(
        inArray(
          outbox.id,
          ids.map((r) => r.id),
        ),
      )
      .returning();
  });
}

export async function markMessageSent(db: Db, id: string, at: Date, messageId: string | null): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: at, lockedUntil: null, messageId, attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id));
}

export async function markMessageFailedAttempt(
  db: Db,
  id: string,
  failure: { error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: failure.retryAt ? 'pending' : 'failed',
      nextAttemptAt: failure.retryAt ?? sql`${outbox.nextAttemptAt}`,
      lockedUntil: null,
      lastError: failure.error.slice(0, 1000),
      attempts: sql`${outbox.attempts} + 1`,
    })
    .where(eq(outbox.id, id));
}

/** Digest messages still waiting, with their recipients, for the daily digest. */
export async function lockWaitingDigestMessages(tx: Db, limit: number): Promise<OutboxRow[]> {
  return tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.digest, 'digest'), eq(outbox.status, 'pending')))
    .orderBy(asc(outbox.userId), asc(outbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markMessagesDigested(tx: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(outbox).set({ status: 'digested', sentAt: at }).where(inArray(outbox.id, ids));
}

export type OutboxFilter = { forceId: string; status?: (typeof outbox.$inferSelect)['status']; limit: number };

/** The outbox for administrators: recipients, subjects and states, never bodies. Failed and waiting first. */
export async function listOutbox(db: Db, f: OutboxFilter) {
  return db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      kind: outbox.kind,
      subject: outbox.subject,
      status: outbox.status,
      digest: outbox.digest,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(and(eq(outbox.forceId, f.forceId), f.status ? eq(outbox.status, f.status) : undefined))
    .orderBy(
      sql`case ${outbox.status} when 'failed' then 0 when 'pending' then 1 when 'sending' then 2 else 3 end`,
      desc(outbox.createdAt),
    )
    .limit(f.limit);
}

export async function countOutboxByStatus(db: Db, forceId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(eq(outbox.forceId, forceId))
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function outboxMessagesDueBefore(db: Db, at: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), eq(outbox.digest, 'immediate'), lte(outbox.nextAttemptAt, at)));
  return row?.n ?? 0;
}
