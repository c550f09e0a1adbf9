import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import { forces, users, vettingAppeals, vettingDecisions } from '../../../db/schema/index.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import type { VettingFileRef } from '../file/vetting-file.ts';
import { visibleVettingSql } from '../../../kernel/access/vetting-scope.ts';

/** The SQL of vetting decisions (on applications; reviews' decisions are read here too) and appeals. */

export type DecisionRow = typeof vettingDecisions.$inferSelect;
export type AppealRow = typeof vettingAppeals.$inferSelect;

export async function insertDecision(tx: Db, row: typeof vettingDecisions.$inferInsert): Promise<DecisionRow> {
  const [inserted] = await tx.insert(vettingDecisions).values(row).returning();
  if (!inserted) throw new Error('decision insert returned nothing');
  return inserted;
}

/** One decision the principal may see (the vetting scope, by the person it concerns), optionally locked. */
export async function findVisibleDecision(
  db: Db,
  principal: Principal,
  id: string,
  forUpdate = false,
): Promise<DecisionRow | undefined> {
  const query = db
    .select()
    .from(vettingDecisions)
    .where(
      and(
        eq(vettingDecisions.id, id),
        visibleVettingSql(principal, sql`${vettingDecisions.forceId}`, sql`${vettingDecisions.personId}`),
      ),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The decisions of a vetting file (an application or a review), newest first. */
export async function decisionsOfFile(db: Db, forceId: string, file: VettingFileRef): Promise<DecisionRow[]> {
  const ofFile =
    file.kind === 'application' ? eq(vettingDecisions.applicationId, file.id) : eq(vettingDecisions.reviewId, file.id);
  return db
    .select()
    .from(vettingDecisions)
    .where(and(eq(vettingDecisions.forceId, forceId), ofFile))
    .orderBy(desc(vettingDecisions.recordedAt));
}

export type PersonDecisionRow = {
  id: string;
  outcome: string;
  decided_on: string;
  application_id: string | null;
  review_id: string | null;
  appeal_window_ends_on: string | null;
};

/** Every decision about a person (on their applications and reviews), newest first. */
export async function decisionsAboutPerson(db: Db, forceId: string, personId: string): Promise<PersonDecisionRow[]> {
  return rawRows<PersonDecisionRow>(
    db,
    sql`select d.id, d.outcome, d.decided_on::text as decided_on, d.application_id, d.review_id, d.appeal_window_ends_on::text as appeal_window_ends_on
      from vetting_decisions d where d.force_id = ${forceId} and d.person_id = ${personId}::uuid
      order by d.decided_on desc, d.recorded_at desc`,
  );
}

/** Once an applicant is linked to their person record, the decisions on the application concern that person. */
export async function setDecisionsPerson(
  tx: Db,
  forceId: string,
  applicationId: string,
  personId: string,
): Promise<void> {
  await tx
    .update(vettingDecisions)
    .set({ personId })
    .where(and(eq(vettingDecisions.forceId, forceId), eq(vettingDecisions.applicationId, applicationId)));
}

export async function insertAppeal(tx: Db, row: typeof vettingAppeals.$inferInsert): Promise<AppealRow> {
  const [inserted] = await tx.insert(vettingAppeals).values(row).returning();
  if (!inserted) throw new Error('appeal insert returned nothing');
  return inserted;
}

export async function appealsOfDecision(db: Db, forceId: string, decisionId: string): Promise<AppealRow[]> {
  return db
    .select()
    .from(vettingAppeals)
    .where(and(eq(vettingAppeals.forceId, forceId), eq(vettingAppeals.decisionId, decisionId)))
    .orderBy(asc(vettingAppeals.recordedAt));
}

/** One appeal the principal may see (through its decision's scope), optionally locked. */
export async function findVisibleAppeal(
  db: Db,
  principal: Principal,
  id: string,
  forUpdate = false,
): Promise<AppealRow | undefined> {
  const [visible] = await rawRows<{ id: string }>(
    db,
    sql`select a.id from vetting_appeals a join vetting_decisions d on d.force_id = a.force_id and d.id = a.decision_id
      where a.id = ${id}::uuid and ${visibleVettingSql(principal, sql`d.force_id`, sql`d.person_id`)}`,
  );
  if (!visible) return undefined;
  const query = db
    .select()
    .from(vettingAppeals)
    .where(and(eq(vettingAppeals.forceId, principal.forceId), eq(vettingAppeals.id, visible.id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateAppeal(
  tx: Db,
  row: AppealRow,
  set: Pick<AppealRow, 'panel' | 'outcome' | 'decidedOn' | 'outcomeReasons'> &
    Partial<Pick<AppealRow, 'dismissalFollows' | 'tribunalWindowEndsOn'>>,
): Promise<void> {
  await tx
    .update(vettingAppeals)
    .set({ ...set, version: row.version + 1 })
    .where(and(eq(vettingAppeals.forceId, row.forceId), eq(vettingAppeals.id, row.id)));
}

export async function userDisplayName(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function forceName(db: Db, forceId: string): Promise<string> {
  const [row] = await db.select({ name: forces.name }).from(forces).where(eq(forces.id, forceId));
  return row?.name ?? forceId;
}
