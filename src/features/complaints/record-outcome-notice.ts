import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { outcomeNoticeBody, type OutcomeNoticeInput } from './complaint-input.ts';
import {
  closeClocks,
  dateErrors,
  failIf,
  lockComplaint,
  requireStatus,
  startComplaintClock,
} from './complaint-steps.ts';
import { insertComplaintDecision, updateComplaint } from './complaints.repository.ts';
import { reviewWindowEnds } from './rules/complaint-clocks.ts';

/**
 * The outcome notice sent after the outcome was recorded: meets the outcome-notice clock and, where a review
 * is available, opens the review window (28 days beginning with the day after, C&M Regs 2020 reg 29(2)).
 */
export async function recordOutcomeNotice(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: OutcomeNoticeInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const message = 'Check the outcome notice';
  const input = parseInput(outcomeNoticeBody, raw, message);
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    requireStatus(row, ['finalised'], 'record the outcome notice');
    if (row.outcomeNotifiedOn)
      throw new AppError('invalid_state', 'The outcome notice is already recorded for this complaint.');
    failIf(
      dateErrors({ notifiedOn: input.notifiedOn }, today, {
        date: row.outcomeDecidedOn ?? row.receivedOn,
        words: 'the outcome was decided',
      }),
      message,
    );
    const windowEnds =
      row.reviewBody && row.reviewBody !== 'none'
        ? reviewWindowEnds(deps.config.rules.periods, input.notifiedOn, 0, deps.config.rules.calendar)
        : null;
    const updated = await updateComplaint(tx, row, input.version, {
      outcomeNotifiedOn: input.notifiedOn,
      reviewWindowEndsOn: windowEnds,
    });
    await insertComplaintDecision(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      kind: 'outcome_notice',
      decidedOn: input.notifiedOn,
      decidedBy: principal.userId,
      reasons: '',
      details: { reviewWindowEndsOn: windowEnds },
    });
    const actor = actorOf(principal, requestId);
    await recordAudit(
      tx,
      actor,
      { type: 'complaint', id: row.id },
      {
        type: 'complaint.outcome_notice',
        complaintId: row.id,
        notifiedOn: input.notifiedOn,
        reviewWindowEndsOn: windowEnds,
      },
    );
    const ctx = { tx, deps, actor, complaint: updated };
    await closeClocks(ctx, ['complaint_outcome_notice'], { state: 'met', metOn: input.notifiedOn });
    if (windowEnds) await startComplaintClock(ctx, 'complainant_review_window', input.notifiedOn, windowEnds);
    return { id: row.id, version: updated.version, status: updated.status, reviewWindowEndsOn: windowEnds };
  });
}
