import { describe, expect, it } from 'vitest';
import { computeDeadline, resolvePeriods } from '../../clocks/periods.ts';
import type { AllegationAction, AllegationContext, AllegationState, WorkflowEffect } from './allegation-types.ts';
import {
  allowedActions,
  initialAllegationState,
  onSubjectLeftDuringInvestigation,
  transition,
} from './allegation-workflow.ts';
import { regimeFor } from '../../clocks/regime.ts';

const ctxFor = (cameToAttentionOn: string, more: Partial<AllegationContext> = {}): AllegationContext => ({
  regime: regimeFor(cameToAttentionOn),
  subject: 'serving',
  finalWrittenWarningInForce: false,
  multipleUnconnectedIncidents: false,
  ...more,
});

/** Applies actions in order, failing the test with the refusal reason if any is refused. */
function run(ctx: AllegationContext, actions: AllegationAction[], from: AllegationState = initialAllegationState()) {
  let state = from;
  let effects: readonly WorkflowEffect[] = [];
  for (const action of actions) {
    const result = transition(state, action, ctx);
    if (!result.ok) throw new Error(`${action.type} refused: ${result.reason}`);
    state = result.next;
    effects = result.effects;
  }
  return { state, effects };
}

function refusal(state: AllegationState, action: AllegationAction, ctx: AllegationContext): string {
  const result = transition(state, action, ctx);
  if (result.ok) throw new Error(`${action.type} was expected to be refused`);
  return result.reason;
}

