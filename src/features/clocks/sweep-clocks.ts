import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { REGIME_VERSIONS, type RegimeVersion } from '../../kernel/time/regime.ts';
import { updateClock } from './clocks.repository.ts';
import { lockClocksToSweep, type SweepRow } from './clock-sweep.repository.ts';
import { parseIsoDate } from '../../kernel/time/iso-date.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';
import { startClock } from './start-clock.ts';

/**
 * The clock sweeper's step for a case's clocks (convention 9): deadlines are rows with a stored due date, and
 * this finds the ones whose day has come, in batches, and acts on each exactly once. The other owners' steps
 * (complaints, vetting) sweep their rows of the same store; features/deadlines/sweep-all-clocks.ts runs them all.
 *
 * - A window (periods.ts WINDOW_PERIODS: the officer's or complainant's time, a warning in force) whose last
 *   day has passed becomes `met` (audit `clock.met`): it elapsed, nobody is late.
 * - A running clock whose due date is today or earlier becomes `due` (audit `clock.due`).
 * - A running or due clock whose due date is before today becomes `overdue` (audit `clock.overdue`). A clock
 *   the sweeper missed for days goes through both in one run, so both events are recorded and both counted.
 * - Each batch is one transaction and locks its rows FOR UPDATE SKIP LOCKED, so two app instances (or a cron
 *   job and an instance) split the work instead of both acting; the state change and the `*_notified_at`
 *   stamps mean a second run finds nothing to do. Running it twice changes nothing the second time.
 * - Reg 19 / C&M reg 13 (§2.7): the first report to the local policing body is due 12 months after the
 *   matter came to attention, then "each subsequent 6 months". So when a `pcc_report_first` or
 *   `pcc_report_repeat` clock falls due and its case is still open, the next `pcc_report_repeat` clock
 *   (sequence + 1) starts on the previous due date and runs 6 months. startClock's idempotency makes a
 *   retried batch safe. A case closing concurrently may leave one repeat running; closing the case cancels
 *   its clocks (cancelCaseClocks), and the sweeper cancels (rather than marks) any reg 19 clock it reaches
 *   whose case is closed: a closed case's investigation is complete, and no report is made for it.
 */

export type SweepResult = {
  markedDue: number;
  markedOverdue: number;
  repeatsCreated: number;
  cancelled: number;
  windowsElapsed: number;
};

const REPORT_PERIODS = new Set(['pcc_report_first', 'pcc_report_repeat']);

export async function sweepClocks(deps: Deps, options: { today: IsoDate; batchSize?: number }): Promise<SweepResult> {
  parseIsoDate(options.today);
  const batchSize = options.batchSize ?? 200;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new RangeError(`The batch size must be a whole number of at least 1, not ${batchSize}`);
  const total: SweepResult = { markedDue: 0, markedOverdue: 0, repeatsCreated: 0, cancelled: 0, windowsElapsed: 0 };
  // Every row a batch locks leaves the selection (its state moves on), so the loop ends; a repeat created
  // already due is picked up by a later batch of the same run.
  for (;;) {
    const batch = await deps.db.transaction(async (tx) => {
      const rows = await lockClocksToSweep(tx, options.today, batchSize);
      const result: SweepResult = {
        markedDue: 0,
        markedOverdue: 0,
        repeatsCreated: 0,
        cancelled: 0,
        windowsElapsed: 0,
      };
      for (const row of rows) await sweepOne(tx, deps, row, options.today, result);
      return { rows: rows.length, result };
    });
    if (batch.rows === 0) return total;
    for (const key of Object.keys(total) as (keyof SweepResult)[]) total[key] += batch.result[key];
  }
}

async function sweepOne(tx: Db, deps: Deps, row: SweepRow, today: IsoDate, result: SweepResult): Promise<void> {
  const actor = systemActor('clock sweeper', row.force_id);
  const subject = { type: 'clock', id: row.id };
  const facts = { clockId: row.id, caseId: row.case_id, period: row.period, sequence: row.sequence, dueOn: row.due_on };
  const now = deps.now();
  if (REPORT_PERIODS.has(row.period) && !row.case_open) {
    await updateClock(tx, row.force_id, row.id, { state: 'cancelled' });
    await recordAudit(tx, actor, subject, { type: 'clock.cancelled', ...facts });
    result.cancelled += 1;
    return;
  }
  if ((WINDOW_PERIODS as ReadonlySet<string>).has(row.period)) {
    // A window is judged after its last day: on that day it is still open.
    if (row.due_on >= today) return;
    await updateClock(tx, row.force_id, row.id, { state: 'met', metOn: row.due_on });
    await recordAudit(tx, actor, subject, { type: 'clock.met', ...facts, metOn: row.due_on });
    result.windowsElapsed += 1;
    return;
  }
  let state: 'due' | 'overdue' = 'due';
  const stamps: { dueNotifiedAt?: Date; overdueNotifiedAt?: Date } = {};
  if (row.state === 'running') {
    if (!row.due_notified) {
      await recordAudit(tx, actor, subject, { type: 'clock.due', ...facts });
      stamps.dueNotifiedAt = now;
    }
    result.markedDue += 1;
    if (REPORT_PERIODS.has(row.period) && isRegimeVersion(row.regime_version)) {
      const next = await startClock(tx, deps, {
        forceId: row.force_id,
        caseId: row.case_id,
        allegationId: row.allegation_id,
        subjectId: row.subject_id,
        period: 'pcc_report_repeat',
        sequence: row.sequence + 1,
        startOn: row.due_on,
        regimeVersion: row.regime_version,
        ownerUserId: row.owner_user_id,
        actor,
      });
      if (next?.created) result.repeatsCreated += 1;
    }
  }
  if (row.due_on < today) {
    state = 'overdue';
    if (!row.overdue_notified) {
      await recordAudit(tx, actor, subject, { type: 'clock.overdue', ...facts, sweptOn: today });
      stamps.overdueNotifiedAt = now;
    }
    result.markedOverdue += 1;
  }
  await updateClock(tx, row.force_id, row.id, { state, ...stamps });
}

function isRegimeVersion(value: string): value is RegimeVersion {
  return (REGIME_VERSIONS as readonly string[]).includes(value);
}
