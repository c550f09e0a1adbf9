import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { notFound } from '../../lib/errors.ts';
import { authorize, can, type Principal } from '../access/principal.ts';
import { findVisibleCase } from './cases.repository.ts';
import { evidenceOf } from './evidence.repository.ts';

/** The evidence files of a case the user may see (names, sizes and hashes, never the content), and whether they may add one. */
export async function listEvidence(deps: Deps, principal: Principal | null, caseId: string) {
  authorize(principal, 'case.read', 'case');
  if (!z.string().uuid().safeParse(caseId).success) throw notFound('case');
  const theCase = await findVisibleCase(deps.db, principal, caseId);
  if (!theCase) throw notFound('case');
  const files = await evidenceOf(deps.db, theCase.forceId, theCase.id);
  return { theCase, files, canAdd: can(principal, 'allegation.progress') };
}
