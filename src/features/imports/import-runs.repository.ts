import { and, asc, desc, eq, gt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { importRejects, importRuns } from '../../db/schema/index.ts';

/** The record of each import run, its committed position and counts, and the rows it rejected. */
export type ImportRunRow = typeof importRuns.$inferSelect;
export type RunFile = { name: string; sha256: string; bytes: number };

export async function forceExists(db: Db, forceId: string): Promise<boolean> {
  return (await rawRows(db, sql`select 1 from forces where id = ${forceId}`)).length > 0;
}

export async function activeCategoryCodes(db: Db): Promise<Set<string>> {
  const rows = await rawRows<{ code: string }>(db, sql`select code from allegation_categories where active`);
  return new Set(rows.map((r) => r.code));
}

/** The unfinished run (killed or failed) of the same import, if any: a rerun resumes it. */
export async function findUnfinishedRun(db: Db, forceId: string, identity: string): Promise<ImportRunRow | undefined> {
  const [row] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.forceId, forceId), eq(importRuns.identity, identity), ne(importRuns.status, 'completed')))
    .orderBy(desc(importRuns.startedAt))
    .limit(1);
  return row;
}

export async function insertRun(db: Db, values: typeof importRuns.$inferInsert): Promise<ImportRunRow> {
  const [row] = await db.insert(importRuns).values(values).returning();
  if (!row) throw new Error('insert import_runs returned nothing');
  return row;
}

/** Takes over an unfinished run for this process. */
export async function claimRun(db: Db, run: ImportRunRow, processId: number, host: string): Promise<void> {
  await db
    .update(importRuns)
    .set({ status: 'running', processId, host, error: null, updatedAt: new Date() })
    .where(and(eq(importRuns.forceId, run.forceId), eq(importRuns.id, run.id)));
}

export type BatchProgress = {
  fileIndex: number;
  fileRow: number;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  created: Record<string, number>;
  unmapped: Record<string, Record<string, number>>;
};

/** Moves the run's committed position, inside the batch's transaction. */
export async function recordBatch(tx: Db, forceId: string, runId: string, p: BatchProgress): Promise<void> {
  await tx
    .update(importRuns)
    .set({
      fileIndex: p.fileIndex,
      fileRow: p.fileRow,
      batches: sql`${importRuns.batches} + 1`,
      rowsRead: sql`${importRuns.rowsRead} + ${p.rows}`,
      rowsImported: sql`${importRuns.rowsImported} + ${p.imported}`,
      rowsDuplicate: sql`${importRuns.rowsDuplicate} + ${p.duplicates}`,
      rowsRejected: sql`${importRuns.rowsRejected} + ${p.rejected}`,
      created: p.created,
      unmapped: p.unmapped,
      updatedAt: new Date(),
    })
    .where(and(eq(importRuns.forceId, forceId), eq(importRuns.id, runId)));
}

export async function finishRun(
  db: Db,
  forceId: string,
  runId: string,
  status: 'completed' | 'failed',
  error: string | null,
): Promise<void> {
  await db
    .update(importRuns)
    .set({ status, error, finishedAt: status === 'completed' ? new Date() : null, updatedAt: new Date() })
    .where(and(eq(importRuns.forceId, forceId), eq(importRuns.id, runId)));
}

export async function findRun(db: Db, forceId: string, runId: string): Promise<ImportRunRow | undefined> {
  const [row] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.forceId, forceId), eq(importRuns.id, runId)));
  return row;
}

export type RejectRow = { fileIndex: number; line: number; fileName: string; reason: string; raw: string };

export async function insertRejects(tx: Db, forceId: string, runId: string, rows: RejectRow[]): Promise<void> {
  // In slices: a batch of rejects must stay under the protocol's limit of parameters per statement.
  for (let i = 0; i < rows.length; i += 2000) {
    await tx.insert(importRejects).values(rows.slice(i, i + 2000).map((r) => ({ forceId, runId, ...r })));
  }
}

/** The run's rejected rows in file and line order, a page at a time after (fileIndex, line). */
export async function readRejects(
  db: Db,
  forceId: string,
  runId: string,
  after: { fileIndex: number; line: number },
  limit: number,
): Promise<RejectRow[]> {
  return db
    .select({
      fileIndex: importRejects.fileIndex,
      line: importRejects.line,
      fileName: importRejects.fileName,
      reason: importRejects.reason,
      raw: importRejects.raw,
    })
    .from(importRejects)
    .where(
      and(
        eq(importRejects.forceId, forceId),
        eq(importRejects.runId, runId),
        or(
          gt(importRejects.fileIndex, after.fileIndex),
          and(eq(importRejects.fileIndex, after.fileIndex), gt(importRejects.line, after.line)),
        ),
      ),
    )
    .orderBy(asc(importRejects.fileIndex), asc(importRejects.line))
    .limit(limit);
}
