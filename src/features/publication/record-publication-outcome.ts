import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { publicationVersionInput } from './publish-publication.ts';
import { findVisiblePublicationForUpdate, updatePublication } from './publication.repository.ts';

export const publicationOutcomeInput = z.object({
  ...publicationVersionInput,
  outcome: z
    .string({ message: 'Give the outcome' })
    .trim()
    .min(10, 'Give the outcome as it will be published (the finding and any sanction), in at least 10 characters')
    .max(5000),
  outcomeOn: isoDateString('Enter the date of the outcome'),
});

/** The outcome of the hearing, in the words the force publishes; shown on the public page once the notice is published. */
export async function recordPublicationOutcome(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'publication.manage');
  const input = parseInput(publicationOutcomeInput, raw, 'Check the outcome');
  if (input.outcomeOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the outcome', {
      outcomeOn: 'The date of the outcome cannot be in the future',
    });
  return deps.db.transaction(async (tx) => {
    const row = await findVisiblePublicationForUpdate(tx, principal, input.publicationId);
    if (!row) throw notFound('notice');
    if (row.version !== input.version) throw staleVersion();
    if (row.status === 'withdrawn') throw new AppError('invalid_state', 'This notice has been withdrawn.');
    if (input.outcomeOn < row.hearingOn)
      throw new AppError('validation', 'Check the outcome', {
        outcomeOn: 'The outcome cannot be dated before the hearing',
      });
    await updatePublication(tx, row, { outcome: input.outcome, outcomeOn: input.outcomeOn });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'publication', id: row.id },
      { type: 'oversight.publication_outcome', publicationId: row.id, caseId: row.caseId, outcomeOn: input.outcomeOn },
    );
    return { id: row.id };
  });
}
