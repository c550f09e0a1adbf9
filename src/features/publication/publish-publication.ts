import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findVisiblePublicationForUpdate, updatePublication } from './publication.repository.ts';

export const publicationVersionInput = {
  publicationId: z.string().uuid('Choose a notice'),
  version: z.coerce
    .number({ message: 'Reload the page and try again' })
    .int('Reload the page and try again')
    .min(1, 'Reload the page and try again'),
};

/** Puts a drafted notice on the force's public page. */
export async function publishPublication(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'publication.manage');
  const input = parseInput(z.object(publicationVersionInput), raw, 'Check the notice');
  return deps.db.transaction(async (tx) => {
    const row = await findVisiblePublicationForUpdate(tx, principal, input.publicationId);
    if (!row) throw notFound('notice');
    if (row.version !== input.version) throw staleVersion();
    if (row.status !== 'draft') throw new AppError('invalid_state', 'Only a draft notice can be published.');
    await updatePublication(tx, row, {
      status: 'published',
      publishedOn: ukToday(deps.now()),
      publishedBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'publication', id: row.id },
      { type: 'oversight.publication_published', publicationId: row.id, caseId: row.caseId, hearingOn: row.hearingOn },
    );
    return { id: row.id };
  });
}
