import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { auditChainHeads, auditEvents } from '../../db/schema/index.ts';
import { GENESIS_HASH, hashAuditRow, type ChainedContent } from './audit-chain.ts';

type NewAuditRow = Omit<ChainedContent, 'seq' | 'chain'>;

/**
 * Appends one row to its force's chain. Must run inside the transaction of the change it records:
 * the chain head row is locked FOR UPDATE, which orders concurrent writers of the same chain.
 */
export async function appendAuditRow(tx: Db, row: NewAuditRow): Promise<number> {
  const chain = row.forceId ?? '_system';
  await tx.insert(auditChainHeads).values({ chain, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx
    .select({ lastHash: auditChainHeads.lastHash })
    .from(auditChainHeads)
    .where(eq(auditChainHeads.chain, chain))
    .for('update');
  if (!head) throw new Error(`audit chain head ${chain} vanished`);
  const [next] = await rawRows<{ seq: string }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('audit_events', 'seq')) as seq`,
  );
  const seq = Number(next?.seq);
  const content: ChainedContent = { ...row, seq, chain };
  const hash = hashAuditRow(head.lastHash, content);
  await tx.insert(auditEvents).values({
    seq,
    chain,
    forceId: row.forceId,
    occurredAt: row.occurredAt,
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    requestId: row.requestId,
    eventType: row.eventType,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    personId: row.personId,
    payload: row.payload,
    prevHash: head.lastHash,
    hash,
  });
  await tx.update(auditChainHeads).set({ lastSeq: seq, lastHash: hash }).where(eq(auditChainHeads.chain, chain));
  return seq;
}
