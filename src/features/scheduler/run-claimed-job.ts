import type { Deps } from '../../kernel/deps.ts';
import { claimJobRun, finishJobRun, markJobRunAttempt } from './job-runs.repository.ts';

export type JobLogger = {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

export type ClaimedJobOutcome =
  | { status: 'skipped' }
  | { status: 'ok'; result: unknown; attempts: number }
  | { status: 'failed'; error: string; attempts: number };

/**
 * Runs one scheduled run of a job if this instance wins its claim (job-runs.repository.ts claimJobRun):
 * with several instances on one database exactly one acts per (job, slot). A failure is logged with its
 * error and tried again after `retrySeconds`, up to `attempts` tries; it never throws, so a failing job
 * cannot stop the server. The outcome is recorded in job_runs for /health and /metrics.
 */
export async function runClaimedJob(
  deps: Deps,
  job: {
    name: string;
    slot: Date;
    work: () => Promise<unknown>;
    log: JobLogger;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<ClaimedJobOutcome> {
  const { instanceId, attempts, retrySeconds } = deps.config.scheduler;
  if (!(await claimJobRun(deps.db, job.name, job.slot, instanceId, new Date()))) {
    job.log.info({ job: job.name, slot: job.slot }, 'scheduled run already taken by another instance');
    return { status: 'skipped' };
  }
  const sleep = job.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  let error = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (attempt > 1) {
      await sleep(retrySeconds * 1000);
      await markJobRunAttempt(deps.db, job.name, job.slot, new Date());
    }
    try {
      const result = await job.work();
      await finishJobRun(deps.db, job.name, job.slot, { outcome: 'ok', now: new Date(), result });
      job.log.info({ job: job.name, slot: job.slot, attempt, result }, 'scheduled run finished');
      return { status: 'ok', result, attempts: attempt };
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      job.log.error({ job: job.name, slot: job.slot, attempt, err }, 'scheduled run failed');
      await finishJobRun(deps.db, job.name, job.slot, { outcome: 'failed', now: new Date(), error }).catch(
        (recordErr: unknown) => job.log.error({ err: recordErr }, 'could not record the failed run'),
      );
    }
  }
  return { status: 'failed', error, attempts };
}
