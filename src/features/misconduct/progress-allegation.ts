import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput, isoDateString } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { cancelCaseClocks } from '../clocks/index.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import type { Db } from '../../db/client.ts';
import { transition } from './rules/allegation-workflow.ts';
import { allegationActionSchema, eventDateOf, toWorkflowAction } from './allegation-action-input.ts';
import { chronologyRefusal } from './rules/chronology.ts';
import { acceleratedHearingDateRefusal, acceleratedHearingWindow } from './rules/accelerated-hearing-timing.ts';
import { contextOf, factsOf } from './case-context.ts';
import { hearingDateOfAllegation } from './hearings.repository.ts';
import { findingBeforeHearingRefusal } from './rules/hearing-panel.ts';
import { openReviewForAllegationStep } from '../vetting/index.ts';
import { applyStepEffects } from './allegation-step-effects.ts';
import { refreshAllegationFigures } from './allegation-figures.repository.ts';
import {
  allegationStepsOf,
  allegationsOf,
  findAllegationForUpdate,
  findSubjectForUpdate,
  findVisibleCase,
  indictableOnlyConvictionOn,
  insertAllegationEvent,
  subjectStandingOf,
  updateAllegation,
  updateCase,
  type CaseRow,
} from './cases.repository.ts';
import { casePolicy } from './case.policy.ts';
import { finalWrittenWarningOnRecord } from './person-warnings.ts';

export const progressAllegationInput = z.object({
  caseId: z.string().uuid(),
  allegationId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  occurredOn: isoDateString('Enter a date in the format 2026-03-27').optional(),
  note: z.string().trim().max(5000).default(''),
  action: allegationActionSchema,
});

/**
 * Moves one allegation along its track. The case and the allegation are locked, the version checked
 * (a stale form gets 409), the workflow asked, and the new state, the event, the clocks it starts or stops,
 * any barred-list return and the audit row are written in one transaction. A refusal changes nothing and
 * says why in words the user can act on.
 */
