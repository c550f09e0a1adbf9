import type { Deps } from '../../kernel/deps.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findSubjectForUpdate } from '../misconduct/index.ts';
import { endRestrictionClocks, startReviewClock } from './restriction-clocks.ts';
import { restrictionHistory } from './restriction-history.ts';
import { reviewInput, type ReviewInput } from './restriction-input.ts';
import { duplicateKindRefusal, nextReviewDue, reviewPeriodOf } from './restriction-rules.ts';
import {
  decisionDateErrors,
  failIf,
  liftRestrictionRow,
  lockRestriction,
  replaceRestrictionRow,
  type Decision,
} from './restriction-steps.ts';
import { findInForceOfSubject, insertDecision, updateRestriction } from './restrictions.repository.ts';
import { addRationale } from './record-senior-rationale.ts';
import { restrictionPolicy } from './restriction.policy.ts';

const MESSAGE = 'Check the details of the review';

/**
 * Reviews an in-force restriction: do the conditions for it still hold (for a suspension, the regulation 11
 * conditions)? Was the officer told, and what did they say? The review meets its clock. If the restriction
 * continues, the next review is scheduled (configured period and calendar) with the next clock; if the
 * conditions no longer hold, the reviewer must lift or change it in the same step. A senior decision maker
 * may renew the rationale for not suspending, valid to the next review.
 */
export async function reviewRestriction(
  deps: Deps,
  principal: Principal | null,
  raw: ReviewInput,
  requestId: string | null,
) {
  authorize(principal, 'restriction.decide', 'restriction');
  const input = parseInput(reviewInput, raw, MESSAGE);
  if (input.renewedRationale && !restrictionPolicy.seniorRationale(principal)) {
    throw new AppError('validation', MESSAGE, {
      renewedRationale: 'Only a senior decision maker can renew the rationale for not suspending',
    });
  }
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const { theCase, row } = await lockRestriction(tx, principal, input);
    const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, row.subjectId);
    const history = await restrictionHistory(tx, row);
    const fields: FieldErrors = {};
    if (input.reviewedOn > today) fields['reviewedOn'] = 'The review date cannot be in the future';
    else if (input.reviewedOn < history.lastDecidedOn)
      fields['reviewedOn'] =
        `The review cannot be before the last decision on this restriction (${formatDate(history.lastDecidedOn)})`;
    const endsOn = input.liftEndsOn ?? input.reviewedOn;
    if (input.outcome === 'lift' && endsOn < input.reviewedOn)
      fields['liftEndsOn'] = 'The restriction cannot end before the review';
    else if (input.outcome === 'lift' && endsOn > today) fields['liftEndsOn'] = 'The end date cannot be in the future';
    const change: Decision | null =
      input.outcome === 'change' && input.change ? { ...input.change, decidedOn: input.reviewedOn } : null;
    if (change) {
      const { ['change.decidedOn']: decidedOnError, ...others } = decisionDateErrors(change, theCase, today, 'change.');
      Object.assign(fields, others);
      if (decidedOnError && !fields['reviewedOn']) fields['reviewedOn'] = decidedOnError;
      const inForce = await findInForceOfSubject(tx, theCase.forceId, row.subjectId);
      const duplicate = duplicateKindRefusal(inForce, change.kind, row.id);
      if (duplicate) fields['change.kind'] = duplicate;
    }
    const resultingKind =
      input.outcome === 'continue' ? row.kind : input.outcome === 'change' ? (change?.kind ?? null) : null;
    if (input.renewedRationale && resultingKind === 'suspension')
      fields['renewedRationale'] = 'A suspended officer is not flagged: leave the renewed rationale blank';
    failIf(fields, MESSAGE);
    if (change && subject?.leftOn)
      throw new AppError(
        'invalid_state',
        'This subject has left the force: lift the restriction instead of changing it.',
      );

    const actor = actorOf(principal, requestId);
    const ctx = { deps, principal, actor, theCase };
    const scope = {
      deps,
      actor,
      theCase,
      subjectId: row.subjectId,
      restrictionId: row.id,
      ownerUserId: principal.userId,
    };
    const continuing = input.outcome === 'continue';
    const nextReviewDueOn = continuing ? nextReviewDue(deps.config.rules, row.kind, input.reviewedOn) : null;
    await insertDecision(tx, {
      forceId: row.forceId,
      restrictionId: row.id,
      kind: 'reviewed',
      decidedOn: input.reviewedOn,
      decisionMakerUserId: principal.userId,
      conditionsStillHold: input.conditionsStillHold,
      officerInformed: input.officerInformed,
      reasons: input.reasons,
      officerRepresentations: input.representations,
      nextReviewDueOn,
    });
    await endRestrictionClocks(tx, scope, [reviewPeriodOf(row.kind)], 'met', input.reviewedOn);
    let result = { id: row.id, version: row.version, nextReviewDueOn: row.nextReviewDueOn };
    if (continuing) {
      const version = await updateRestriction(tx, row, { nextReviewDueOn });
      await startReviewClock(tx, scope, row.kind, input.reviewedOn, history.reviews + 2);
      result = { id: row.id, version, nextReviewDueOn };
    }
    await recordAudit(
      tx,
      actor,
      { type: 'restriction', id: row.id, personId: row.personId },
      {
        type: 'restriction.reviewed',
        restrictionId: row.id,
        caseId: row.caseId,
        subjectId: row.subjectId,
        kind: row.kind,
        reviewedOn: input.reviewedOn,
        conditionsStillHold: input.conditionsStillHold,
        outcome: input.outcome,
        nextReviewDueOn,
      },
    );
    if (input.outcome === 'lift') {
      const version = await liftRestrictionRow(tx, ctx, row, {
        decidedOn: input.reviewedOn,
        endsOn,
        reasons: input.reasons,
      });
      result = { id: row.id, version, nextReviewDueOn: null };
    } else if (change) {
      const created = await replaceRestrictionRow(tx, ctx, row, change);
      result = { id: created.id, version: created.version, nextReviewDueOn: created.nextReviewDueOn };
    }
    const rationale = input.renewedRationale
      ? await addRationale(tx, ctx, {
          subjectId: row.subjectId,
          personId: row.personId,
          decidedOn: input.reviewedOn,
          rationale: input.renewedRationale,
          today,
          field: 'renewedRationale',
        })
      : null;
    return { ...result, outcome: input.outcome, rationaleValidUntil: rationale?.validUntil ?? null };
  });
}
