import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { publicationVersionInput } from './publish-publication.ts';
import { findVisiblePublicationForUpdate, updatePublication } from './publication.repository.ts';

export const withdrawPublicationInput = z.object({
  ...publicationVersionInput,
  reason: z
    .string({ message: 'Say why the notice is withdrawn' })
    .trim()
    .min(5, 'Say why the notice is withdrawn')
    .max(2000),
});

/** Takes a notice off the public page (for example, the hearing is now to be held in private). */
export async function withdrawPublication(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'publication.manage');
  const input = parseInput(withdrawPublicationInput, raw, 'Check the reason');
  return deps.db.transaction(async (tx) => {
    const row = await findVisiblePublicationForUpdate(tx, principal, input.publicationId);
    if (!row) throw notFound('notice');
    if (row.version !== input.version) throw staleVersion();
    if (row.status === 'withdrawn') throw new AppError('invalid_state', 'This notice has already been withdrawn.');
    await updatePublication(tx, row, { status: 'withdrawn', withdrawnReason: input.reason });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'publication', id: row.id },
      { type: 'oversight.publication_withdrawn', publicationId: row.id, caseId: row.caseId },
    );
    return { id: row.id };
  });
}
