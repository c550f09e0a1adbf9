import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findVisibleCase } from './cases.repository.ts';
import { evidenceOf } from './evidence.repository.ts';
import { casePolicy } from './case.policy.ts';

export type { EvidenceListRow } from './evidence.repository.ts';

/** The evidence files of a case the user may see (names, sizes and hashes, never the content), and whether they may add one. */
export async function listEvidence(deps: Deps, principal: Principal | null, caseId: string, requestId: string | null) {
  authorize(principal, 'case.read', 'case');
  if (!z.string().uuid().safeParse(caseId).success) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('case');
    const files = await evidenceOf(tx, theCase.forceId, theCase.id);
    // File names and descriptions are case content: the list is audited like the case page.
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.viewed', caseId: theCase.id, reference: theCase.reference, part: 'evidence' },
    );
    return { theCase, files, canAdd: casePolicy.progress(principal) };
  });
}
