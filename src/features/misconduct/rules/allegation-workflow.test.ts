import { describe, expect, it } from 'vitest';
import { computeDeadline, resolvePeriods } from '../../../kernel/time/periods.ts';
import type { AllegationAction, AllegationState } from './allegation-types.ts';
import { allowedActions, initialAllegationState, transition } from './allegation-workflow.ts';
import { ctxFor, refusal, run } from '../../../../test/fixtures/misconduct/allegation-track.ts';

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
