import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { findVisibleCase } from './cases.repository.ts';
import { findEvidence } from './evidence.repository.ts';

const uuid = z.string().uuid();

/** One evidence file with its content, for download. Every read is audited in the same transaction. */
export async function readEvidence(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  evidenceId: string,
  requestId: string | null,
) {
  authorize(principal, 'case.read', 'case');
  if (!uuid.safeParse(caseId).success || !uuid.safeParse(evidenceId).success) throw notFound('file');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('file');
    const file = await findEvidence(tx, theCase.forceId, theCase.id, evidenceId);
    if (!file) throw notFound('file');
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      {
        type: 'evidence.viewed',
        caseId: theCase.id,
        evidenceId: file.id,
        fileName: file.fileName,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
      },
    );
    return file;
  });
}
