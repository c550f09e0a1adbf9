import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import { complaintReviews } from '../../../db/schema/index.ts';
import { staleVersion } from '../../../kernel/errors.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { visibleReviewsSql } from './reviews-scope.ts';

export type ComplaintReviewRow = typeof complaintReviews.$inferSelect;

export async function insertComplaintReview(tx: Db, values: typeof complaintReviews.$inferInsert) {
  const [row] = await tx.insert(complaintReviews).values(values).returning();
  if (!row) throw new Error('insert complaint_reviews returned nothing');
  return row;
}

/** A review application of the complaint still open (awaiting the body's decision). */
export async function openReviewOf(db: Db, forceId: string, complaintId: string) {
  const [row] = await db
    .select({ id: complaintReviews.id })
    .from(complaintReviews)
    .where(
      and(
        eq(complaintReviews.forceId, forceId),
        eq(complaintReviews.complaintId, complaintId),
        inArray(complaintReviews.status, ['awaiting']),
      ),
    );
  return row;
}

export type ReviewQueueRow = {
  id: string;
  complaint_id: string;
  reference: string;
  received_on: string;
  status: string;
  result: string | null;
};

/** The reviews the principal may see, oldest application first. */
export async function reviewQueue(db: Db, principal: Principal): Promise<ReviewQueueRow[]> {
  return rawRows<ReviewQueueRow>(
    db,
    sql`select r.id, r.complaint_id, c.reference, r.received_on::text, r.status, r.result
        from complaint_reviews r join complaints c on c.force_id = r.force_id and c.id = r.complaint_id
        where ${visibleReviewsSql(principal)}
        order by (r.status = 'awaiting') desc, r.received_on, r.id limit 500`,
  );
}

/** One review the principal may see (locked for a change when `lock`). */
export async function findVisibleReview(
  db: Db,
  principal: Principal,
  id: string,
  lock = false,
): Promise<ComplaintReviewRow | undefined> {
  const [row] = await rawRows<{ id: string }>(
    db,
    sql`select r.id from complaint_reviews r where r.id = ${id}::uuid and ${visibleReviewsSql(principal)} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) return undefined;
  const [full] = await db
    .select()
    .from(complaintReviews)
    .where(and(eq(complaintReviews.forceId, principal.forceId), eq(complaintReviews.id, row.id)));
  return full;
}

export async function updateComplaintReview(
  tx: Db,
  row: ComplaintReviewRow,
  expected: number,
  values: Partial<typeof complaintReviews.$inferInsert>,
): Promise<ComplaintReviewRow> {
  if (row.version !== expected) throw staleVersion();
  const [updated] = await tx
    .update(complaintReviews)
    .set({ ...values, version: row.version + 1 })
    .where(
      and(
        eq(complaintReviews.forceId, row.forceId),
        eq(complaintReviews.id, row.id),
        eq(complaintReviews.version, expected),
      ),
    )
    .returning();
  if (!updated) throw staleVersion();
  return updated;
}

/** The review applications of a complaint, oldest first (the complaint page, for those who may see it). */
export async function reviewsOfComplaint(db: Db, forceId: string, complaintId: string) {
  return db
    .select()
    .from(complaintReviews)
    .where(and(eq(complaintReviews.forceId, forceId), eq(complaintReviews.complaintId, complaintId)))
    .orderBy(complaintReviews.createdAt);
}
