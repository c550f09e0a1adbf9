import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, type Principal } from '../../kernel/access/principal.ts';
import { authorizeParties } from './add-party.ts';
import { findVisibleCase } from './cases.repository.ts';
import { deleteParty, findParty } from './case-details.repository.ts';

const isUuid = (v: unknown) => z.string().uuid().safeParse(v).success;

/**
 * Removes a party from a case (recorded in error, or no longer a party). A person of the force who was a
 * party may see the case again if they otherwise need to know. The audit records the role, never the name.
 */
export async function removeParty(
  deps: Deps,
  principal: Principal | null,
  raw: { caseId: string; partyId: string },
  requestId: string | null,
) {
  authorizeParties(principal);
  if (!isUuid(raw.caseId)) throw notFound('case');
  if (!isUuid(raw.partyId)) throw notFound('party');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, raw.caseId, true);
    if (!theCase) throw notFound('case');
    const party = await findParty(tx, principal.forceId, theCase.id, raw.partyId);
    if (!party) throw notFound('party');
    await deleteParty(tx, principal.forceId, party.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.party_removed', caseId: theCase.id, partyId: party.id, role: party.role },
    );
    return { removed: party.id };
  });
}
