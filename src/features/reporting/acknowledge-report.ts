import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { acknowledgeRefusal } from './report-rules.ts';
import { updateReport } from './reports.repository.ts';
import { lockReport, version } from './report-lock.ts';
import { recordReportClockSteps } from './report-clock-steps.ts';

export const acknowledgeInput = z.object({ version });

/** The unit acknowledges a received report: the reporter then reads "Acknowledged". */
export async function acknowledgeReport(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  raw: unknown,
  requestId: string | null,
): Promise<void> {
  authorize(principal, 'report.manage');
  const input = parseInput(acknowledgeInput, raw, 'Check the report');
  await deps.db.transaction(async (tx) => {
    const row = await lockReport(tx, principal, reportId, input.version);
    const refusal = acknowledgeRefusal(row.status);
    if (refusal) throw new AppError('invalid_state', refusal);
    const today = ukToday(deps.now());
    await updateReport(tx, row.forceId, row.id, { status: 'acknowledged', acknowledgedOn: today, statusOn: today });
    await recordReportClockSteps(tx, deps, row, { acknowledgedOn: today });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.acknowledged', reportId: row.id },
    );
  });
}
