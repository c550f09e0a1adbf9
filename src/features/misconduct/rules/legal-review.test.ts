import { describe, expect, it } from 'vitest';
import type { AllegationAction, AllegationContext, AllegationState } from './allegation-types.ts';
import { transition } from './allegation-workflow.ts';
import { regimeFor } from './regime.ts';

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
    expect(r.effects).toEqual([{ kind: 'give_notice', notice: 'outcome' }]);
    expect(transition(r.next, { type: 'start_investigation' }, ctx).ok).toBe(true);
  });
});
