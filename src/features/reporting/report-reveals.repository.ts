import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reportIdentityReveals } from '../../db/schema/index.ts';

/**
 * The SQL of requests to reveal a reporter's identity (identity-reveal.ts). Keyed by the report, which the
 * caller has already found through the need-to-know of reports (findVisibleReport, in the same transaction).
 */

export type RevealRow = typeof reportIdentityReveals.$inferSelect;

export async function revealsOf(db: Db, forceId: string, reportId: string): Promise<RevealRow[]> {
  return db
    .select()
    .from(reportIdentityReveals)
    .where(and(eq(reportIdentityReveals.forceId, forceId), eq(reportIdentityReveals.reportId, reportId)))
    .orderBy(asc(reportIdentityReveals.requestedOn), asc(reportIdentityReveals.id));
}

export async function pendingRevealOf(db: Db, forceId: string, reportId: string): Promise<RevealRow | undefined> {
  const [row] = await db
    .select()
    .from(reportIdentityReveals)
    .where(
      and(
        eq(reportIdentityReveals.forceId, forceId),
        eq(reportIdentityReveals.reportId, reportId),
        isNull(reportIdentityReveals.decision),
      ),
    );
  return row;
}

export async function insertReveal(db: Db, row: typeof reportIdentityReveals.$inferInsert & { id: string }) {
  await db.insert(reportIdentityReveals).values(row);
}

export async function decideReveal(
  db: Db,
  forceId: string,
  id: string,
  decision: Pick<RevealRow, 'decidedBy' | 'decision' | 'decisionReason' | 'decidedOn'>,
): Promise<void> {
  await db
    .update(reportIdentityReveals)
    .set(decision)
    .where(and(eq(reportIdentityReveals.forceId, forceId), eq(reportIdentityReveals.id, id)));
}
