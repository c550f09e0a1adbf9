import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { progressUpdateBody, type ProgressUpdateInput } from './complaint-input.ts';
import {
  closeClocks,
  dateErrors,
  failIf,
  lockComplaint,
  requireStatus,
  startComplaintClock,
} from './complaint-steps.ts';
import { insertComplaintDecision, updateComplaint } from './complaints.repository.ts';

/**
 * A progress update sent to the complainant on a recorded complaint (within 4 weeks of the start, then every
 * 4 weeks): meets the running progress-update clock and starts the next one from the day it was sent.
 */
export async function recordProgressUpdate(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: ProgressUpdateInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const message = 'Check the progress update';
  const input = parseInput(progressUpdateBody, raw, message);
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    requireStatus(row, ['recorded', 'referred', 'being_handled'], 'record a progress update');
    failIf(
      dateErrors({ sentOn: input.sentOn }, today, {
        date: row.initialHandlingOn ?? row.receivedOn,
        words: 'the complaint was recorded',
      }),
      message,
    );
    const updated = await updateComplaint(tx, row, input.version, {});
    await insertComplaintDecision(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      kind: 'progress_update',
      decidedOn: input.sentOn,
      decidedBy: principal.userId,
      reasons: input.reasons,
      details: {},
    });
    const actor = actorOf(principal, requestId);
    await recordAudit(
      tx,
      actor,
      { type: 'complaint', id: row.id },
      { type: 'complaint.progress_update', complaintId: row.id, sentOn: input.sentOn },
    );
    const ctx = { tx, deps, actor, complaint: updated };
    const met = await closeClocks(ctx, ['complaint_progress_update'], { state: 'met', metOn: input.sentOn });
    const sequence = Math.max(0, ...met.map((k) => k.sequence)) + 1;
    const next = await startComplaintClock(ctx, 'complaint_progress_update', input.sentOn, undefined, sequence);
    return { id: row.id, version: updated.version, status: updated.status, nextUpdateDueOn: next.dueOn };
  });
}
