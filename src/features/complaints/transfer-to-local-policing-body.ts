import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { AppError } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { lockComplaint, requireStatus } from './complaint-steps.ts';
import { insertComplaintDecision, updateComplaint } from './complaints.repository.ts';

export const transferBody = z.object({
  version: z.number({ message: 'Send the version you saw' }).int().positive(),
  reasons: z
    .string()
    .trim()
    .min(1, 'Say why the complaint is about the chief officer')
    .max(5000, 'Use 5000 characters or fewer'),
});
export type TransferInput = z.input<typeof transferBody>;

/**
 * A complaint the force logged (through the portal, say) that turns out to be about the chief officer passes to
 * the local policing body, its appropriate authority (Police Reform Act 2002 s.29 and Sch 3 para 1; Complaints
 * and Misconduct Regs 2020 reg 5): from then on only the PCC office's complaints users see and handle it, its
 * clocks and reminders with it, and the force's function gets 404 unless given need-to-know. Only while open.
 */
export async function transferToLocalPolicingBody(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: TransferInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const input = parseInput(transferBody, raw, 'Check the transfer');
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    if (row.appropriateAuthority === 'local_policing_body')
      throw new AppError('invalid_state', 'The local policing body is already this complaint’s appropriate authority.');
    requireStatus(
      row,
      ['logged', 'recorded', 'referred', 'being_handled'],
      'pass the complaint to the local policing body',
    );
    const updated = await updateComplaint(tx, row, input.version, { appropriateAuthority: 'local_policing_body' });
    const today = ukToday(deps.now());
    await insertComplaintDecision(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      kind: 'transferred',
      decidedOn: today,
      decidedBy: principal.userId,
      reasons: input.reasons,
      details: { to: 'local_policing_body' },
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint', id: row.id },
      { type: 'complaint.transferred', complaintId: row.id, to: 'local_policing_body', on: today },
    );
    return { id: row.id, version: updated.version, status: updated.status };
  });
}
