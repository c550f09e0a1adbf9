import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { isoDate, version } from './recommendation-input.ts';
import { findPublished, markPublished } from './published.repository.ts';

export const publishInput = z.object({ publishedOn: isoDate('the date it was published'), version });

/** The commissioner's office records the date a generated response was published (not in the future). */
export async function publishResponse(
  deps: Deps,
  principal: Principal | null,
  id: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.verify', 'response');
  if (!z.string().uuid().safeParse(id).success) throw notFound('response');
  const input = parseInput(publishInput, raw, 'Check the date of publication');
  if (input.publishedOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the date of publication', {
      publishedOn: 'The date it was published cannot be in the future',
    });
  return deps.db.transaction(async (tx) => {
    const row = await findPublished(tx, principal.forceId, id, true);
    if (!row) throw notFound('response');
    if (row.version !== input.version) throw staleVersion();
    await markPublished(tx, row, input.publishedOn, principal.userId);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'inspection_report', id: row.reportId },
      {
        type: 'recommendation.response_published',
        reportId: row.reportId,
        publishedResponseId: row.id,
        publishedOn: input.publishedOn,
      },
    );
    return { id: row.id, publishedOn: input.publishedOn, version: row.version + 1 };
  });
}
