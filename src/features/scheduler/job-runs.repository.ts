import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jobRuns } from '../../db/schema/index.ts';

/** The only SQL for job runs: who acts for a scheduled run, and how the last one ended. */

export type JobRunRow = typeof jobRuns.$inferSelect;

/**
 * Claims one scheduled run for this instance. The (job, slot) primary key lets exactly one insert win on
 * either engine, however many instances try at once or one after the other; the winner acts, the others
 * skip. True when this instance won.
 */
export async function claimJobRun(db: Db, job: string, slot: Date, instance: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(jobRuns)
    .values({ job, slot, instance, startedAt: now, outcome: 'running' })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job });
  return rows.length === 1;
}

export async function markJobRunAttempt(db: Db, job: string, slot: Date, now: Date): Promise<void> {
  await db
    .update(jobRuns)
    .set({ outcome: 'running', startedAt: now, attempts: sql`${jobRuns.attempts} + 1` })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.slot, slot)));
}

export async function finishJobRun(
  db: Db,
  job: string,
  slot: Date,
  end: { outcome: 'ok' | 'failed'; now: Date; result?: unknown; error?: string },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({ outcome: end.outcome, finishedAt: end.now, result: end.result ?? null, error: end.error ?? null })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.slot, slot)));
}

/** The most recently started run of a job, whichever instance ran it (one indexed row: cheap for /health). */
export async function latestJobRun(db: Db, job: string): Promise<JobRunRow | undefined> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.startedAt)).limit(1);
  return row;
}