export async function progressAllegation(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof progressAllegationInput>,
  requestId: string | null,
) {
  authorize(principal, 'case.read', 'case');
  const input = parseInput(progressAllegationInput, raw, 'Check the details of the action');
  authorizeBy(principal, (p) => casePolicy.act(p, input.action.type), 'case');
  // The action's own event date (the reg 17 notice's served date) is the date of the step and of its clocks.
  const own = eventDateOf(input.action);
  const dateField = own?.field ?? 'occurredOn';
  const occurredOn = own?.on ?? input.occurredOn ?? ukToday(deps.now());
  if (occurredOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the details of the action', {
      [dateField]: 'The date cannot be in the future',
    });
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    const row = await findAllegationForUpdate(tx, principal.forceId, theCase.id, input.allegationId);
    if (!row) throw notFound('allegation');
    if (row.version !== input.version) throw staleVersion();
    const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, row.subjectId);
    const facts = factsOf(row);
    if (input.action.type === 'assess_severity') {
      facts.finalWrittenWarningInForce = input.action.finalWrittenWarningInForce;
      facts.multipleUnconnectedIncidents = input.action.multipleUnconnectedIncidents;
      facts.iopcSpecialDetermination = input.action.iopcSpecialDetermination ?? false;
    }
    // Who the officer process applies to, and which sanctions exist, come from the person record at the date
    // of the step (Conduct Regs reg 3 and reg 62(6)–(7)).
    const found = await subjectStandingOf(tx, principal.forceId, theCase.id, row.subjectId, occurredOn, row.id);
    const standing = found && { ...found, stepOn: occurredOn };
    // SI 2025/558: an indictable-only conviction in the criminal proceedings record fixes the severity.
    const convictedOn =
      input.action.type === 'assess_severity'
        ? await indictableOnlyConvictionOn(tx, principal.forceId, theCase.id, row.subjectId, occurredOn)
        : undefined;
    // Conduct Regs 2020 reg 42(8): a final written warning in force on the record (any case of the force, its
    // last day extended by career breaks, reg 62(5)) counts whether or not the assessment ticked it.
    const fwwOnRecord =
      !!subject && (await finalWrittenWarningOnRecord(tx, principal.forceId, subject.personId, occurredOn, theCase.id));
    if (fwwOnRecord && input.action.type === 'assess_severity') facts.finalWrittenWarningInForce = true;
    const result = transition(facts.track, toWorkflowAction(input.action), {
      ...contextOf(theCase, facts, subject?.leftOn ?? null, standing),
      ...(fwwOnRecord ? { finalWrittenWarningInForce: true } : {}),
      ...(convictedOn ? { indictableOnlyConvictionOn: convictedOn } : {}),
    });
    if (!result.ok) throw new AppError('invalid_state', result.reason);
    if (input.action.type === 'schedule_accelerated_hearing') {
      // Conduct Regs reg 52(1): held 10–15 working days after the reg 51 notice, given with this step.
      const window = acceleratedHearingWindow(
        occurredOn,
        deps.config.rules.periods.accelerated_hearing.amount,
        deps.config.rules.calendar,
      );
      const outside = acceleratedHearingDateRefusal(occurredOn, input.action.date, window);
      if (outside) throw new AppError('validation', 'Check the date of the hearing', { date: outside });
    }
    // Conduct Regs: each step follows the matter coming to attention and the step before it (legal review 2026).
    const steps = await allegationStepsOf(tx, principal.forceId, row.id);
    const impossible = chronologyRefusal({
      action: input.action.type,
      eventOn: occurredOn,
      cameToAttentionOn: theCase.cameToAttentionOn,
      steps,
    });
    if (impossible) throw new AppError('validation', 'Check the dates', { [dateField]: impossible });
    if (input.action.type === 'record_finding') {
      // The finding is made at the sitting: not before its day (the hearing object's, after any adjournment,
      // else the date given when it was arranged). Conduct Regs 2020 reg 42.
      const arranged = steps.find((e) => e.action.startsWith('schedule_'))?.details as { date?: unknown } | undefined;
      const heldOn =
        (await hearingDateOfAllegation(tx, principal.forceId, row.id)) ??
        (typeof arranged?.date === 'string' ? arranged.date : null);
      const early = findingBeforeHearingRefusal(occurredOn, heldOn);
      if (early) throw new AppError('validation', 'Check the date', { [dateField]: early });
    }
    const fromState = facts.track.status;
    await updateAllegation(tx, row, { state: result.next.status, facts: { ...facts, track: result.next } });
    const details = Object.fromEntries(Object.entries(input.action).filter(([key]) => key !== 'type'));
    const actor = actorOf(principal, requestId);
    const effectsDone = await applyStepEffects(tx, deps, {
      theCase,
      row,
      action: input.action,
      next: result.next,
      effects: result.effects,
      occurredOn,
      actor,
      actorUserId: principal.userId,
    });
    const eventDetails = { ...details, ...(input.note ? { note: input.note } : {}), effects: effectsDone };
    await insertAllegationEvent(tx, {
      forceId: theCase.forceId,
      caseId: theCase.id,
      allegationId: row.id,
      action: input.action.type,
      fromState,
      toState: result.next.status,
      details: eventDetails,
      actorUserId: principal.userId,
      occurredOn,
    });
    await refreshAllegationFigures(tx, theCase.forceId, { allegationIds: [row.id] });
    await recordAudit(
      tx,
      actor,
      { type: 'case', id: theCase.id },
      {
        type: 'allegation.progressed',
        caseId: theCase.id,
        allegationId: row.id,
        action: input.action.type,
        fromState,
        toState: result.next.status,
        details: eventDetails,
      },
    );
    // The integrity loop: a gross-misconduct assessment, a vetting referral or a proven finding opens a vetting review.
    await openReviewForAllegationStep(tx, deps, {
      forceId: theCase.forceId,
      caseId: theCase.id,
      allegationId: row.id,
      personId: subject?.personId,
      step: input.action,
      occurredOn,
      actor,
    });
    if (result.next.status === 'closed') await closeCaseIfConcluded(tx, theCase, row.id, occurredOn, actor);
    return { allegationId: row.id, state: result.next.status, version: row.version + 1, effects: effectsDone };
  });
}

/** When the last allegation closes, the case closes and its remaining PCC report clocks are cancelled. */
async function closeCaseIfConcluded(
  tx: Db,
  theCase: CaseRow,
  justClosed: string,
  on: string,
  actor: AuditActor,
): Promise<void> {
  const rows = await allegationsOf(tx, theCase.forceId, theCase.id);
  if (rows.some((a) => a.id !== justClosed && a.state !== 'closed')) return;
  await updateCase(tx, theCase.forceId, theCase.id, { status: 'closed', closedOn: on, version: theCase.version + 1 });
  await cancelCaseClocks(tx, {
    forceId: theCase.forceId,
    caseId: theCase.id,
    actor,
    periods: ['pcc_report_first', 'pcc_report_repeat'],
  });
}
