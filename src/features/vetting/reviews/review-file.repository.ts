import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { vettingClearances } from '../../../db/schema/index.ts';

/**
 * The SQL of the person's clearances that a review's decision keeps or withdraws (the review's checks and
 * adverse information: vetting-file.repository.ts; its decisions: decisions.repository.ts). Reads here are
 * made only after the review itself was found through the vetting scope.
 */

export type ClearanceRow = typeof vettingClearances.$inferSelect;

/** Clearances still in force: active, or suspended pending an outcome. */
export const LIVE_CLEARANCE_STATUSES = ['active', 'suspended'] as const;

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
