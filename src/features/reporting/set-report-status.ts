import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { isClosed, SETTABLE_STATUSES, statusChangeRefusal } from './report-rules.ts';
import { updateReport } from './reports.repository.ts';
import { lockReport, version } from './report-lock.ts';
import { recordReportClockSteps } from './report-clock-steps.ts';

export const statusInput = z.object({
  version,
  status: z.enum(SETTABLE_STATUSES, { message: 'Choose the new status' }),
});

/**
 * The unit moves a report on: assessing, investigating, or closed with its outcome (no action, referred
 * elsewhere). Closing tells the reporter the outcome, which is feedback: it meets the feedback clock if no
 * feedback was given before.
 */
export async function setReportStatus(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  raw: unknown,
  requestId: string | null,
): Promise<void> {
  authorize(principal, 'report.manage');
  const input = parseInput(statusInput, raw, 'Check the status');
  await deps.db.transaction(async (tx) => {
    const row = await lockReport(tx, principal, reportId, input.version);
    const refusal = statusChangeRefusal(row.status, input.status);
    if (refusal) throw new AppError('invalid_state', refusal);
    const today = ukToday(deps.now());
    const days = {
      ...(row.acknowledgedOn ? {} : { acknowledgedOn: today }),
      ...(isClosed(input.status) && !row.feedbackOn ? { feedbackOn: today } : {}),
    };
    await updateReport(tx, row.forceId, row.id, { status: input.status, statusOn: today, ...days });
    await recordReportClockSteps(tx, deps, row, days);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.status_changed', reportId: row.id, from: row.status, to: input.status },
    );
  });
}
