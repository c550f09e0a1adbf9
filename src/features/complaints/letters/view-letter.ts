import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { findVisibleComplaint } from '../complaints.repository.ts';
import { findComplaintLetter } from './letters.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One letter of a complaint the principal may see (HTML and PDF); the read is audited. */
export async function viewComplaintLetter(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  letterId: string,
  requestId: string | null,
) {
  authorize(principal, 'complaint.read', 'letter');
  if (!UUID.test(complaintId) || !UUID.test(letterId)) throw notFound('letter');
  return deps.db.transaction(async (tx) => {
    const complaint = await findVisibleComplaint(tx, principal, complaintId);
    const letter = complaint ? await findComplaintLetter(tx, complaint.forceId, complaint.id, letterId) : undefined;
    if (!complaint || !letter) throw notFound('letter');
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint', id: complaint.id },
      { type: 'complaint.letter_viewed', complaintId: complaint.id, letterId: letter.id },
    );
    return { reference: complaint.reference, letter };
  });
}
