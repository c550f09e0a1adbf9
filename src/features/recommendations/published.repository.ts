import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { publishedResponses } from '../../db/schema/index.ts';

/** The commissioner's generated (and published) responses to reports, by force. */

export type PublishedRow = typeof publishedResponses.$inferSelect;

export async function insertPublished(tx: Db, values: typeof publishedResponses.$inferInsert): Promise<PublishedRow> {
  const [row] = await tx.insert(publishedResponses).values(values).returning();
  if (!row) throw new Error('insert published_responses returned nothing');
  return row;
}

export async function findPublished(
  db: Db,
  forceId: string,
  id: string,
  lock = false,
): Promise<PublishedRow | undefined> {
  const query = db
    .select()
    .from(publishedResponses)
    .where(and(eq(publishedResponses.forceId, forceId), eq(publishedResponses.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export type PublishedListRow = {
  id: string;
  generatedAt: Date;
  generatedBy: string | null;
  publishedOn: string | null;
  publishedBy: string | null;
  version: number;
};

export async function publishedOfReport(db: Db, forceId: string, reportId: string): Promise<PublishedListRow[]> {
  return rawRows<PublishedListRow>(
    db,
    sql`select p.id, p.generated_at as "generatedAt", g.display_name as "generatedBy", p.published_on::text as "publishedOn", pb.display_name as "publishedBy", p.version
      from published_responses p left join users g on g.id = p.generated_by left join users pb on pb.id = p.published_by
      where p.force_id = ${forceId} and p.report_id = ${reportId}::uuid order by p.generated_at desc, p.id`,
  );
}

export async function markPublished(tx: Db, row: PublishedRow, publishedOn: string, by: string): Promise<void> {
  await tx
    .update(publishedResponses)
    .set({ publishedOn, publishedBy: by, version: row.version + 1 })
    .where(and(eq(publishedResponses.forceId, row.forceId), eq(publishedResponses.id, row.id)));
}
