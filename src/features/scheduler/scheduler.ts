import { Cron } from 'croner';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { writeAuditCheckpoint } from '../audit/index.ts';
import { sweepAllClocks } from '../deadlines/index.ts';
import { deliverOutbox } from '../notifications/index.ts';
import { caseClockReminders, enqueueClockReminders } from '../notifications/index.ts';
import { complaintClockReminders } from '../complaints/index.ts';
import { enqueueVettingReviewReminders } from '../notifications/index.ts';
import { enqueueReportReminders } from '../reporting/index.ts';
import type { Mailer } from '../notifications/index.ts';
import { sendDigests } from '../notifications/index.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { runEarlyInterventionForAll } from '../early-intervention/index.ts';
import { runClaimedJob, type ClaimedJobOutcome, type JobLogger } from './run-claimed-job.ts';

export const SWEEP_JOB = 'clock-sweep';
export const DIGEST_JOB = 'daily-digest';
export const CHECKPOINT_JOB = 'audit-checkpoint';
export const EI_JOB = 'early-intervention';

export type Scheduler = { stop: () => void; startup: Promise<ClaimedJobOutcome> };

/**
 * The sweep's work for one run: the clocks (cases and vetting), then the reminders of the day (after the
 * sweep, so that the states they follow are current: case clocks, restriction reviews among them, complaint
 * clocks, vetting reviews, and the confidential reports' acknowledgement and feedback limits), then whatever
 * e-mail is ready.
 */
export async function runSweep(deps: Deps, mailer: Mailer | null) {
  const today = ukToday(deps.now());
  const clocks = await sweepAllClocks(deps, { today });
  // One pass for every owner kind of the clock store that has reminders: case clocks, then complaint clocks.
  const reminders = await enqueueClockReminders(deps, {
    today,
    sources: [caseClockReminders, complaintClockReminders],
  });
  const vettingReviewReminders = await enqueueVettingReviewReminders(deps, { today });
  // The acknowledgement and feedback limits of confidential reports (docs/reporting.md).
  const reportReminders = await enqueueReportReminders(deps, { today });
  const mail = await deliverOutbox(deps, mailer);
  return { today, ...clocks, reminders, vettingReviewReminders, reportReminders, mail };
}

/**
 * The scheduler inside `probity serve` (croner: cron patterns in the UK time zone, no dependencies, overrun
 * protection; see docs/decisions/0010). It runs the sweep once at start-up and then on PROBITY_SWEEP_CRON,
 * the daily digest on PROBITY_DIGEST_CRON, and delivers the outbox every PROBITY_OUTBOX_SECONDS. Each sweep
 * and digest run is claimed in job_runs, so with several instances exactly one acts per run; the outbox
 * sender needs no claim (it leases rows). A failure is logged and retried and never stops the server.
 */
export function startScheduler(deps: Deps, log: JobLogger, mailer: Mailer | null): Scheduler {
  const options = { timezone: 'Europe/London', protect: true, catch: true } as const;
  const sweepCron = new Cron(deps.config.scheduler.sweepCron, options, async () => {
    await runClaimedJob(deps, { name: SWEEP_JOB, slot: slotOf(sweepCron), work: () => runSweep(deps, mailer), log });
  });
  const digestCron = new Cron(deps.config.scheduler.digestCron, options, async () => {
    await runClaimedJob(deps, {
      name: DIGEST_JOB,
      slot: slotOf(digestCron),
      work: async () => {
        const digests = await sendDigests(deps, { today: ukToday(deps.now()) });
        return { ...digests, mail: await deliverOutbox(deps, mailer) };
      },
      log,
    });
  });
  // Early intervention (features/early-intervention): every force's active rules, once a day on the digest's
  // cron (its own claim, so a failure of one never stops the other). Idempotent, like `probity ei run`.
  const eiCron = new Cron(deps.config.scheduler.digestCron, options, async () => {
    await runClaimedJob(deps, {
      name: EI_JOB,
      slot: slotOf(eiCron),
      work: async () => {
        const runs = await runEarlyInterventionForAll(deps, systemActor('scheduler'), {
          today: ukToday(deps.now()),
          trigger: 'scheduler',
        });
        return { forces: runs.length, opened: runs.reduce((n, r) => n + r.opened, 0) };
      },
      log,
    });
  });
  const outboxCron = new Cron('* * * * * *', { ...options, interval: deps.config.mail.outboxSeconds }, async () => {
    try {
      await deliverOutbox(deps, mailer);
    } catch (err) {
      log.error({ err }, 'outbox delivery failed; it will be tried again');
    }
  });
  const checkpointCron = scheduleAuditCheckpoints(deps, log, options);
  // The start-up run stands for the most recent slot, so an instance started just after another is skipped.
  const startup = runClaimedJob(deps, {
    name: SWEEP_JOB,
    slot: slotOf(sweepCron),
    work: () => runSweep(deps, mailer),
    log,
  });
  return {
    startup,
    // A run in progress finishes its current transaction or fails on the closed database; either way the
    // next start (or another instance) picks up what is left: every step is idempotent.
    stop: () => {
      for (const job of [sweepCron, digestCron, eiCron, outboxCron, checkpointCron]) job?.stop();
    },
  };
}

/**
 * Signed audit checkpoints on PROBITY_AUDIT_CHECKPOINT_CRON (default hourly; docs/decisions/0002-audit-chain.md),
 * only when a signing key and somewhere outside the database to write them are configured. Each run is
 * claimed like the sweep, so several instances write one checkpoint per slot; a failure is logged and
 * tried again, and never stops the server.
 */
function scheduleAuditCheckpoints(
  deps: Deps,
  log: JobLogger,
  options: { timezone: string; protect: boolean; catch: boolean },
): Cron | null {
  const settings = deps.config.auditCheckpoint;
  if (!settings.key && !settings.keyFile) return null;
  if (!settings.file && !settings.syslog) {
    log.error(
      {},
      'audit checkpoints are not scheduled: a signing key is set but neither PROBITY_AUDIT_CHECKPOINT_FILE nor PROBITY_AUDIT_CHECKPOINT_SYSLOG',
    );
    return null;
  }
  const job: Cron = new Cron(settings.cron ?? '0 * * * *', options, async () => {
    await runClaimedJob(deps, {
      name: CHECKPOINT_JOB,
      slot: slotOf(job),
      work: async () => {
        const { checkpoint, writtenTo } = await writeAuditCheckpoint(deps);
        return { createdAt: checkpoint.createdAt, chains: checkpoint.chains.length, writtenTo };
      },
      log,
    });
  });
  return job;
}

/**
 * The slot a run stands for: the latest scheduled time at or just before now. (croner's previousRuns is
 * strictly before its reference; a second's grace makes a run that fires on time stand for its own slot.)
 */
function slotOf(job: Cron): Date {
  const [slot] = job.previousRuns(1, new Date(Date.now() + 1000));
  return slot ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
}
