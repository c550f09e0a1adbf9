import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { recommendationEvidence } from '../../db/schema/index.ts';

/** Evidence for a force's responses: files (bytes in the database, hashed) and links. Always by force. */

export type EvidenceRow = typeof recommendationEvidence.$inferSelect;

export async function insertEvidence(tx: Db, values: typeof recommendationEvidence.$inferInsert): Promise<EvidenceRow> {
  const [row] = await tx.insert(recommendationEvidence).values(values).returning();
  if (!row) throw new Error('insert recommendation_evidence returned nothing');
  return row;
}

export type EvidenceView = {
  id: string;
  responseId: string;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  addedBy: string | null;
  addedAt: Date;
};

/** The evidence of some responses, without file content. */
export async function evidenceOf(db: Db, forceId: string, responseIds: string[]): Promise<EvidenceView[]> {
  if (responseIds.length === 0) return [];
  return rawRows<EvidenceView>(
    db,
    sql`select e.id, e.response_id as "responseId", e.kind, e.title, e.url, e.file_name as "fileName", e.media_type as "mediaType",
        e.size_bytes as "sizeBytes", e.sha256, u.display_name as "addedBy", e.added_at as "addedAt"
      from recommendation_evidence e left join users u on u.id = e.added_by
      where e.force_id = ${forceId} and e.response_id in (${sql.join(
        responseIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by e.added_at, e.id`,
  );
}

/** One file with its content, of the force's response. */
export async function findEvidenceFile(
  db: Db,
  forceId: string,
  responseId: string,
  evidenceId: string,
): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(recommendationEvidence)
    .where(
      and(
        eq(recommendationEvidence.forceId, forceId),
        eq(recommendationEvidence.responseId, responseId),
        eq(recommendationEvidence.id, evidenceId),
        eq(recommendationEvidence.kind, 'file'),
      ),
    );
  return row;
}
