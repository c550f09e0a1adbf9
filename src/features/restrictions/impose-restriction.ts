import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findSubjectForUpdate, findVisibleCase } from '../misconduct/index.ts';
import { imposeInput, type ImposeInput } from './restriction-input.ts';
import { decisionDateErrors, failIf, putInForce } from './restriction-steps.ts';
import { duplicateKindRefusal } from './restriction-rules.ts';
import { findInForceOfSubject } from './restrictions.repository.ts';
import { ukToday } from '../../kernel/time/dates.ts';

/**
 * Imposes a restriction (suspension or one of its alternatives) on a subject of a case: a decision with the
 * options considered, the regulation 11 tests for a suspension, the conditions and the reasons, by the
 * signed-in appropriate authority. Starts the notice and review clocks, opens a vetting review (the
 * integrity loop) and records the audit event, all in one transaction. A subject may have several
 * restrictions in force in a case at once, each with its own reviews and clocks, but not two of the same
 * kind (400, nothing written); a subject who has left the force cannot be restricted.
 */
export async function imposeRestriction(
  deps: Deps,
  principal: Principal | null,
  raw: ImposeInput,
  requestId: string | null,
) {
  authorize(principal, 'restriction.decide', 'case');
  const input = parseInput(imposeInput, raw, 'Check the details of the restriction');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, input.subjectId);
    if (!subject) throw notFound('subject');
    failIf(decisionDateErrors(input, theCase, today), 'Check the details of the restriction');
    if (subject.leftOn)
      throw new AppError(
        'invalid_state',
        'This subject has left the force and cannot be suspended or have their duties restricted.',
      );
    const duplicate = duplicateKindRefusal(await findInForceOfSubject(tx, theCase.forceId, subject.id), input.kind);
    if (duplicate) throw new AppError('validation', 'Check the details of the restriction', { kind: duplicate });
    const actor = actorOf(principal, requestId);
    const row = await putInForce(tx, { deps, principal, actor, theCase }, subject, input, 'imposed');
    await recordAudit(
      tx,
      actor,
      { type: 'restriction', id: row.id, personId: subject.personId },
      {
        type: 'restriction.imposed',
        restrictionId: row.id,
        caseId: theCase.id,
        subjectId: subject.id,
        kind: row.kind,
        startsOn: row.startsOn,
      },
    );
    return { id: row.id, version: row.version, noticeDueOn: row.noticeDueOn, nextReviewDueOn: row.nextReviewDueOn };
  });
}
