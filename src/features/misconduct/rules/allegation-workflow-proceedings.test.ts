import { describe, expect, it } from 'vitest';
import type { AllegationState } from './allegation-types.ts';
import { allowedActions, onSubjectLeftDuringInvestigation, transition } from './allegation-workflow.ts';
import { ctxFor, refusal, run } from '../../../../test/fixtures/misconduct/allegation-track.ts';

/** Which proceedings an allegation may go to: meetings, hearings, accelerated hearings, and former officers. */

describe('former officers', () => {
  it('records "would have been dismissed" for gross misconduct and raises the barred-list return', () => {
    const ctx = ctxFor('2024-08-01', { subject: 'former' });
    const state: AllegationState = { status: 'case_to_answer_gross_misconduct', reg17NoticeServed: true };
    const step = run(
      ctx,
      [{ type: 'schedule_hearing' }, { type: 'record_finding', finding: 'gross_misconduct' }],
      state,
    );
    expect(step.state.finding).toBe('would_have_been_dismissed');
    expect(step.effects).toEqual([
      { kind: 'stop_clock', period: 'pre_hearing' },
      { kind: 'create_barred_list_return' },
      { kind: 'start_clock', period: 'barred_list_return', anchor: 'this_event' },
      { kind: 'start_clock', period: 'outcome_report', anchor: 'this_event' },
      { kind: 'give_notice', notice: 'outcome_and_appeal_rights' },
      { kind: 'start_clock', period: 'pat_appeal', anchor: 'report_received_by_officer' },
    ]);
    expect(refusal(step.state, { type: 'record_sanction', sanction: 'dismissal_without_notice' }, ctx)).toMatch(
      /former officer/,
    );
    expect(allowedActions(step.state, ctx)).toEqual(['lodge_appeal', 'close']);
  });

  it('from 28 May 2025 defaults to an accelerated hearing: a full hearing needs a recorded reason', () => {
    const ctx = ctxFor('2025-07-01', { subject: 'former' });
    const state: AllegationState = { status: 'case_to_answer_gross_misconduct', reg17NoticeServed: true };
    expect(refusal(state, { type: 'schedule_hearing' }, ctx)).toMatch(/accelerated hearing unless/);
    expect(
      transition(state, { type: 'schedule_hearing', fullHearingReason: 'officer_opted_for_full_hearing' }, ctx).ok,
    ).toBe(true);
    // …and the accelerated hearing needs no special-conditions certificate for them.
    expect(transition(state, { type: 'schedule_accelerated_hearing', specialConditionsCertified: false }, ctx).ok).toBe(
      true,
    );
    expect(
      transition(
        state,
        { type: 'schedule_accelerated_hearing', specialConditionsCertified: false },
        { ...ctx, subject: 'serving' },
      ).ok,
    ).toBe(false);
  });

  it('puts a leaver on the advisory list only while the allegation is open', () => {
    const advisory = [
      { kind: 'create_advisory_list_return' },
      { kind: 'start_clock', period: 'advisory_list_return', anchor: 'this_event' },
    ];
    expect(onSubjectLeftDuringInvestigation({ status: 'under_investigation', reg17NoticeServed: true })).toEqual(
      advisory,
    );
    expect(onSubjectLeftDuringInvestigation({ status: 'hearing_scheduled', reg17NoticeServed: true })).toEqual(
      advisory,
    );
    expect(onSubjectLeftDuringInvestigation({ status: 'assessed_no_case', reg17NoticeServed: false })).toEqual([]);
    expect(onSubjectLeftDuringInvestigation({ status: 'rprp', reg17NoticeServed: false })).toEqual([]);
    expect(onSubjectLeftDuringInvestigation({ status: 'closed', reg17NoticeServed: true })).toEqual([]);
  });
});

