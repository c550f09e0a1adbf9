import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { findPublished } from './published.repository.ts';
import { responseDocumentSchema } from './response-document.ts';
import { recommendationPolicy } from './recommendation.policy.ts';

/** A generated response of the caller's force, as it was generated (and its publication date, once published). */
export async function viewResponse(deps: Deps, principal: Principal | null, id: string) {
  authorize(principal, 'recommendation.read', 'response');
  if (!z.string().uuid().safeParse(id).success) throw notFound('response');
  const row = await findPublished(deps.db, principal.forceId, id);
  if (!row) throw notFound('response');
  return {
    id: row.id,
    reportId: row.reportId,
    document: responseDocumentSchema.parse(row.document),
    publishedOn: row.publishedOn,
    version: row.version,
    canPublish: recommendationPolicy.verify(principal),
  };
}
