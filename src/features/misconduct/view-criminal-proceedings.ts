import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { criminalEventsOf, findVisibleCase, subjectsOf } from './cases.repository.ts';

/** The criminal proceedings recorded on a case, with its subjects; an audited read of the case. */
export async function viewCriminalProceedings(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  requestId: string | null,
) {
  authorize(principal, 'case.read', 'case');
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('case');
    const subjects = await subjectsOf(tx, theCase.forceId, theCase.id);
    const events = await criminalEventsOf(tx, theCase.forceId, theCase.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.viewed', caseId: theCase.id, reference: theCase.reference },
    );
    return { theCase, subjects, events };
  });
}
