import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { auditChainHeads, auditEvents, users } from '../../db/schema/index.ts';
import { GENESIS_HASH, hashAuditRow, type ChainRow, type ChainedContent } from './audit-chain.ts';

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

export async function listChains(db: Db): Promise<{ chain: string; lastSeq: number; lastHash: string }[]> {
  const heads = await db.select().from(auditChainHeads).orderBy(auditChainHeads.chain);
  const chainsWithRows = await db.selectDistinct({ chain: auditEvents.chain }).from(auditEvents);
  const known = new Set(heads.map((h) => h.chain));
  // A chain with rows but no head means the head was removed behind our back: report it with lastSeq -1.
  return [
    ...heads,
    ...chainsWithRows.filter((c) => !known.has(c.chain)).map((c) => ({ chain: c.chain, lastSeq: -1, lastHash: '' })),
  ];
}

/** Rows of one chain after `afterSeq`, in order, with the timestamp exactly as it was hashed. */
export async function readChainRows(db: Db, chain: string, afterSeq: number, limit: number): Promise<ChainRow[]> {
  const rows = await db
    .select({
      seq: auditEvents.seq,
      chain: auditEvents.chain,
      forceId: auditEvents.forceId,
      occurredAt: sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      actorUserId: auditEvents.actorUserId,
      actorLabel: auditEvents.actorLabel,
      requestId: auditEvents.requestId,
      eventType: auditEvents.eventType,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      personId: auditEvents.personId,
      payload: auditEvents.payload,
      prevHash: auditEvents.prevHash,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.chain, chain), sql`${auditEvents.seq} > ${afterSeq}`))
    .orderBy(auditEvents.seq)
    .limit(limit);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export type AuditFilter = {
  forceId: string;
  personId?: string | undefined;
  actorUserId?: string | undefined;
  eventType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function auditWhere(f: AuditFilter): SQL | undefined {
  return and(
    eq(auditEvents.chain, f.forceId),
    f.personId ? eq(auditEvents.personId, f.personId) : undefined,
    f.actorUserId ? eq(auditEvents.actorUserId, f.actorUserId) : undefined,
    f.eventType ? eq(auditEvents.eventType, f.eventType) : undefined,
    f.from ? gte(auditEvents.occurredAt, `${f.from}T00:00:00Z`) : undefined,
    // `to` is inclusive of the whole day.
    f.to ? lt(auditEvents.occurredAt, sql`(${f.to}::date + 1)::timestamptz`) : undefined,
  );
}

export async function searchAuditEvents(db: Db, f: AuditFilter, page: { limit: number; offset: number }) {
  const where = auditWhere(f);
  const [countRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(where);
  const rows = await db
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actorUserId: auditEvents.actorUserId,
      actorLabel: auditEvents.actorLabel,
      actorEmail: users.email,
      requestId: auditEvents.requestId,
      eventType: auditEvents.eventType,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      personId: auditEvents.personId,
      payload: auditEvents.payload,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(page.limit)
    .offset(page.offset);
  return { total: countRow?.n ?? 0, rows: rows.map((r) => ({ ...r, seq: Number(r.seq) })) };
}

/** The stored hash of one row of a chain, or null if there is no such row. */
export async function chainRowHash(db: Db, chain: string, seq: number): Promise<string | null> {
  const rows = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(and(eq(auditEvents.chain, chain), eq(auditEvents.seq, seq)));
  return rows[0]?.hash ?? null;
}