describe('gross misconduct under the 2025 rules: investigation → hearing → presumed dismissal → barred list', () => {
  const ctx = ctxFor('2025-06-02');

  it('runs end to end with the clocks and returns the caller must create', () => {
    expect(ctx.regime).toBe('2020+2025');
    let step = run(ctx, [
      { type: 'assess_severity', severity: 'gross_misconduct' },
      { type: 'record_referral_check', referable: false },
    ]);
    expect(step.state.status).toBe('assessed_gross_misconduct');

    step = run(ctx, [{ type: 'start_investigation' }], step.state);
    expect(step.effects).toEqual([
      { kind: 'start_clock', period: 'pcc_report_first', anchor: 'came_to_attention', owner: 'appropriate_authority' },
    ]);

    step = run(ctx, [{ type: 'serve_reg17_notice' }], step.state);
    expect(step.effects).toEqual([{ kind: 'start_clock', period: 'reg18_representations', anchor: 'this_event' }]);
    expect(refusal(step.state, { type: 'serve_reg17_notice' }, ctx)).toMatch(/already been served/);

    step = run(
      ctx,
      [{ type: 'submit_report' }, { type: 'decide_case_to_answer', outcome: 'gross_misconduct' }],
      step.state,
    );
    expect(step.state.status).toBe('case_to_answer_gross_misconduct');
    expect(refusal(step.state, { type: 'schedule_meeting' }, ctx)).toBe(
      'A misconduct meeting cannot hear gross misconduct: schedule a hearing or an accelerated hearing',
    );

    step = run(ctx, [{ type: 'schedule_hearing' }], step.state);
    expect(step.effects).toEqual([
      { kind: 'give_notice', notice: 'referral_to_proceedings' },
      { kind: 'appoint_hearing_panel', chair: 'chief_officer_or_delegate' },
      { kind: 'start_clock', period: 'pre_hearing', anchor: 'documents_supplied_to_chair' },
    ]);

    step = run(ctx, [{ type: 'record_finding', finding: 'gross_misconduct' }], step.state);
    // The hearing was held, so its pre-hearing clock is met (rules/clock-endings.ts); the outcome is not
    // complete until the sanction is recorded.
    expect(step.effects).toEqual([{ kind: 'stop_clock', period: 'pre_hearing' }]);
    expect(allowedActions(step.state, ctx)).toEqual(['record_sanction']);
    expect(refusal(step.state, { type: 'close' }, ctx)).toMatch(/Record the sanction/);

    const found = step.state;
    expect(refusal(found, { type: 'record_sanction', sanction: 'final_written_warning' }, ctx)).toMatch(
      /presumption of dismissal/,
    );
    expect(
      refusal(found, { type: 'record_sanction', sanction: 'reduction_in_rank', exceptionalCircumstances: '   ' }, ctx),
    ).toMatch(/exceptional circumstances/);
    expect(refusal(found, { type: 'record_sanction', sanction: 'written_warning' }, ctx)).toMatch(
      /not available for gross misconduct/,
    );

    step = run(ctx, [{ type: 'record_sanction', sanction: 'dismissal_without_notice' }], found);
    expect(step.state).toMatchObject({
      status: 'finding_recorded',
      finding: 'gross_misconduct',
      sanction: 'dismissal_without_notice',
    });
    expect(step.effects).toEqual([
      { kind: 'create_barred_list_return' },
      { kind: 'start_clock', period: 'barred_list_return', anchor: 'this_event' },
      { kind: 'start_clock', period: 'outcome_report', anchor: 'this_event' },
      { kind: 'give_notice', notice: 'outcome_and_appeal_rights' },
      { kind: 'start_clock', period: 'pat_appeal', anchor: 'report_received_by_officer' },
    ]);
    // Barred List Regs 2017 reg 3(1): a dismissal on Friday 19 December 2025 (day 1) must reach the College by
    // Monday 29 December (19, 22, 23, 24, 29; Christmas and Boxing Day skipped), not Tuesday 30 December.
    expect(computeDeadline(resolvePeriods().barred_list_return, '2025-12-19')).toBe('2025-12-29');

    step = run(ctx, [{ type: 'lodge_appeal' }], step.state);
    // The table of clock endings meets either form's appeal window; only the hearing's (PAT) one is running.
    expect(step.effects).toEqual([
      { kind: 'stop_clock', period: 'meeting_appeal' },
      { kind: 'stop_clock', period: 'pat_appeal' },
    ]);
    step = run(ctx, [{ type: 'decide_appeal', outcome: 'sanction_varied', sanction: 'reduction_in_rank' }], step.state);
    expect(step.effects).toEqual([{ kind: 'barred_list_further_report' }]);
    expect(refusal(step.state, { type: 'lodge_appeal' }, ctx)).toMatch(/already been decided/);
    expect(run(ctx, [{ type: 'close' }], step.state).state.status).toBe('closed');
  });

  it('accepts a lesser sanction when exceptional circumstances are recorded, and keeps the rationale', () => {
    const found: AllegationState = {
      status: 'finding_recorded',
      reg17NoticeServed: true,
      form: 'hearing',
      finding: 'gross_misconduct',
    };
    const step = run(
      ctx,
      [
        {
          type: 'record_sanction',
          sanction: 'final_written_warning',
          exceptionalCircumstances: '  Acting under duress  ',
        },
      ],
      found,
    );
    expect(step.state).toMatchObject({
      sanction: 'final_written_warning',
      exceptionalCircumstances: 'Acting under duress',
    });
    expect(step.effects).toContainEqual({
      kind: 'start_clock',
      period: 'final_written_warning_expiry',
      anchor: 'this_event',
    });
  });

  it('does not presume dismissal before 28 May 2025', () => {
    const before = ctxFor('2025-05-27');
    const found: AllegationState = {
      status: 'finding_recorded',
      reg17NoticeServed: true,
      form: 'hearing',
      finding: 'gross_misconduct',
    };
    expect(transition(found, { type: 'record_sanction', sanction: 'final_written_warning' }, before).ok).toBe(true);
  });

  it('gives a legally qualified chair before 7 May 2024', () => {
    const state: AllegationState = { status: 'case_to_answer_gross_misconduct', reg17NoticeServed: true };
    expect(run(ctxFor('2024-05-06'), [{ type: 'schedule_hearing' }], state).effects).toContainEqual({
      kind: 'appoint_hearing_panel',
      chair: 'legally_qualified_chair',
    });
  });
});

