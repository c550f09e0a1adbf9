import type { Deps } from '../../kernel/deps.ts';
import type { FieldErrors } from '../../kernel/errors.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { latestDecisionOn } from './restriction-history.ts';
import { liftInput, type LiftInput } from './restriction-input.ts';
import { failIf, liftRestrictionRow, lockRestriction } from './restriction-steps.ts';

/** Lifts an in-force restriction with reasons; it ends on the given day and every live clock of it is cancelled. */
export async function liftRestriction(
  deps: Deps,
  principal: Principal | null,
  raw: LiftInput,
  requestId: string | null,
) {
  authorize(principal, 'restriction.decide', 'restriction');
  const input = parseInput(liftInput, raw, 'Check the details of the decision to lift');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const { theCase, row } = await lockRestriction(tx, principal, input);
    const last = await latestDecisionOn(tx, row);
    const fields: FieldErrors = {};
    if (input.decidedOn > today) fields['decidedOn'] = 'The decision date cannot be in the future';
    else if (input.decidedOn < last)
      fields['decidedOn'] = `The decision cannot be before the last decision on this restriction (${formatDate(last)})`;
    if (input.endsOn < input.decidedOn) fields['endsOn'] = 'The restriction cannot end before the decision to lift it';
    else if (input.endsOn > today) fields['endsOn'] = 'The end date cannot be in the future';
    failIf(fields, 'Check the details of the decision to lift');
    const version = await liftRestrictionRow(
      tx,
      { deps, principal, actor: actorOf(principal, requestId), theCase },
      row,
      input,
    );
    return { id: row.id, version, endsOn: input.endsOn };
  });
}
