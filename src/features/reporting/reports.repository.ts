import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reportFiles, reportMessages, reports, users } from '../../db/schema/index.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { reportPolicy } from './report.policy.ts';

/**
 * The only SQL of anonymous reporting. Every team read is narrowed by {@link visibleReportsWhere}: the
 * user's own force only (the ability to read reports is checked by the use case first). The reporter's
 * reads go by report id after the receipt has been checked.
 */

export type ReportRow = typeof reports.$inferSelect;
export type ReportMessageRow = typeof reportMessages.$inferSelect;
export type ReportFileRow = typeof reportFiles.$inferSelect;
export type NewReport = typeof reports.$inferInsert;

/** The need-to-know of reports: the confidential unit of the report's own force. */
export function visibleReportsWhere(principal: Principal) {
  return eq(reports.forceId, principal.forceId);
}

/**
 * The same need-to-know as SQL over a `reports` row aliased `r`, for reads that are not the unit's own pages
 * (the cross-owner deadline lists): the ability is checked here too, so anyone outside the unit matches none.
 */
export function visibleReportsSql(principal: Principal): SQL {
  return reportPolicy.read(principal) ? sql`r.force_id = ${principal.forceId}` : sql`false`;
}

export async function lookupTaken(db: Db, forceId: string, lookup: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.forceId, forceId), eq(reports.receiptLookup, lookup)));
  return !!row;
}

export async function insertReport(db: Db, row: NewReport & { id: string }): Promise<void> {
  await db.insert(reports).values(row);
}

export async function findReportByLookup(db: Db, forceId: string, lookup: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.forceId, forceId), eq(reports.receiptLookup, lookup)));
  return row;
}