describe('practice requiring improvement → reflective practice', () => {
  it('routes PRI to RPRP with the 5-working-day account and the 12-month PDR follow-up', () => {
    const ctx = ctxFor('2024-09-10');
    let step = run(ctx, [{ type: 'assess_severity', severity: 'pri' }, { type: 'refer_to_rprp' }]);
    expect(step.state.status).toBe('rprp');
    expect(step.effects).toEqual([
      { kind: 'give_notice', notice: 'rprp_reasons' },
      { kind: 'start_clock', period: 'rprp_account', anchor: 'this_event' },
    ]);
    step = run(ctx, [{ type: 'complete_rprp' }], step.state);
    expect(step.state.status).toBe('closed');
    expect(step.effects).toEqual([
      { kind: 'stop_clock', period: 'rprp_account' },
      { kind: 'start_clock', period: 'rprp_pdr_followup', anchor: 'this_event' },
    ]);
  });

  it('refuses PRI for a matter under the 2012 Regulations', () => {
    expect(
      refusal(initialAllegationState(), { type: 'assess_severity', severity: 'pri' }, ctxFor('2019-11-01')),
    ).toMatch(/2020 Regulations/);
  });
});

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

describe('IOPC referral, severity changes and regimes', () => {
  it('routes a referable matter to the IOPC and records who reports to the PCC', () => {
    const ctx = ctxFor('2025-02-03');
    const referred = run(ctx, [
      { type: 'assess_severity', severity: 'gross_misconduct' },
      { type: 'record_referral_check', referable: true },
    ]);
    expect(referred.state.status).toBe('referred_to_iopc');
    expect(referred.effects).toEqual([{ kind: 'refer_to_iopc' }]);
    const directed = run(ctx, [{ type: 'record_iopc_mode', mode: 'directed' }], referred.state);
    expect(directed.effects).toEqual([
      { kind: 'start_clock', period: 'pcc_report_first', anchor: 'came_to_attention', owner: 'iopc' },
    ]);
    expect(run(ctx, [{ type: 'record_iopc_mode', mode: 'returned' }], referred.state).state.status).toBe(
      'assessed_gross_misconduct',
    );
  });

  it('notifies a change of severity once the regulation 17 notice has been served', () => {
    const ctx = ctxFor('2025-02-03');
    const state: AllegationState = {
      status: 'under_investigation',
      reg17NoticeServed: true,
      severity: 'gross_misconduct',
    };
    const step = run(ctx, [{ type: 'assess_severity', severity: 'misconduct' }], state);
    expect(step.effects).toEqual([{ kind: 'give_notice', notice: 'severity_assessment_changed' }]);
    expect(refusal(state, { type: 'assess_severity', severity: 'none' }, ctx)).toMatch(/decide no case to answer/);
  });

  it('offers the vetting referral only from 28 May 2025', () => {
    const vetting: AllegationAction = { type: 'assess_severity', severity: 'vetting_referral' };
    expect(refusal(initialAllegationState(), vetting, ctxFor('2025-05-27'))).toMatch(/28 May 2025/);
    const step = run(ctxFor('2025-05-28'), [vetting]);
    expect(step.state.status).toBe('referred_to_vetting');
    expect(step.effects).toEqual([{ kind: 'refer_to_vetting_process' }]);
  });

  it('drops clocks that do not apply under the 2012 Regulations and leaves their sanctions to the user', () => {
    const ctx = ctxFor('2019-06-01');
    const step = run(ctx, [{ type: 'assess_severity', severity: 'misconduct' }, { type: 'start_investigation' }]);
    expect(step.effects).toEqual([]);
    const found: AllegationState = {
      status: 'finding_recorded',
      reg17NoticeServed: true,
      form: 'hearing',
      finding: 'misconduct',
    };
    expect(refusal(found, { type: 'record_sanction', sanction: 'written_warning' }, ctx)).toMatch(
      /2012 Regulations are not modelled/,
    );
  });

  it('explains a refusal from the wrong state in words', () => {
    expect(refusal({ status: 'closed', reg17NoticeServed: false }, { type: 'close' }, ctxFor('2025-01-01'))).toBe(
      'Close is not possible while the allegation is closed',
    );
  });
});
