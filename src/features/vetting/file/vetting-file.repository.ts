import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { adverseInformation, checkTypes, vettingChecks } from '../../../db/schema/index.ts';
import type { VettingFileRef } from './vetting-file.ts';

/**
 * The SQL of a vetting file's checks and adverse information: one function per operation for an application
 * and a review alike, keyed by the file (`application_id` or `review_id` on the same tables). Reads here are
 * made only after the file itself was found through the vetting scope.
 */

export type CheckRow = typeof vettingChecks.$inferSelect;
export type AdverseRow = typeof adverseInformation.$inferSelect;

function checkOfFile(forceId: string, file: VettingFileRef): SQL | undefined {
  return and(
    eq(vettingChecks.forceId, forceId),
    file.kind === 'application' ? eq(vettingChecks.applicationId, file.id) : eq(vettingChecks.reviewId, file.id),
  );
}

function adverseOfFileWhere(forceId: string, file: VettingFileRef): SQL | undefined {
  return and(
    eq(adverseInformation.forceId, forceId),
    file.kind === 'application'
      ? eq(adverseInformation.applicationId, file.id)
      : eq(adverseInformation.reviewId, file.id),
  );
}

/** The file's checks in the order of `checkTypes` (PNC first), then by id. */
export async function checksOfFile(db: Db, forceId: string, file: VettingFileRef): Promise<CheckRow[]> {
  const rows = await db.select().from(vettingChecks).where(checkOfFile(forceId, file)).orderBy(asc(vettingChecks.id));
  return rows.sort((a, b) => checkTypes.indexOf(a.checkType) - checkTypes.indexOf(b.checkType));
}

/** One check of the file, locked for a change. */
export async function findCheckForUpdate(
  tx: Db,
  forceId: string,
  file: VettingFileRef,
  checkId: string,
): Promise<CheckRow | undefined> {
  const [row] = await tx
    .select()
    .from(vettingChecks)
    .where(and(checkOfFile(forceId, file), eq(vettingChecks.id, checkId)))
    .for('update');
  return row;
}

export async function insertCheck(tx: Db, row: typeof vettingChecks.$inferInsert): Promise<CheckRow> {
  const [inserted] = await tx.insert(vettingChecks).values(row).returning();
  if (!inserted) throw new Error('check insert returned nothing');
  return inserted;
}

export async function updateCheck(
  tx: Db,
  row: CheckRow,
  set: Pick<CheckRow, 'status' | 'completedOn' | 'notes'>,
): Promise<void> {
  await tx
    .update(vettingChecks)
    .set({ ...set, version: row.version + 1 })
    .where(and(eq(vettingChecks.forceId, row.forceId), eq(vettingChecks.id, row.id)));
}

/** The file's adverse information, in the order it was recorded. */
export async function adverseOfFile(db: Db, forceId: string, file: VettingFileRef): Promise<AdverseRow[]> {
  return db
    .select()
    .from(adverseInformation)
    .where(adverseOfFileWhere(forceId, file))
    .orderBy(asc(adverseInformation.recordedAt), asc(adverseInformation.id));
}

export async function insertAdverse(tx: Db, row: typeof adverseInformation.$inferInsert): Promise<AdverseRow> {
  const [inserted] = await tx.insert(adverseInformation).values(row).returning();
  if (!inserted) throw new Error('adverse information insert returned nothing');
  return inserted;
}

/** Marks every unresolved item of the file as resolved by the decision, with its rationale where one was given. */
export async function resolveAdverseItems(
  tx: Db,
  forceId: string,
  file: VettingFileRef,
  decisionId: string,
  rationales: ReadonlyMap<string, unknown>,
): Promise<void> {
  const open = await tx
    .select({ id: adverseInformation.id })
    .from(adverseInformation)
    .where(and(adverseOfFileWhere(forceId, file), isNull(adverseInformation.resolvedByDecisionId)));
  for (const item of open) {
    await tx
      .update(adverseInformation)
      .set({ resolvedByDecisionId: decisionId, resolution: rationales.get(item.id) ?? null })
      .where(and(eq(adverseInformation.forceId, forceId), eq(adverseInformation.id, item.id)));
  }
}
