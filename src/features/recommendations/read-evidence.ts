import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { checkItemId } from './response-context.ts';
import { findEvidenceFile } from './evidence.repository.ts';
import { findResponse } from './responses.repository.ts';

/** One evidence file of the caller's force, with its content, for download. Every download is audited. */
export async function readRecommendationEvidence(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  evidenceId: string,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.read', 'file');
  checkItemId(itemId);
  if (!z.string().uuid().safeParse(evidenceId).success) throw notFound('file');
  return deps.db.transaction(async (tx) => {
    const response = await findResponse(tx, principal.forceId, itemId);
    const file = response ? await findEvidenceFile(tx, principal.forceId, response.id, evidenceId) : undefined;
    if (!response || !file || !file.content) throw notFound('file');
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: itemId },
      { type: 'recommendation.evidence_viewed', itemId, evidenceId: file.id, fileName: file.fileName ?? '' },
    );
    return {
      fileName: file.fileName ?? 'evidence',
      mediaType: file.mediaType ?? 'application/octet-stream',
      content: file.content,
    };
  });
}
