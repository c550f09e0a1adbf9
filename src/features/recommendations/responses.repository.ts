import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { recommendationActions, recommendationComments, recommendationResponses } from '../../db/schema/index.ts';
import type { TrackerStatus } from './tracker-rules.ts';

/**
 * A force's responses to report items, their actions and comments. Every function takes the force of the
 * caller and reads or writes that force's rows only: another force's response is never reachable here.
 * Evidence is in evidence.repository.ts.
 */

export type ResponseRow = typeof recommendationResponses.$inferSelect;
export type ActionRow = typeof recommendationActions.$inferSelect;

/** The force's response to an item, created (not started, version 0) on first use, then locked for the change. */
export async function lockResponse(tx: Db, forceId: string, itemId: string): Promise<ResponseRow> {
  await tx.insert(recommendationResponses).values({ forceId, itemId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(recommendationResponses)
    .where(and(eq(recommendationResponses.forceId, forceId), eq(recommendationResponses.itemId, itemId)))
    .for('update');
  if (!row) throw new Error('recommendation response vanished');
  return row;
}

export async function findResponse(db: Db, forceId: string, itemId: string): Promise<ResponseRow | undefined> {
  const [row] = await db
    .select()
    .from(recommendationResponses)
    .where(and(eq(recommendationResponses.forceId, forceId), eq(recommendationResponses.itemId, itemId)));
  return row;
}

export async function updateResponse(
  tx: Db,
  row: ResponseRow,
  values: Partial<typeof recommendationResponses.$inferInsert>,
): Promise<void> {
  await tx
    .update(recommendationResponses)
    .set({ ...values, version: row.version + 1 })
    .where(and(eq(recommendationResponses.forceId, row.forceId), eq(recommendationResponses.id, row.id)));
}

/** An active account of the force that can be named as the accountable owner. */
export async function findForceUser(
  db: Db,
  forceId: string,
  userId: string,
): Promise<{ id: string; displayName: string } | undefined> {
  const [row] = await rawRows<{ id: string; displayName: string }>(
    db,
    sql`select id, display_name as "displayName" from users where id = ${userId}::uuid and force_id = ${forceId} and status = 'active' and role <> 'public'`,
  );
  return row;
}

export async function ownerCandidates(
  db: Db,
  forceId: string,
): Promise<{ id: string; displayName: string; role: string }[]> {
  return rawRows(
    db,
    sql`select id, display_name as "displayName", role from users where force_id = ${forceId} and status = 'active' and role <> 'public' order by display_name, email`,
  );
}

export async function insertAction(tx: Db, values: typeof recommendationActions.$inferInsert): Promise<ActionRow> {
  const [row] = await tx.insert(recommendationActions).values(values).returning();
  if (!row) throw new Error('insert recommendation_actions returned nothing');
  return row;
}

export async function findActionForUpdate(
  tx: Db,
  forceId: string,
  responseId: string,
  actionId: string,
): Promise<ActionRow | undefined> {
  const [row] = await tx
    .select()
    .from(recommendationActions)
    .where(
      and(
        eq(recommendationActions.forceId, forceId),
        eq(recommendationActions.responseId, responseId),
        eq(recommendationActions.id, actionId),
      ),
    )
    .for('update');
  return row;
}

export async function updateAction(
  tx: Db,
  row: ActionRow,
  values: { dueOn: string | null; doneOn: string | null; description: string },
): Promise<void> {
  await tx
    .update(recommendationActions)
    .set({ ...values, version: row.version + 1 })
    .where(and(eq(recommendationActions.forceId, row.forceId), eq(recommendationActions.id, row.id)));
}

export type ActionView = {
  id: string;
  responseId: string;
  description: string;
  dueOn: string | null;
  doneOn: string | null;
  version: number;
  createdBy: string | null;
};

export async function actionsOf(db: Db, forceId: string, responseIds: string[]): Promise<ActionView[]> {
  if (responseIds.length === 0) return [];
  return rawRows<ActionView>(
    db,
    sql`select a.id, a.response_id as "responseId", a.description, a.due_on::text as "dueOn", a.done_on::text as "doneOn", a.version, u.display_name as "createdBy"
      from recommendation_actions a left join users u on u.id = a.created_by
      where a.force_id = ${forceId} and a.response_id in (${sql.join(
        responseIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by a.due_on nulls last, a.created_at, a.id`,
  );
}

export async function insertComment(tx: Db, values: typeof recommendationComments.$inferInsert) {
  const [row] = await tx.insert(recommendationComments).values(values).returning();
  if (!row) throw new Error('insert recommendation_comments returned nothing');
  return row;
}

export type CommentView = {
  id: string;
  responseId: string;
  side: 'force' | 'commissioner';
  body: string;
  author: string | null;
  authorRole: string | null;
  createdAt: Date;
};

export async function commentsOf(db: Db, forceId: string, responseIds: string[]): Promise<CommentView[]> {
  if (responseIds.length === 0) return [];
  return rawRows<CommentView>(
    db,
    sql`select c.id, c.response_id as "responseId", c.side, c.body, u.display_name as author, u.role as "authorRole", c.created_at as "createdAt"
      from recommendation_comments c left join users u on u.id = c.author_user_id
      where c.force_id = ${forceId} and c.response_id in (${sql.join(
        responseIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by c.created_at desc, c.id`,
  );
}

/** One row per item (of one report, or of all), with this force's response if it has one. */
export type TrackerRow = {
  itemId: string;
  reportId: string;
  reportTitle: string;
  /** A force's own local item of a shared report (only that force reads it). */
  local: boolean;
  kind: 'recommendation' | 'area_for_improvement';
  number: number;
  text: string;
  ownerBody: string;
  deadline: string | null;
  themes: string[];
  textVerified: boolean;
  itemVersion: number;
  responseId: string | null;
  selfStatus: TrackerStatus;
  verifiedStatus: TrackerStatus | null;
  ownerUserId: string | null;
  owner: string | null;
  signedOffAt: Date | null;
  signedOffBy: string | null;
  signedOffStatus: TrackerStatus | null;
  verifiedAt: Date | null;
  selfAssessedAt: Date | null;
  version: number;
};

export async function trackerRows(db: Db, forceId: string, reportId: string | null): Promise<TrackerRow[]> {
  // National items and the force's own local items; never another force's.
  const where: SQL = sql`(i.force_id is null or i.force_id = ${forceId}) and ${reportId ? sql`i.report_id = ${reportId}::uuid` : sql`true`}`;
  const rows = await rawRows<TrackerRow>(
    db,
    sql`select i.id as "itemId", i.report_id as "reportId", r.title as "reportTitle", (i.force_id is not null) as local, i.kind, i.number, i.text, i.owner_body as "ownerBody",
        i.deadline::text as deadline, i.themes, i.text_verified as "textVerified", i.version as "itemVersion",
        s.id as "responseId", coalesce(s.self_status, 'not_started') as "selfStatus", s.verified_status as "verifiedStatus",
        s.owner_user_id as "ownerUserId", o.display_name as owner, s.signed_off_at as "signedOffAt", so.display_name as "signedOffBy",
        s.signed_off_status as "signedOffStatus", s.verified_at as "verifiedAt", s.self_assessed_at as "selfAssessedAt", coalesce(s.version, 0) as version
      from report_items i
      join inspection_reports r on r.id = i.report_id
      left join recommendation_responses s on s.force_id = ${forceId} and s.item_id = i.id
      left join users o on o.id = s.owner_user_id and o.force_id = s.force_id
      left join users so on so.id = s.signed_off_by and so.force_id = s.force_id
      where ${where}
      order by r.published_on desc, r.title, i.kind desc, i.number`,
  );
  return rows.map((r) => ({
    ...r,
    signedOffAt: r.signedOffAt ? new Date(r.signedOffAt) : null,
    verifiedAt: r.verifiedAt ? new Date(r.verifiedAt) : null,
    selfAssessedAt: r.selfAssessedAt ? new Date(r.selfAssessedAt) : null,
  }));
}
