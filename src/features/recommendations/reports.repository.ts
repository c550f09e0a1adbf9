import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { inspectionReports, reportItems } from '../../db/schema/index.ts';

/**
 * Inspection reports and their numbered items: national reference data, the same for every force — except a
 * force's own local items (`force_id` set), which only that force sees: every read of items takes the
 * caller's force (what a force did about them is in responses.repository.ts, always by force).
 */

export type ReportRow = typeof inspectionReports.$inferSelect;
export type ItemRow = typeof reportItems.$inferSelect;

export async function insertReport(tx: Db, values: typeof inspectionReports.$inferInsert): Promise<ReportRow> {
  const [row] = await tx.insert(inspectionReports).values(values).returning();
  if (!row) throw new Error('insert inspection_reports returned nothing');
  return row;
}

export async function findReportByKey(
  db: Db,
  publisher: string,
  title: string,
  publishedOn: string,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(inspectionReports)
    .where(
      and(
        eq(inspectionReports.publisher, publisher),
        eq(inspectionReports.title, title),
        eq(inspectionReports.publishedOn, publishedOn),
      ),
    );
  return row;
}

export async function findReport(db: Db, id: string, lock = false): Promise<ReportRow | undefined> {
  const query = db.select().from(inspectionReports).where(eq(inspectionReports.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The items a force sees: the national ones and its own local ones. */
function visibleTo(forceId: string): SQL | undefined {
  return or(isNull(reportItems.forceId), eq(reportItems.forceId, forceId));
}

export type ReportListRow = ReportRow & { recommendations: number; areas: number };

export async function listReports(db: Db, forceId: string): Promise<ReportListRow[]> {
  const visible = sql`(i.force_id is null or i.force_id = ${forceId})`;
  return rawRows<ReportListRow>(
    db,
    sql`select r.id, r.publisher, r.title, r.published_on::text as "publishedOn", r.url, r.report_type as "reportType",
        r.owner_force_id as "ownerForceId", r.created_by as "createdBy", r.created_at as "createdAt", r.version,
        (select count(*)::int from report_items i where i.report_id = r.id and i.kind = 'recommendation' and ${visible}) as recommendations,
        (select count(*)::int from report_items i where i.report_id = r.id and i.kind = 'area_for_improvement' and ${visible}) as areas
      from inspection_reports r order by r.published_on desc, r.title`,
  );
}

export async function itemsOfReport(db: Db, forceId: string, reportId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(reportItems)
    .where(and(eq(reportItems.reportId, reportId), visibleTo(forceId)))
    .orderBy(desc(reportItems.kind), asc(reportItems.number));
}

/** One item the force sees (national, or its own local item); another force's local item is absent. */
export async function findItem(db: Db, forceId: string, id: string, lock = false): Promise<ItemRow | undefined> {
  const query = db
    .select()
    .from(reportItems)
    .where(and(eq(reportItems.id, id), visibleTo(forceId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The item of this number the force sees (national, or its own local item). */
export async function findItemByNumber(
  db: Db,
  forceId: string,
  reportId: string,
  kind: ItemRow['kind'],
  number: number,
  lock = false,
): Promise<ItemRow | undefined> {
  const query = db
    .select()
    .from(reportItems)
    .where(
      and(
        eq(reportItems.reportId, reportId),
        eq(reportItems.kind, kind),
        eq(reportItems.number, number),
        visibleTo(forceId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertItem(tx: Db, values: typeof reportItems.$inferInsert): Promise<ItemRow> {
  const [row] = await tx.insert(reportItems).values(values).returning();
  if (!row) throw new Error('insert report_items returned nothing');
  return row;
}

export type ItemChanges = Pick<ItemRow, 'text' | 'ownerBody' | 'deadline' | 'themes' | 'textVerified'> &
  Partial<Pick<ItemRow, 'kind' | 'number'>>;

export async function updateItem(tx: Db, row: ItemRow, values: ItemChanges, at: Date): Promise<void> {
  await tx
    .update(reportItems)
    .set({ ...values, version: row.version + 1, updatedAt: at })
    .where(eq(reportItems.id, row.id));
}

/** The next free number of a kind in a report (the form's suggestion). */
export async function nextItemNumber(
  db: Db,
  forceId: string,
  reportId: string,
  kind: ItemRow['kind'],
): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select coalesce(max(number), 0)::int + 1 as n from report_items
      where report_id = ${reportId}::uuid and kind = ${kind} and (force_id is null or force_id = ${forceId})`,
  );
  return row?.n ?? 1;
}
