import type { Deps } from '../../kernel/deps.ts';
import { latestJobRun } from './job-runs.repository.ts';
import { SWEEP_JOB } from './scheduler.ts';

export type SweepStatus = {
  scheduler: 'on' | 'off';
  lastRun: null | {
    slot: string;
    startedAt: string;
    finishedAt: string | null;
    outcome: 'running' | 'ok' | 'failed';
    attempts: number;
    instance: string;
    error: string | null;
  };
};

/** The last sweep, whichever instance ran it, for /health and /metrics: one indexed row. */
export async function sweepStatus(deps: Deps): Promise<SweepStatus> {
  const run = await latestJobRun(deps.db, SWEEP_JOB);
  return {
    scheduler: deps.config.scheduler.enabled ? 'on' : 'off',
    lastRun: run
      ? {
          slot: run.slot.toISOString(),
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          outcome: run.outcome,
          attempts: run.attempts,
          instance: run.instance,
          error: run.error,
        }
      : null,
  };
}