describe('misconduct meetings and hearings', () => {
  const ctx = ctxFor('2025-01-15');
  const atMeeting: AllegationState = { status: 'meeting_scheduled', reg17NoticeServed: true, form: 'meeting' };

  it('a misconduct meeting refuses dismissal and reduction in rank, and cannot find gross misconduct', () => {
    const found = run(ctx, [{ type: 'record_finding', finding: 'misconduct' }], atMeeting).state;
    expect(refusal(found, { type: 'record_sanction', sanction: 'dismissal_without_notice' }, ctx)).toMatch(
      /misconduct meeting cannot impose a dismissal without notice.*need a misconduct hearing/,
    );
    expect(refusal(found, { type: 'record_sanction', sanction: 'reduction_in_rank' }, ctx)).toMatch(
      /misconduct meeting/,
    );
    expect(refusal(atMeeting, { type: 'record_finding', finding: 'gross_misconduct' }, ctx)).toMatch(
      /cannot find gross misconduct/,
    );
    const warned = run(ctx, [{ type: 'record_sanction', sanction: 'written_warning' }], found);
    expect(warned.effects).toEqual([
      { kind: 'start_clock', period: 'written_warning_expiry', anchor: 'this_event' },
      { kind: 'start_clock', period: 'outcome_report', anchor: 'this_event' },
      { kind: 'give_notice', notice: 'outcome_and_appeal_rights' },
      { kind: 'start_clock', period: 'meeting_appeal', anchor: 'report_received_by_officer' },
    ]);
  });

  it('sends misconduct to a hearing when a final written warning is in force, and then allows dismissal', () => {
    const fww = { ...ctx, finalWrittenWarningInForce: true };
    const decided: AllegationState = {
      status: 'case_to_answer_misconduct',
      reg17NoticeServed: true,
      caseToAnswer: 'misconduct',
    };
    expect(refusal(decided, { type: 'schedule_meeting' }, fww)).toMatch(/final written warning is in force/);
    expect(refusal(decided, { type: 'schedule_hearing' }, ctx)).toMatch(/goes to a misconduct meeting/);
    const found = run(
      fww,
      [{ type: 'schedule_hearing' }, { type: 'record_finding', finding: 'misconduct' }],
      decided,
    ).state;
    expect(refusal(found, { type: 'record_sanction', sanction: 'final_written_warning' }, fww)).toMatch(
      /while a final written warning is in force/,
    );
    // Conduct Regs reg 42(8): with a FWW in force, no written warning either.
    expect(refusal(found, { type: 'record_sanction', sanction: 'written_warning' }, fww)).toMatch(
      /neither a written warning nor a final written warning may be given \(Conduct Regs reg 42\(8\)\)/,
    );
    expect(transition(found, { type: 'record_sanction', sanction: 'dismissal_without_notice' }, fww).ok).toBe(true);
  });

  it('refuses an accelerated hearing for misconduct, and without the special conditions', () => {
    const misconduct: AllegationState = { status: 'case_to_answer_misconduct', reg17NoticeServed: true };
    expect(refusal(misconduct, { type: 'schedule_accelerated_hearing', specialConditionsCertified: true }, ctx)).toBe(
      'An accelerated hearing is only for gross misconduct (§2.10)',
    );
    const gross: AllegationState = {
      status: 'under_investigation',
      reg17NoticeServed: true,
      severity: 'gross_misconduct',
    };
    expect(refusal(gross, { type: 'schedule_accelerated_hearing', specialConditionsCertified: false }, ctx)).toMatch(
      /special conditions/,
    );
    const step = run(ctx, [{ type: 'schedule_accelerated_hearing', specialConditionsCertified: true }], gross);
    expect(step.effects).toContainEqual({ kind: 'stop_clock', period: 'pcc_report_first' });
  });

  it('withdraws before proceedings begin, to RPRP or the Performance Regulations', () => {
    expect(run(ctx, [{ type: 'withdraw', route: 'rprp' }], atMeeting).state.status).toBe('rprp');
    const step = run(ctx, [{ type: 'withdraw', route: 'performance_regulations' }], atMeeting);
    expect(step.state.status).toBe('withdrawn');
    expect(step.effects).toEqual([
      { kind: 'give_notice', notice: 'withdrawal' },
      { kind: 'refer_to_performance_regulations' },
    ]);
  });

  it('after a not-proven finding, offers reflective practice and tells the officer the outcome without appeal rights', () => {
    const step = run(ctx, [{ type: 'record_finding', finding: 'not_proven' }], atMeeting);
    expect(step.effects).toEqual([
      { kind: 'start_clock', period: 'outcome_report', anchor: 'this_event' },
      { kind: 'give_notice', notice: 'outcome' },
    ]);
    expect(allowedActions(step.state, ctx)).toEqual(['refer_to_rprp', 'close']);
  });
});
