import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { handlingBody, type HandlingInput } from './complaint-input.ts';
import { dateErrors, failIf, lockComplaint, requireStatus, startComplaintClock } from './complaint-steps.ts';
import { insertComplaintDecision, updateComplaint, type ComplaintRow } from './complaints.repository.ts';
import { REVIEW_GROUNDS, reviewBody, type ReviewGround } from './rules/review-body.ts';

/**
 * How a recorded complaint is handled "reasonably and proportionately" (Police Reform Act 2002 Sch 3
 * para 6): otherwise than by investigation, or by investigation (required when the IOPC decided on a local,
 * directed or independent one). Works out the reviewing body by the reg 32 rules with its reason — the
 * referral grounds already recorded count — and starts the 12-month report clock of an investigation
 * (Complaints and Misconduct Regs 2020 reg 13, from the day the complaint was made).
 */
export async function recordHandling(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: HandlingInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const message = 'Check the handling decision';
  const input = parseInput(handlingBody, raw, message);
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    requireStatus(row, ['recorded'], 'record how the complaint is handled');
    const errors = dateErrors({ startedOn: input.startedOn }, today, {
      date: row.initialHandlingOn ?? row.receivedOn,
      words: 'the complaint was recorded',
    });
    if (row.iopcDecision && row.iopcDecision !== 'referred_back' && input.route !== 'investigation')
      errors.route = 'The IOPC decided on an investigation, so the complaint must be investigated';
    failIf(errors, message);
    const review = reviewBody({
      initialHandling: 'recorded',
      handlingRoute: input.route,
      iopcDecision: row.iopcDecision,
      withdrawn: false,
      grounds: withRecordedGrounds(row, input.reviewGrounds),
    });
    const updated = await updateComplaint(tx, row, input.version, {
      status: 'being_handled',
      handlingRoute: input.route,
      handlingStartedOn: input.startedOn,
      reviewGrounds: review.grounds,
      reviewBody: review.body,
      reviewBodyReason: review.reason,
    });
    await insertComplaintDecision(tx, {
      forceId: row.forceId,
      complaintId: row.id,
      kind: 'handling',
      decidedOn: input.startedOn,
      decidedBy: principal.userId,
      reasons: input.reasons,
      details: {
        route: input.route,
        reviewBody: review.body,
        reviewGrounds: review.grounds,
        reviewReason: review.reason,
      },
    });
    const actor = actorOf(principal, requestId);
    await recordAudit(
      tx,
      actor,
      { type: 'complaint', id: row.id },
      {
        type: 'complaint.handling',
        complaintId: row.id,
        route: input.route,
        startedOn: input.startedOn,
        reviewBody: review.body,
      },
    );
    const report =
      input.route === 'investigation'
        ? await startComplaintClock({ tx, deps, actor, complaint: updated }, 'pcc_report_first', row.receivedOn)
        : null;
    return {
      id: row.id,
      version: updated.version,
      status: updated.status,
      reviewBody: review.body,
      reviewBodyReason: review.reason,
      twelveMonthReportDueOn: report?.dueOn ?? null,
    };
  });
}

/** The reg 32 grounds the record already proves: a referral made or one that had to be made; the policing body as appropriate authority. */
function withRecordedGrounds(row: ComplaintRow, given: readonly ReviewGround[]): ReviewGround[] {
  const grounds = new Set<ReviewGround>(given);
  if (row.referred) grounds.add('referred');
  if (row.referralGrounds.length) grounds.add('must_be_referred');
  // A complaint about the chief officer: the local policing body is its appropriate authority (reg 32 ground).
  if (row.appropriateAuthority === 'local_policing_body') grounds.add('appropriate_authority_is_policing_body');
  return REVIEW_GROUNDS.filter((g) => grounds.has(g));
}