export async function findReport(db: Db, forceId: string, id: string, lock = false): Promise<ReportRow | undefined> {
  const query = db
    .select()
    .from(reports)
    .where(and(eq(reports.forceId, forceId), eq(reports.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findVisibleReport(
  db: Db,
  principal: Principal,
  id: string,
  lock = false,
): Promise<ReportRow | undefined> {
  const query = db
    .select()
    .from(reports)
    .where(and(visibleReportsWhere(principal), eq(reports.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export type InboxRow = Pick<
  ReportRow,
  | 'id'
  | 'category'
  | 'status'
  | 'receivedOn'
  | 'acknowledgedOn'
  | 'anonymous'
  | 'feedbackOn'
  | 'assignedTo'
  | 'retaliationFlags'
  | 'retaliationFlaggedOn'
> & {
  fromReporter: number;
  assignedName: string | null;
};

export async function listVisibleReports(db: Db, principal: Principal): Promise<InboxRow[]> {
  return db
    .select({
      id: reports.id,
      category: reports.category,
      status: reports.status,
      receivedOn: reports.receivedOn,
      acknowledgedOn: reports.acknowledgedOn,
      anonymous: reports.anonymous,
      feedbackOn: reports.feedbackOn,
      assignedTo: reports.assignedTo,
      retaliationFlags: reports.retaliationFlags,
      retaliationFlaggedOn: reports.retaliationFlaggedOn,
      assignedName: sql<
        string | null
      >`(select u.display_name from users u where u.id = ${reports.assignedTo} and u.force_id = ${reports.forceId})`,
      fromReporter: sql<number>`(select count(*)::int from report_messages m where m.force_id = ${reports.forceId} and m.report_id = ${reports.id} and m.kind = 'from_reporter')`,
    })
    .from(reports)
    .where(visibleReportsWhere(principal))
    .orderBy(desc(reports.receivedOn), asc(reports.id))
    .limit(500);
}

export async function setReceiptAttempts(
  db: Db,
  forceId: string,
  id: string,
  state: { failedAttempts: number; lockedUntil: Date | null },
): Promise<void> {
  await db
    .update(reports)
    .set({ failedAttempts: state.failedAttempts, lockedUntil: state.lockedUntil })
    .where(and(eq(reports.forceId, forceId), eq(reports.id, id)));
}

export async function updateReport(
  db: Db,
  forceId: string,
  id: string,
  changes: Partial<
    Pick<
      ReportRow,
      | 'status'
      | 'acknowledgedOn'
      | 'statusOn'
      | 'assignedTo'
      | 'feedbackOn'
      | 'retaliationFlags'
      | 'retaliationFlaggedOn'
      | 'identityRevealedOn'
    >
  >,
): Promise<void> {
  await db
    .update(reports)
    .set({ ...changes, version: sql`${reports.version} + 1` })
    .where(and(eq(reports.forceId, forceId), eq(reports.id, id)));
}

export async function messagesOf(db: Db, forceId: string, reportId: string): Promise<ReportMessageRow[]> {
  return db
    .select()
    .from(reportMessages)
    .where(and(eq(reportMessages.forceId, forceId), eq(reportMessages.reportId, reportId)))
    .orderBy(asc(reportMessages.seq));
}

/** Appends a message after the last (the report row is locked by the caller, so `seq` cannot collide). */
export async function insertMessage(
  db: Db,
  row: Omit<typeof reportMessages.$inferInsert, 'seq'> & { id: string },
): Promise<void> {
  await db.insert(reportMessages).values({
    ...row,
    seq: sql`(select coalesce(max(seq), 0) + 1 from report_messages where force_id = ${row.forceId} and report_id = ${row.reportId})`,
  });
}

export async function insertFile(db: Db, row: typeof reportFiles.$inferInsert & { id: string }): Promise<void> {
  await db.insert(reportFiles).values(row);
}

export type FileSummary = Pick<
  ReportFileRow,
  'id' | 'fileName' | 'contentType' | 'byteSize' | 'metadataStripped' | 'receivedOn'
>;

export async function filesOf(db: Db, forceId: string, reportId: string): Promise<FileSummary[]> {
  return db
    .select({
      id: reportFiles.id,
      fileName: reportFiles.fileName,
      contentType: reportFiles.contentType,
      byteSize: reportFiles.byteSize,
      metadataStripped: reportFiles.metadataStripped,
      receivedOn: reportFiles.receivedOn,
    })
    .from(reportFiles)
    .where(and(eq(reportFiles.forceId, forceId), eq(reportFiles.reportId, reportId)))
    .orderBy(asc(reportFiles.receivedOn), asc(reportFiles.id));
}

export async function findFile(
  db: Db,
  forceId: string,
  reportId: string,
  fileId: string,
): Promise<ReportFileRow | undefined> {
  const [row] = await db
    .select()
    .from(reportFiles)
    .where(and(eq(reportFiles.forceId, forceId), eq(reportFiles.reportId, reportId), eq(reportFiles.id, fileId)));
  return row;
}

export type UnitMember = { id: string; displayName: string };

/** The active users of the force holding one of the roles (report.policy.ts: those a report can be assigned to). */
export async function unitMembersOf(db: Db, forceId: string, roles: readonly string[]): Promise<UnitMember[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.forceId, forceId), eq(users.status, 'active'), inArray(users.role, [...roles])))
    .orderBy(asc(users.displayName), asc(users.id));
}

export type StatisticsSource = Pick<
  ReportRow,
  'category' | 'status' | 'receivedOn' | 'acknowledgedOn' | 'feedbackOn' | 'retaliationFlags' | 'identityRevealedOn'
>;

/** The days and statuses of every report of the principal's force, for the statistics (no text, no id). */
export async function statisticsRowsOf(db: Db, principal: Principal): Promise<StatisticsSource[]> {
  return db
    .select({
      category: reports.category,
      status: reports.status,
      receivedOn: reports.receivedOn,
      acknowledgedOn: reports.acknowledgedOn,
      feedbackOn: reports.feedbackOn,
      retaliationFlags: reports.retaliationFlags,
      identityRevealedOn: reports.identityRevealedOn,
    })
    .from(reports)
    .where(visibleReportsWhere(principal));
}

/** Display names of users of one force, by id (for the names on a report's page). */
export async function namesOf(db: Db, forceId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.forceId, forceId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
