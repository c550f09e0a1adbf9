import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { initialHandlingBody, type InitialHandlingInput } from './complaint-input.ts';
import {
  closeClocks,
  dateErrors,
  failIf,
  lockComplaint,
  requireStatus,
  startComplaintClock,
} from './complaint-steps.ts';
import { insertComplaintDecision, updateComplaint } from './complaints.repository.ts';
import { initialHandlingError, recordingRequirement } from './rules/recording.ts';

/**
 * Initial handling (Police Reform Act 2002 Sch 3 para 2): the contact made with the complainant, what they
 * want, and the decision — handled outside Schedule 3 (resolved to their satisfaction, no review) or
 * recorded under Schedule 3, which is mandatory when they ask or a para 2(6B) ground applies (refused with
 * the reasons otherwise). Meets the first-contact clock; recording starts the progress-update clock.
 */
export async function recordInitialHandling(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: InitialHandlingInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const message = 'Check the initial handling decision';
  const input = parseInput(initialHandlingBody, raw, message);
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    requireStatus(row, ['logged'], 'record the initial handling');
    const notBefore = { date: row.receivedOn, words: 'the complaint was received' };
    const errors = dateErrors({ contactMadeOn: input.contactMadeOn, decidedOn: input.decidedOn }, today, notBefore);
    const facts = { complainantWantsRecorded: input.complainantWantsRecorded, grounds: input.recordingGrounds };
    const refusal = initialHandlingError(input.handling, facts);
    if (refusal) errors.handling = refusal;
    failIf(errors, message);
    const mandatory = recordingRequirement(facts).mandatory;
    const updated = await updateComplaint(tx, row, input.version, {
      status: input.handling === 'recorded' ? 'recorded' : 'outside_schedule_3',
      contactMadeOn: input.contactMadeOn,
      complainantWishes: input.complainantWishes,
      complainantWantsRecorded: input.complainantWantsRecorded,
      recordingGrounds: input.recordingGrounds,
      initialHandling: input.handling,
      initialHandlingOn: input.decidedOn,
      ...(input.handling === 'outside_schedule_3' ? { reviewBody: 'none' as const } : {}),
    });
    await insertComplaintDecision(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      kind: 'initial_handling',
      decidedOn: input.decidedOn,
      decidedBy: principal.userId,
      reasons: input.reasons,
      details: { handling: input.handling, grounds: input.recordingGrounds, mandatory },
    });
    const actor = actorOf(principal, requestId);
    await recordAudit(
      tx,
      actor,
      { type: 'complaint', id: row.id },
      {
        type: 'complaint.initial_handling',
        complaintId: row.id,
        handling: input.handling,
        decidedOn: input.decidedOn,
        mandatory,
      },
    );
    const ctx = { tx, deps, actor, complaint: updated };
    await closeClocks(ctx, ['complaint_first_contact'], { state: 'met', metOn: input.contactMadeOn });
    const progress =
      input.handling === 'recorded'
        ? await startComplaintClock(ctx, 'complaint_progress_update', input.decidedOn)
        : null;
    return {
      id: row.id,
      version: updated.version,
      status: updated.status,
      progressUpdateDueOn: progress?.dueOn ?? null,
    };
  });
}
