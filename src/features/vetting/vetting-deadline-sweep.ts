import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { addCalendarDays } from '../../kernel/time/working-days.ts';
import { openReviewForTrigger } from './reviews/open-review-for-trigger.ts';
import {
  lockClearancesNeedingRenewalReview,
  lockExpiredClearances,
  lockVettingClocksToSweep,
  markClearanceExpired,
  setVettingClockState,
  type VettingSweepRow,
} from './vetting-deadlines.repository.ts';

/**
 * Vetting's step of the one sweeper (deadlines/sweep-all-clocks.ts), run after the case and complaint clocks, in batches
 * of one transaction each, every batch locking its rows FOR UPDATE SKIP LOCKED, and changing nothing when
 * run again for the same day:
 *  1. renewal reviews: each active clearance of a current person that expires within the force's lead time
 *     (`integrity.renewalLeadDays`, default 90) gets one 'renewal' review, keyed `clearance:<id>:<expiresOn>`
 *     (a renewed clearance with a new expiry gets its own review in its turn);
 *  2. expiry: an active clearance whose last day has passed becomes 'expired' (ended on its expiry date);
 *  3. clocks: a duty (review due, renewal due) is marked due on its day and overdue after it; a window
 *     (the officer's appeal, WINDOW_PERIODS) elapses after its last day instead — it is nobody's deadline.
 * Renewal reviews come before expiry so that a clearance found already expired still gets its review.
 */

export type VettingSweepResult = {
  renewalReviewsOpened: number;
  clearancesExpired: number;
  markedDue: number;
  markedOverdue: number;
  windowsElapsed: number;
};

export const ZERO_VETTING_SWEEP: VettingSweepResult = Object.freeze({
  renewalReviewsOpened: 0,
  clearancesExpired: 0,
  markedDue: 0,
  markedOverdue: 0,
  windowsElapsed: 0,
});

export async function sweepVettingDeadlines(
  deps: Deps,
  options: { today: IsoDate; batchSize: number },
): Promise<VettingSweepResult> {
  const total: VettingSweepResult = { ...ZERO_VETTING_SWEEP };
  const until = addCalendarDays(options.today, deps.config.rules.integrity.renewalLeadDays);
  await inBatches(deps, async (tx) => {
    const rows = await lockClearancesNeedingRenewalReview(tx, until, options.batchSize);
    for (const c of rows) {
      const opened = await openReviewForTrigger(tx, deps, {
        forceId: c.force_id,
        personId: c.person_id,
        trigger: 'renewal',
        sourceKey: `clearance:${c.id}:${c.expires_on}`,
        openedOn: options.today,
        actor: systemActor('clock sweeper', c.force_id),
      });
      if (opened.created) total.renewalReviewsOpened += 1;
    }
    return rows.length;
  });
  await inBatches(deps, async (tx) => {
    const rows = await lockExpiredClearances(tx, options.today, options.batchSize);
    for (const c of rows) {
      await markClearanceExpired(tx, c);
      await recordAudit(
        tx,
        systemActor('clock sweeper', c.force_id),
        { type: 'vetting_clearance', id: c.id, personId: c.person_id },
        {
          type: 'vetting.clearance_expired',
          clearanceId: c.id,
          personId: c.person_id,
          expiresOn: c.expires_on,
        },
      );
      total.clearancesExpired += 1;
    }
    return rows.length;
  });
  await inBatches(deps, async (tx) => {
    const rows = await lockVettingClocksToSweep(tx, options.today, options.batchSize);
    for (const row of rows) await sweepClock(tx, deps, row, options.today, total);
    return rows.length;
  });
  return total;
}

/** Runs `batch` in its own transaction until a batch finds nothing (every row a batch takes leaves the selection). */
async function inBatches(deps: Deps, batch: (tx: Db) => Promise<number>): Promise<void> {
  for (;;) {
    const n = await deps.db.transaction(batch);
    if (n === 0) return;
  }
}

async function sweepClock(
  tx: Db,
  deps: Deps,
  row: VettingSweepRow,
  today: IsoDate,
  total: VettingSweepResult,
): Promise<void> {
  const actor = systemActor('clock sweeper', row.force_id);
  const subject = { type: 'vetting_clock', id: row.id, personId: row.person_id };
  const facts = { clockId: row.id, period: row.period, dueOn: row.due_on };
  if (row.is_window) {
    await setVettingClockState(tx, row, { state: 'met', metOn: row.due_on });
    await recordAudit(tx, actor, subject, { type: 'vetting.window_elapsed', ...facts });
    total.windowsElapsed += 1;
    return;
  }
  const now = deps.now();
  const stamps: { dueNotifiedAt?: Date; overdueNotifiedAt?: Date } = {};
  if (row.state === 'running') {
    if (!row.due_notified) {
      await recordAudit(tx, actor, subject, { type: 'vetting.clock_due', ...facts });
      stamps.dueNotifiedAt = now;
    }
    total.markedDue += 1;
  }
  let state: 'due' | 'overdue' = 'due';
  if (row.due_on < today) {
    state = 'overdue';
    if (!row.overdue_notified) {
      await recordAudit(tx, actor, subject, { type: 'vetting.clock_overdue', ...facts, sweptOn: today });
      stamps.overdueNotifiedAt = now;
    }
    total.markedOverdue += 1;
  }
  await setVettingClockState(tx, row, { state, ...stamps });
}
