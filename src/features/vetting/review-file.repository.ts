import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { adverseInformation, vettingChecks, vettingClearances, vettingDecisions } from '../../db/schema/index.ts';

/**
 * The SQL of a review's file: its checks and adverse information (the tables applications use, with
 * `review_id`), its decision, and the person's clearances that a decision keeps or withdraws. Reads here
 * are made only after the review itself was found through the vetting scope.
 */

export type ReviewCheckRow = typeof vettingChecks.$inferSelect;
export type AdverseItemRow = typeof adverseInformation.$inferSelect;
export type ClearanceRow = typeof vettingClearances.$inferSelect;
export type DecisionRow = typeof vettingDecisions.$inferSelect;

/** Clearances still in force: active, or suspended pending an outcome. */
export const LIVE_CLEARANCE_STATUSES = ['active', 'suspended'] as const;

export async function checksOfReview(db: Db, forceId: string, reviewId: string): Promise<ReviewCheckRow[]> {
  return db
    .select()
    .from(vettingChecks)
    .where(and(eq(vettingChecks.forceId, forceId), eq(vettingChecks.reviewId, reviewId)))
    .orderBy(asc(vettingChecks.checkType), asc(vettingChecks.id));
}

export async function findReviewCheckForUpdate(
  tx: Db,
  forceId: string,
  reviewId: string,
  checkId: string,
): Promise<ReviewCheckRow | undefined> {
  const [row] = await tx
    .select()
    .from(vettingChecks)
    .where(and(eq(vettingChecks.forceId, forceId), eq(vettingChecks.reviewId, reviewId), eq(vettingChecks.id, checkId)))
    .for('update');
  return row;
}

export async function insertReviewCheck(tx: Db, row: typeof vettingChecks.$inferInsert): Promise<ReviewCheckRow> {
  const [inserted] = await tx.insert(vettingChecks).values(row).returning();
  if (!inserted) throw new Error('check insert returned nothing');
  return inserted;
}

export async function updateReviewCheck(
  tx: Db,
  row: ReviewCheckRow,
  set: Pick<ReviewCheckRow, 'status' | 'completedOn' | 'notes'>,
): Promise<void> {
  await tx
    .update(vettingChecks)
    .set({ ...set, version: row.version + 1 })
    .where(and(eq(vettingChecks.forceId, row.forceId), eq(vettingChecks.id, row.id)));
}

export async function adverseItemsOfReview(db: Db, forceId: string, reviewId: string): Promise<AdverseItemRow[]> {
  return db
    .select()
    .from(adverseInformation)
    .where(and(eq(adverseInformation.forceId, forceId), eq(adverseInformation.reviewId, reviewId)))
    .orderBy(asc(adverseInformation.recordedAt), asc(adverseInformation.id));
}

export async function insertAdverseItem(tx: Db, row: typeof adverseInformation.$inferInsert): Promise<AdverseItemRow> {
  const [inserted] = await tx.insert(adverseInformation).values(row).returning();
  if (!inserted) throw new Error('adverse information insert returned nothing');
  return inserted;
}

/** Marks every unresolved item of the review as resolved by the decision, with its rationale where one was given. */
export async function resolveAdverseItems(
  tx: Db,
  forceId: string,
  reviewId: string,
  decisionId: string,
  rationales: Map<string, unknown>,
): Promise<void> {
  const open = await tx
    .select({ id: adverseInformation.id })
    .from(adverseInformation)
    .where(
      and(
        eq(adverseInformation.forceId, forceId),
        eq(adverseInformation.reviewId, reviewId),
        isNull(adverseInformation.resolvedByDecisionId),
      ),
    );
  for (const item of open) {
    await tx
      .update(adverseInformation)
      .set({ resolvedByDecisionId: decisionId, resolution: rationales.get(item.id) ?? null })
      .where(and(eq(adverseInformation.forceId, forceId), eq(adverseInformation.id, item.id)));
  }
}

export async function insertDecision(tx: Db, row: typeof vettingDecisions.$inferInsert): Promise<DecisionRow> {
  const [inserted] = await tx.insert(vettingDecisions).values(row).returning();
  if (!inserted) throw new Error('decision insert returned nothing');
  return inserted;
}

export async function decisionsOfReview(db: Db, forceId: string, reviewId: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(vettingDecisions)
    .where(and(eq(vettingDecisions.forceId, forceId), eq(vettingDecisions.reviewId, reviewId)))
    .orderBy(asc(vettingDecisions.recordedAt));
}

/** Every clearance the person holds or held, newest first. */
export async function clearancesOfPerson(db: Db, forceId: string, personId: string): Promise<ClearanceRow[]> {
  return db
    .select()
    .from(vettingClearances)
    .where(and(eq(vettingClearances.forceId, forceId), eq(vettingClearances.personId, personId)))
    .orderBy(asc(vettingClearances.status), asc(vettingClearances.expiresOn));
}

/** The person's clearances still in force, locked: a decision keeps or withdraws exactly these. */
export async function liveClearancesForUpdate(tx: Db, forceId: string, personId: string): Promise<ClearanceRow[]> {
  return tx
    .select()
    .from(vettingClearances)
    .where(
      and(
        eq(vettingClearances.forceId, forceId),
        eq(vettingClearances.personId, personId),
        inArray(vettingClearances.status, [...LIVE_CLEARANCE_STATUSES]),
      ),
    )
    .orderBy(asc(vettingClearances.id))
    .for('update');
}

export async function withdrawClearance(
  tx: Db,
  row: ClearanceRow,
  input: { on: string; reason: string; decisionId: string },
): Promise<void> {
  await tx
    .update(vettingClearances)
    .set({
      status: 'withdrawn',
      endedOn: input.on,
      endedReason: input.reason,
      endedByDecisionId: input.decisionId,
      version: row.version + 1,
    })
    .where(and(eq(vettingClearances.forceId, row.forceId), eq(vettingClearances.id, row.id)));
}

export async function setClearanceConditions(tx: Db, row: ClearanceRow, conditions: string): Promise<void> {
  await tx
    .update(vettingClearances)
    .set({ conditions, version: row.version + 1 })
    .where(and(eq(vettingClearances.forceId, row.forceId), eq(vettingClearances.id, row.id)));
}
