import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { openReport } from './report-content.ts';
import { insertMessage, updateReport } from './reports.repository.ts';
import { lockReport, version } from './report-lock.ts';
import { recordReportClockSteps } from './report-clock-steps.ts';

export const messageInput = z.object({
  version,
  body: z
    .string({ message: 'Write the message' })
    .trim()
    .min(1, 'Write the message')
    .max(10_000, 'Use at most 10,000 characters'),
  /** A message to the reporter that tells them what was done or is planned: it meets the feedback clock. */
  feedback: z.union([z.boolean(), z.enum(['yes', 'no', ''])]).optional(),
});

/**
 * The unit writes on a report: `to_reporter` is a message the reporter reads with their receipt; `note` is
 * an internal note the reporter never sees. Sealed under the report's key; audited without its words.
 */
export async function addReportMessage(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  kind: 'to_reporter' | 'note',
  raw: unknown,
  requestId: string | null,
): Promise<{ id: string }> {
  authorize(principal, 'report.manage');
  const input = parseInput(messageInput, raw, kind === 'note' ? 'Check the note' : 'Check the message');
  return deps.db.transaction(async (tx) => {
    const row = await lockReport(tx, principal, reportId, input.version);
    const id = randomUUID();
    await insertMessage(tx, {
      forceId: row.forceId,
      id,
      reportId: row.id,
      kind,
      authorId: principal.userId,
      body: openReport(deps.config.reporting, row).seal(`message:${id}`, input.body),
      sentOn: ukToday(deps.now()),
    });
    const today = ukToday(deps.now());
    const feedback = kind === 'to_reporter' && (input.feedback === true || input.feedback === 'yes') && !row.feedbackOn;
    await updateReport(tx, row.forceId, row.id, feedback ? { feedbackOn: today } : {});
    if (feedback) await recordReportClockSteps(tx, deps, row, { feedbackOn: today });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      kind === 'note'
        ? { type: 'report.note_added', reportId: row.id, messageId: id }
        : { type: 'report.message_sent', reportId: row.id, messageId: id },
    );
    return { id };
  });
}
