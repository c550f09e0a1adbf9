import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { referralBody, type ReferralInput } from './complaint-input.ts';
import { dateErrors, failIf, lockComplaint, requireStatus } from './complaint-steps.ts';
import { insertComplaintDecision, updateComplaint } from './complaints.repository.ts';
import { referralDecisionError } from './rules/referral.ts';

/**
 * The referral decision (Police Reform Act 2002 Sch 3 para 4; Complaints and Misconduct Regs 2020 reg 4(1)):
 * the mandatory grounds checked, referred or not (a decision not to refer is refused when a ground applies),
 * and — now or later — the IOPC's decision (para 5): a local, directed or independent investigation, or
 * referred back to the force. A complaint awaiting the IOPC's decision cannot be handled until it comes.
 */
export async function recordReferral(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: ReferralInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const message = 'Check the referral decision';
  const input = parseInput(referralBody, raw, message);
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    requireStatus(row, ['recorded', 'referred'], 'record a referral decision');
    const errors = dateErrors({ decidedOn: input.decidedOn, iopcDecidedOn: input.iopcDecidedOn }, today, {
      date: row.receivedOn,
      words: 'the complaint was received',
    });
    const refusal = referralDecisionError(input.referred, input.referralGrounds);
    if (refusal) errors.referred = refusal;
    if (!input.referred && input.iopcDecision)
      errors.iopcDecision = 'Only a complaint referred to the IOPC has an IOPC decision';
    if (input.iopcDecision && !input.iopcDecidedOn) errors.iopcDecidedOn = 'Enter the date of the IOPC’s decision';
    if (!input.iopcDecision && input.iopcDecidedOn) errors.iopcDecision = 'Choose the IOPC’s decision';
    if (input.iopcDecidedOn && !errors.iopcDecidedOn && input.iopcDecidedOn < input.decidedOn)
      errors.iopcDecidedOn = 'The IOPC cannot decide before the complaint was referred';
    failIf(errors, message);
    const awaiting = input.referred && !input.iopcDecision;
    const updated = await updateComplaint(tx, row, input.version, {
      status: awaiting ? 'referred' : 'recorded',
      referralGrounds: input.referralGrounds,
      referred: input.referred,
      referredOn: input.referred ? input.decidedOn : null,
      iopcDecision: input.iopcDecision ?? null,
      iopcDecidedOn: input.iopcDecidedOn ?? null,
    });
    await insertComplaintDecision(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      kind: 'referral',
      decidedOn: input.decidedOn,
      decidedBy: principal.userId,
      reasons: input.reasons,
      details: {
        referred: input.referred,
        grounds: input.referralGrounds,
        iopcDecision: input.iopcDecision ?? null,
        iopcDecidedOn: input.iopcDecidedOn ?? null,
      },
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'complaint', id: row.id },
      {
        type: 'complaint.referral',
        complaintId: row.id,
        referred: input.referred,
        grounds: input.referralGrounds,
        iopcDecision: input.iopcDecision ?? null,
      },
    );
    return { id: row.id, version: updated.version, status: updated.status };
  });
}
