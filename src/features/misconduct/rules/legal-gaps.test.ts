import { describe, expect, it } from 'vitest';
import type { AllegationAction, AllegationContext, AllegationState } from './allegation-types.ts';
import { initialAllegationState, transition } from './allegation-workflow.ts';
import { regimeFor } from '../../clocks/regime.ts';

/** The "missing — add" rules of the 2026 legal review, through the workflow with real dates. */
const ctxFor = (cameToAttentionOn: string, more: Partial<AllegationContext> = {}): AllegationContext => ({
  regime: regimeFor(cameToAttentionOn),
  subject: 'serving',
  finalWrittenWarningInForce: false,
  multipleUnconnectedIncidents: false,
  ...more,
});

function run(ctx: AllegationContext, actions: AllegationAction[], from: AllegationState = initialAllegationState()) {
  let state = from;
  for (const action of actions) {
    const result = transition(state, action, ctx);
    if (!result.ok) throw new Error(`${action.type} refused: ${result.reason}`);
    state = result.next;
  }
  return state;
}

const toMeetingFinding = (admitted: boolean | undefined): AllegationAction[] => [
  { type: 'assess_severity', severity: 'misconduct' },
  { type: 'start_investigation' },
  { type: 'submit_report' },
  { type: 'decide_case_to_answer', outcome: 'misconduct' },
  { type: 'schedule_meeting' },
  { type: 'record_finding', finding: 'misconduct', ...(admitted === undefined ? {} : { admitted }) },
  { type: 'record_sanction', sanction: 'written_warning' },
  { type: 'lodge_appeal' },
];

describe('appeal after admitted misconduct is against the sanction only (Conduct Regs reg 45)', () => {
  const ctx = ctxFor('2026-03-02');

  it('refuses overturning the finding of a March 2026 matter where the officer admitted the conduct', () => {
    const state = run(ctx, toMeetingFinding(true));
    expect(state.admitted).toBe(true);
    const result = transition(state, { type: 'decide_appeal', outcome: 'finding_overturned' }, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/sanction only.*reg 45/);
  });

  it('still lets the appeal be dismissed after an admission', () => {
    const state = run(ctx, toMeetingFinding(true));
    const result = transition(state, { type: 'decide_appeal', outcome: 'dismissed' }, ctx);
    expect(result.ok && result.next.finding).toBe('misconduct');
  });

  it('overturns the finding where the conduct was denied', () => {
    const state = run(ctx, toMeetingFinding(false));
    const result = transition(state, { type: 'decide_appeal', outcome: 'finding_overturned' }, ctx);
    expect(result.ok && result.next.finding).toBe('not_proven');
  });
});

describe('an indictable-only conviction forces gross misconduct (SI 2025/558)', () => {
  it('refuses assessing misconduct on a July 2025 matter after a conviction on 3 November 2025, and allows gross misconduct', () => {
    const ctx = ctxFor('2025-07-01', { indictableOnlyConvictionOn: '2025-11-03' });
    const refused = transition(initialAllegationState(), { type: 'assess_severity', severity: 'misconduct' }, ctx);
    expect(!refused.ok && refused.reason).toMatch(/indictable-only offence on 2025-11-03/);
    const state = run(ctx, [
      { type: 'assess_severity', severity: 'gross_misconduct' },
      { type: 'start_investigation' },
    ]);
    const downgrade = transition(state, { type: 'assess_severity', severity: 'misconduct' }, ctx);
    expect(downgrade.ok).toBe(false);
  });
});

describe('accelerated hearing clock (Conduct Regs reg 52(1))', () => {
  it('starts the accelerated_hearing clock with the reg 51 notice and stops it when the finding is recorded', () => {
    const ctx = ctxFor('2026-10-01');
    const assessed = run(ctx, [{ type: 'assess_severity', severity: 'gross_misconduct' }]);
    const scheduled = transition(
      assessed,
      { type: 'schedule_accelerated_hearing', specialConditionsCertified: true },
      ctx,
    );
    if (!scheduled.ok) throw new Error(scheduled.reason);
    expect(scheduled.effects).toContainEqual({
      kind: 'start_clock',
      period: 'accelerated_hearing',
      anchor: 'this_event',
    });
    const found = transition(scheduled.next, { type: 'record_finding', finding: 'gross_misconduct' }, ctx);
    expect(found.ok && found.effects).toContainEqual({ kind: 'stop_clock', period: 'accelerated_hearing' });
  });
});
