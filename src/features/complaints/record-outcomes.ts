import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { outcomesBody, type OutcomesInput } from './complaint-input.ts';
import {
  closeClocks,
  dateErrors,
  failIf,
  lockComplaint,
  requireStatus,
  startComplaintClock,
} from './complaint-steps.ts';
import {
  allegationsOf,
  insertComplaintDecision,
  updateAllegationOutcome,
  updateComplaint,
} from './complaints.repository.ts';
import { reviewWindowEnds } from './rules/complaint-clocks.ts';
import { defaultOutcomes } from './rules/outcomes.ts';

/**
 * The outcome of every allegation (the IOPC outcome vocabulary: a result, and the actions taken) and the
 * learning for the organisation. Ends the progress updates and the 12-month report clock, and starts the
 * outcome-notice clock (5 working days). When the notice date is given, that clock is met and, where a
 * review is available, the review window opens: 28 days from the day after the notice (Complaints and
 * Misconduct Regs 2020 reg 29(2)).
 */
export async function recordOutcomes(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: OutcomesInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const message = 'Check the outcomes';
  const input = parseInput(outcomesBody, raw, message);
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    requireStatus(row, ['being_handled'], 'record the outcomes');
    const errors = dateErrors({ decidedOn: input.decidedOn, notifiedOn: input.notifiedOn }, today, {
      date: row.handlingStartedOn ?? row.receivedOn,
      words: 'the handling started',
    });
    if (input.notifiedOn && !errors.notifiedOn && !errors.decidedOn && input.notifiedOn < input.decidedOn)
      errors.notifiedOn = 'The complainant cannot be told the outcome before it was decided';
    const allegations = await allegationsOf(tx, row.forceId, row.id);
    const ids = new Set(allegations.map((a) => a.id));
    const seen = new Set<string>();
    input.outcomes.forEach((o, i) => {
      if (!ids.has(o.allegationId)) errors[`outcomes.${i}.allegationId`] = 'Choose an allegation of this complaint';
      else if (seen.has(o.allegationId)) errors[`outcomes.${i}.allegationId`] = 'Give each allegation one outcome';
      seen.add(o.allegationId);
      const kind = defaultOutcomes.find((d) => d.code === o.outcome)?.kind;
      if (kind !== 'result')
        errors[`outcomes.${i}.outcome`] = 'Choose whether the service was acceptable, or no further action';
      if (o.actions.some((a) => defaultOutcomes.find((d) => d.code === a)?.kind !== 'action'))
        errors[`outcomes.${i}.actions`] = 'Choose actions from the list';
    });
    if (!Object.keys(errors).some((k) => k.startsWith('outcomes')) && seen.size !== ids.size)
      errors.outcomes = 'Record an outcome for every allegation';
    failIf(errors, message);

    const windowEnds =
      input.notifiedOn && row.reviewBody && row.reviewBody !== 'none'
        ? reviewWindowEnds(deps.config.rules.periods, input.notifiedOn, 0, deps.config.rules.calendar)
        : null;
    for (const o of input.outcomes)
      await updateAllegationOutcome(tx, row.forceId, o.allegationId, {
        outcome: o.outcome,
        outcomeActions: o.actions,
        outcomeNotes: o.notes,
      });
    const updated = await updateComplaint(tx, row, input.version, {
      status: 'finalised',
      outcomeDecidedOn: input.decidedOn,
      outcomeNotifiedOn: input.notifiedOn ?? null,
      reviewWindowEndsOn: windowEnds,
      learning: input.learning || null,
    });
    await insertComplaintDecision(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      kind: 'outcomes',
      decidedOn: input.decidedOn,
      decidedBy: principal.userId,
      reasons: input.reasons,
      details: { notifiedOn: input.notifiedOn ?? null, outcomes: input.outcomes, reviewWindowEndsOn: windowEnds },
    });
    const actor = actorOf(principal, requestId);
    await recordAudit(
      tx,
      actor,
      { type: 'complaint', id: row.id },
      {
        type: 'complaint.outcomes',
        complaintId: row.id,
        decidedOn: input.decidedOn,
        notifiedOn: input.notifiedOn ?? null,
        allegations: input.outcomes.length,
        reviewWindowEndsOn: windowEnds,
      },
    );
    const ctx = { tx, deps, actor, complaint: updated };
    await closeClocks(ctx, ['complaint_progress_update', 'pcc_report_first'], { state: 'cancelled' });
    await startComplaintClock(ctx, 'complaint_outcome_notice', input.decidedOn);
    if (input.notifiedOn) {
      await closeClocks(ctx, ['complaint_outcome_notice'], { state: 'met', metOn: input.notifiedOn });
      if (windowEnds) await startComplaintClock(ctx, 'complainant_review_window', input.notifiedOn, windowEnds);
    }
    return { id: row.id, version: updated.version, status: updated.status, reviewWindowEndsOn: windowEnds };
  });
}
