import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { WINDOW_PERIODS } from '../../kernel/time/periods.ts';
import { lockComplaintClocksToSweep, updateSweptComplaintClock } from './complaint-clock-sweep.repository.ts';

/**
 * The sweeper for a public complaint's clocks (the one store's rows of owner kind 'complaint'), run by
 * `sweepAllClocks` (features/deadlines) after the case clocks, the same way:
 * - the complainant's review window (C&M Regs 2020 reg 29(2)) whose last day has passed becomes `met` on
 *   its last day: it elapsed, nobody is late (audit `complaint.clock`, change `met`);
 * - a clock due today or earlier is recorded once as due, and one due before today once as overdue (audit
 *   `complaint.clock`, change `due` / `overdue`, stamped `due_notified_at` / `overdue_notified_at`). Unlike a
 *   case clock it stays `running` — it is still owed, and the complaint's steps meet running clocks — so
 *   the deadline lists, which judge overdue by the date, are unchanged by the sweep.
 * Each batch is one transaction, locked FOR UPDATE SKIP LOCKED; running it twice changes nothing the second time.
 */

export type ComplaintSweepResult = { markedDue: number; markedOverdue: number; windowsElapsed: number };

export async function sweepComplaintClocks(
  deps: Deps,
  options: { today: IsoDate; batchSize: number },
): Promise<ComplaintSweepResult> {
  const total: ComplaintSweepResult = { markedDue: 0, markedOverdue: 0, windowsElapsed: 0 };
  for (;;) {
    const found = await deps.db.transaction(async (tx) => {
      const rows = await lockComplaintClocksToSweep(tx, options.today, options.batchSize);
      for (const row of rows) {
        const actor = systemActor('clock sweeper', row.force_id);
        const subject = { type: 'complaint', id: row.complaint_id };
        const facts = {
          type: 'complaint.clock' as const,
          complaintId: row.complaint_id,
          period: row.period,
          dueOn: row.due_on,
        };
        if ((WINDOW_PERIODS as ReadonlySet<string>).has(row.period)) {
          await updateSweptComplaintClock(tx, row.force_id, row.id, { state: 'met', metOn: row.due_on });
          await recordAudit(tx, actor, subject, { ...facts, change: 'met' });
          total.windowsElapsed += 1;
          continue;
        }
        const stamps: { dueNotifiedAt?: Date; overdueNotifiedAt?: Date } = {};
        if (!row.due_notified) {
          await recordAudit(tx, actor, subject, { ...facts, change: 'due' });
          stamps.dueNotifiedAt = deps.now();
          total.markedDue += 1;
        }
        if (row.due_on < options.today && !row.overdue_notified) {
          await recordAudit(tx, actor, subject, { ...facts, change: 'overdue' });
          stamps.overdueNotifiedAt = deps.now();
          total.markedOverdue += 1;
        }
        await updateSweptComplaintClock(tx, row.force_id, row.id, stamps);
      }
      return rows.length;
    });
    if (found === 0) return total;
  }
}
