import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { withdrawalBody, type WithdrawalInput } from './complaint-input.ts';
import { closeClocks, dateErrors, failIf, lockComplaint, requireStatus } from './complaint-steps.ts';
import { insertComplaintDecision, updateComplaint } from './complaints.repository.ts';

/**
 * Withdrawal (Complaints and Misconduct Regs 2020 reg 38): on the complainant's signed notice the complaint
 * is recorded as withdrawn and its clocks end. Where it was referred, the decision records that the IOPC
 * must be told, and the IOPC decides whether to treat the matter as a recordable conduct matter.
 */
export async function withdrawComplaint(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: WithdrawalInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const message = 'Check the withdrawal';
  const input = parseInput(withdrawalBody, raw, message);
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    requireStatus(row, ['logged', 'recorded', 'referred', 'being_handled'], 'withdraw the complaint');
    failIf(
      dateErrors({ withdrawnOn: input.withdrawnOn }, today, {
        date: row.receivedOn,
        words: 'the complaint was received',
      }),
      message,
    );
    const updated = await updateComplaint(tx, row, input.version, {
      status: 'withdrawn',
      withdrawnOn: input.withdrawnOn,
      reviewBody: 'none',
      reviewBodyReason: 'The complaint was withdrawn (Complaints and Misconduct Regs 2020 reg 38).',
    });
    const tellIopc = !!row.referred;
    await insertComplaintDecision(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      kind: 'withdrawn',
      decidedOn: input.withdrawnOn,
      decidedBy: principal.userId,
      reasons: input.reasons,
      details: { signedNotice: true, tellIopc },
    });
    const actor = actorOf(principal, requestId);
    await recordAudit(
      tx,
      actor,
      { type: 'complaint', id: row.id },
      { type: 'complaint.withdrawn', complaintId: row.id, withdrawnOn: input.withdrawnOn },
    );
    await closeClocks({ tx, deps, actor, complaint: updated }, 'all', { state: 'cancelled' });
    return { id: row.id, version: updated.version, status: updated.status, tellIopc };
  });
}
