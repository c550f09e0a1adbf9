import { describe, expect, it } from 'vitest';
import type { AllegationAction, AllegationContext, AllegationState } from './allegation-types.ts';
import { allowedActions, transition } from './allegation-workflow.ts';
import { formerOfficerCondition, lowerRankExists } from './subject-standing.ts';
import { regimeFor } from '../../clocks/regime.ts';

/** The corrections of the December 2026 legal review (../shared/reference/legal-review.md), one rule per test. */

const ctxFor = (cameToAttentionOn: string, more: Partial<AllegationContext> = {}): AllegationContext => ({
  regime: regimeFor(cameToAttentionOn),
  subject: 'serving',
  finalWrittenWarningInForce: false,
  multipleUnconnectedIncidents: false,
  ...more,
});

function step(state: AllegationState, action: AllegationAction, ctx: AllegationContext) {
  const result = transition(state, action, ctx);
  if (!result.ok) throw new Error(`${action.type} refused: ${result.reason}`);
  return result;
}

function refusal(state: AllegationState, action: AllegationAction, ctx: AllegationContext): string {
  const result = transition(state, action, ctx);
  if (result.ok) throw new Error(`${action.type} was expected to be refused`);
  return result.reason;
}

describe('Conduct Regs reg 62(8): an accelerated hearing that does not find gross misconduct', () => {
  const ctx = ctxFor('2025-06-02');
  const scheduled: AllegationState = {
    status: 'accelerated_hearing_scheduled',
    reg17NoticeServed: true,
    severity: 'gross_misconduct',
    form: 'accelerated_hearing',
  };

  it('cannot record "misconduct" without saying whether the case was dismissed or returned', () => {
    expect(refusal(scheduled, { type: 'record_finding', finding: 'misconduct' }, ctx)).toMatch(/reg 62\(8\)/);
  });

  it('dismisses the case: no sanction, no appeal clock, only the outcome report and notice', () => {
    const r = step(
      scheduled,
      { type: 'record_finding', finding: 'misconduct', acceleratedOutcome: 'dismiss_case' },
      ctx,
    );
    expect(r.next).toMatchObject({
      status: 'finding_recorded',
      finding: 'not_proven',
      acceleratedOutcome: 'dismiss_case',
    });
    expect(r.effects).toEqual([
      { kind: 'stop_clock', period: 'accelerated_hearing' },
      { kind: 'start_clock', period: 'outcome_report', anchor: 'this_event' },
      { kind: 'give_notice', notice: 'outcome' },
    ]);
    expect(refusal(r.next, { type: 'record_sanction', sanction: 'written_warning' }, ctx)).toMatch(
      /no sanction|not found proven/,
    );
    expect(refusal(r.next, { type: 'lodge_appeal' }, ctx)).toMatch(/Only a finding of misconduct/);
  });

  it('returns the case to the appropriate authority under Part 4: back to a misconduct assessment, no clocks', () => {
    const r = step(
      scheduled,
      { type: 'record_finding', finding: 'misconduct', acceleratedOutcome: 'return_to_authority' },
      ctx,
    );
    expect(r.next).toMatchObject({ status: 'assessed_misconduct', severity: 'misconduct', form: undefined });
    expect(r.effects).toEqual([
      { kind: 'stop_clock', period: 'accelerated_hearing' },
      { kind: 'give_notice', notice: 'outcome' },
    ]);
    expect(transition(r.next, { type: 'start_investigation' }, ctx).ok).toBe(true);
  });
});

describe('who the officer process applies to', () => {
  const ctx = ctxFor('2026-12-01');
  const received: AllegationState = { status: 'received', reg17NoticeServed: false };
  const assess = (severity: 'pri' | 'misconduct' | 'gross_misconduct'): AllegationAction => ({
    type: 'assess_severity',
    severity,
  });

  it('refuses the officer track for police staff, and lets a special constable through (Conduct Regs reg 3 [S])', () => {
    expect(refusal(received, assess('misconduct'), { ...ctx, personType: 'staff' })).toMatch(
      /outside the Police \(Conduct\) Regulations 2020/,
    );
    expect(allowedActions(received, { ...ctx, personType: 'staff' })).toEqual([]);
    expect(step(received, assess('misconduct'), { ...ctx, personType: 'special' }).next.status).toBe(
      'assessed_misconduct',
    );
  });

  it('offers reduction in rank only where a lower rank exists and not twice (Conduct Regs reg 62(6)–(7))', () => {
    expect(lowerRankExists('officer', 'Constable')).toBe(false);
    expect(lowerRankExists('officer', 'Sergeant')).toBe(true);
    expect(lowerRankExists('special', 'Special Sergeant')).toBe(false);
    expect(lowerRankExists('officer', null)).toBe(false);
    const found: AllegationState = {
      status: 'finding_recorded',
      reg17NoticeServed: true,
      form: 'hearing',
      finding: 'gross_misconduct',
    };
    const constable = { ...ctx, personType: 'officer' as const, lowerRankExists: false };
    expect(
      refusal(
        found,
        { type: 'record_sanction', sanction: 'reduction_in_rank', exceptionalCircumstances: 'x' },
        constable,
      ),
    ).toMatch(/reg 62\(6\)/);
    const reduced = { ...ctx, lowerRankExists: true, alreadyReducedInRank: true };
    expect(
      refusal(
        found,
        { type: 'record_sanction', sanction: 'reduction_in_rank', exceptionalCircumstances: 'x' },
        reduced,
      ),
    ).toMatch(/reg 62\(7\)/);
  });

  it('Conduct Regs reg 4(2)–(5): a former officer only for gross misconduct, with the IOPC determination under Condition C', () => {
    // Left on 30 June 2025; the matter came to attention on 1 December 2026, 17 months later: Condition C.
    expect(formerOfficerCondition('2025-06-30', '2025-06-30')).toBe('A');
    expect(formerOfficerCondition('2025-06-30', '2026-06-30')).toBe('B');
    expect(formerOfficerCondition('2025-06-30', '2026-12-01')).toBe('C');
    const former = (determination: boolean): AllegationContext => ({
      ...ctx,
      subject: 'former',
      formerOfficer: { leftOn: '2025-06-30', cameToAttentionOn: '2026-12-01', iopcSpecialDetermination: determination },
    });
    expect(refusal(received, assess('misconduct'), former(true))).toMatch(
      /only where the allegation may be gross misconduct/,
    );
    expect(refusal(received, assess('pri'), former(true))).toMatch(/reg 4\(2\)/);
    expect(refusal(received, assess('gross_misconduct'), former(false))).toMatch(/Condition C.*special determination/);
    expect(step(received, assess('gross_misconduct'), former(true)).next.status).toBe('assessed_gross_misconduct');
  });

  it('Conduct Regs Sch 1 para 1: no misconduct meeting and no reflective practice for a former officer', () => {
    const former: AllegationContext = { ...ctx, subject: 'former' };
    const decided: AllegationState = { status: 'no_case_to_answer', reg17NoticeServed: true };
    expect(refusal(decided, { type: 'refer_to_rprp' }, former)).toMatch(/Sch 1 para 1/);
    const report: AllegationState = { status: 'report_submitted', reg17NoticeServed: true };
    expect(refusal(report, { type: 'decide_case_to_answer', outcome: 'misconduct' }, former)).toMatch(
      /only gross misconduct/,
    );
  });
});
