import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { findVisibleCase } from '../cases.repository.ts';
import { findCaseLetter } from './case-letters.repository.ts';

const UUID = z.string().uuid();

/** One letter of a case the principal may see (HTML and PDF), need-to-know as the case page; the read is audited. */
export async function viewCaseLetter(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  letterId: string,
  requestId: string | null,
) {
  authorize(principal, 'case.read', 'letter');
  if (!UUID.safeParse(caseId).success || !UUID.safeParse(letterId).success) throw notFound('letter');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    const letter = theCase ? await findCaseLetter(tx, theCase.forceId, theCase.id, letterId) : undefined;
    if (!theCase || !letter) throw notFound('letter');
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.letter_viewed', caseId: theCase.id, letterId: letter.id },
    );
    return { reference: theCase.reference, letter };
  });
}
