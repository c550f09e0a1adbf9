import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { AppError } from '../../kernel/errors.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { complaintPolicy } from './complaint.policy.ts';
import { failIf, lockComplaint } from './complaint-steps.ts';
import {
  complaintReadableBy,
  forceAccountByEmail,
  insertComplaintAccess,
  isComplainedAbout,
} from './complaint-access.repository.ts';

export const complaintAccessBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter the e-mail address of their Probity account').max(320),
  reason: z
    .string()
    .trim()
    .min(1, 'Say why they need to know (for example, to preserve evidence)')
    .max(2000, 'Use 2000 characters or fewer'),
});
export type ComplaintAccessInput = z.input<typeof complaintAccessBody>;

/**
 * Gives one account need-to-know of one complaint: its appropriate authority (a user who handles the
 * complaint) names someone of the force who holds complaint.read — for a complaint about the chief officer,
 * handled by the PCC office, a force user who must act on it (e.g. to preserve evidence: Sch 3 para 1). The
 * account then reads the complaint with the same screens; decisions stay with the appropriate authority. Never
 * someone complained about in it, nor someone who already sees it. Audited (`complaint.access_granted`).
 */
export async function grantComplaintAccess(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: ComplaintAccessInput,
  requestId: string | null,
) {
  authorizeBy(principal, complaintPolicy.grantAccess, 'complaint');
  const message = 'Check who needs to know';
  const input = parseInput(complaintAccessBody, raw, message);
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    const account = await forceAccountByEmail(tx, row.forceId, input.email);
    if (!account || !complaintPolicy.mayBeGivenAccess(account))
      throw new AppError('validation', message, {
        email: 'Enter the e-mail of an active account of your force that may read complaints',
      });
    if (account.personId && (await isComplainedAbout(tx, row.forceId, row.id, account.personId)))
      failIf({ email: 'They are complained about in this complaint' }, message);
    if (await complaintReadableBy(tx, account, row.id))
      failIf({ email: 'They can already see this complaint' }, message);
    await insertComplaintAccess(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      userId: account.userId,
      grantedBy: principal.userId,
      grantedOn: ukToday(deps.now()),
      reason: input.reason,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint', id: row.id },
      { type: 'complaint.access_granted', complaintId: row.id, userId: account.userId },
    );
    return { id: row.id, version: row.version, status: row.status, userId: account.userId };
  });
}
