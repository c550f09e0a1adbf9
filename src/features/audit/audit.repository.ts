import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditChainHeads, auditEvents, users } from '../../db/schema/index.ts';
import type { ChainRow } from '../../kernel/audit/audit-chain.ts';

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
