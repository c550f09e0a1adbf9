import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { findSubjectForUpdate } from '../misconduct/index.ts';
import { changeInput, type ChangeInput } from './restriction-input.ts';
import { decisionDateErrors, failIf, lockRestriction, replaceRestrictionRow } from './restriction-steps.ts';
import { latestDecisionOn } from './restriction-history.ts';
import { duplicateKindRefusal } from './restriction-rules.ts';
import { findInForceOfSubject } from './restrictions.repository.ts';
import { ukToday } from '../../kernel/time/dates.ts';

/**
 * Changes an in-force restriction to another kind (restricted duties to suspension, suspension to
 * redeployment …): the old one is replaced (it points at the new) and its clocks end; the new one is a full
 * decision with the options considered and reasons, with its own clocks and vetting trigger.
 */
export async function changeRestriction(
  deps: Deps,
  principal: Principal | null,
  raw: ChangeInput,
  requestId: string | null,
) {
  authorize(principal, 'restriction.decide', 'restriction');
  const input = parseInput(changeInput, raw, 'Check the details of the change');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const { theCase, row } = await lockRestriction(tx, principal, input);
    const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, row.subjectId);
    const last = await latestDecisionOn(tx, row);
    const fields = decisionDateErrors(input, theCase, today, '', {
      on: last,
      what: 'the last decision on this restriction',
    });
    const duplicate = duplicateKindRefusal(
      await findInForceOfSubject(tx, theCase.forceId, row.subjectId),
      input.kind,
      row.id,
    );
    if (duplicate) fields['kind'] = duplicate;
    failIf(fields, 'Check the details of the change');
    if (subject?.leftOn)
      throw new AppError(
        'invalid_state',
        'This subject has left the force: lift the restriction instead of changing it.',
      );
    const created = await replaceRestrictionRow(
      tx,
      { deps, principal, actor: actorOf(principal, requestId), theCase },
      row,
      input,
    );
    return {
      id: created.id,
      replacedId: row.id,
      version: created.version,
      noticeDueOn: created.noticeDueOn,
      nextReviewDueOn: created.nextReviewDueOn,
    };
  });
}
