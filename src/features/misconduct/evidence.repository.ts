import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { caseEvidence } from '../../db/schema/index.ts';

/**
 * Evidence files of a case. Callers have already found the case through `findVisibleCase` (need-to-know);
 * every query here is also keyed by force and case, so an evidence id of another case is never found.
 * Lists never select the content.
 */

export type EvidenceListRow = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  description: string;
  uploadedAt: Date;
  uploadedBy: string | null;
};

export type EvidenceFile = typeof caseEvidence.$inferSelect;

export async function insertEvidence(
  tx: Db,
  values: typeof caseEvidence.$inferInsert,
): Promise<Omit<EvidenceFile, 'content'>> {
  const [row] = await tx.insert(caseEvidence).values(values).returning({
    forceId: caseEvidence.forceId,
    id: caseEvidence.id,
    caseId: caseEvidence.caseId,
    fileName: caseEvidence.fileName,
    mediaType: caseEvidence.mediaType,
    sizeBytes: caseEvidence.sizeBytes,
    sha256: caseEvidence.sha256,
    description: caseEvidence.description,
    uploadedBy: caseEvidence.uploadedBy,
    uploadedAt: caseEvidence.uploadedAt,
  });
  if (!row) throw new Error('insert case_evidence returned nothing');
  return row;
}

export async function evidenceOf(db: Db, forceId: string, caseId: string): Promise<EvidenceListRow[]> {
  return rawRows<EvidenceListRow>(
    db,
    sql`select e.id, e.file_name as "fileName", e.media_type as "mediaType", e.size_bytes as "sizeBytes", e.sha256, e.description,
        e.uploaded_at as "uploadedAt", u.display_name as "uploadedBy"
      from case_evidence e left join users u on u.id = e.uploaded_by
      where e.force_id = ${forceId} and e.case_id = ${caseId}::uuid
      order by e.uploaded_at desc, e.file_name, e.id`,
  );
}

export async function countEvidence(db: Db, forceId: string, caseId: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from case_evidence where force_id = ${forceId} and case_id = ${caseId}::uuid`,
  );
  return row?.n ?? 0;
}

/** One file with its content. */
export async function findEvidence(
  db: Db,
  forceId: string,
  caseId: string,
  evidenceId: string,
): Promise<EvidenceFile | undefined> {
  const [row] = await db
    .select()
    .from(caseEvidence)
    .where(and(eq(caseEvidence.forceId, forceId), eq(caseEvidence.caseId, caseId), eq(caseEvidence.id, evidenceId)));
  return row;
}
