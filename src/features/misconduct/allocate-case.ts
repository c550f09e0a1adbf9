import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { findUserById } from '../auth/index.ts';
import { findVisibleCase, personIsInvolved, updateCase } from './cases.repository.ts';
import { notifyUsers } from '../notifications/index.ts';
import { casePolicy } from './case.policy.ts';

export const allocateCaseInput = z.object({
  caseId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  leadInvestigatorId: z.string().uuid('Choose an investigator').nullable(),
});

/** The appropriate authority names the lead investigator (or returns the case to the unallocated queue). */
export async function allocateCase(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof allocateCaseInput>,
  requestId: string | null,
) {
  authorizeBy(principal, casePolicy.allocate, 'case');
  const input = parseInput(allocateCaseInput, raw, 'Check the allocation');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    if (theCase.version !== input.version) throw staleVersion();
    if (input.leadInvestigatorId) {
      const user = await findUserById(tx, input.leadInvestigatorId);
      if (!user || user.forceId !== principal.forceId || !casePolicy.mayLead(user))
        throw new AppError('validation', 'Check the allocation', {
          leadInvestigatorId: 'Choose an active investigator of this force',
        });
      // Need-to-know would hide the case from a lead who is a subject or party of it: refuse, do not hide.
      if (user.personId && (await personIsInvolved(tx, principal.forceId, theCase.id, user.personId))) {
        throw new AppError('validation', 'Check the allocation', {
          leadInvestigatorId: 'This investigator is a subject or party of the case',
        });
      }
    }
    await updateCase(tx, principal.forceId, theCase.id, {
      leadInvestigatorId: input.leadInvestigatorId,
      version: theCase.version + 1,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.allocated', caseId: theCase.id, leadInvestigatorId: input.leadInvestigatorId },
    );
    // The new lead is told in the same transaction (in the app, and by e-mail through the outbox).
    if (input.leadInvestigatorId && input.leadInvestigatorId !== theCase.leadInvestigatorId)
      await notifyUsers(tx, deps, [input.leadInvestigatorId], {
        kind: 'case_allocated',
        subject: { type: 'case', id: theCase.id, reference: theCase.reference },
        message: `${theCase.reference} has been allocated to you as lead investigator.`,
        path: `/cases/${theCase.id}`,
        dedupeKey: `case:${theCase.id}:allocated:v${theCase.version + 1}`,
      });
    return { version: theCase.version + 1 };
  });
}
