import { describe, expect, it } from 'vitest';
import { displayedClockState } from './clock-display.ts';

describe('the state a page shows for a clock', () => {
  const today = '2026-11-25';

  it('shows a duty of the force as due on its day and overdue after it, before the sweeper has run', () => {
    expect(displayedClockState({ state: 'running', dueOn: '2026-11-26', period: 'pcc_report_first' }, today)).toBe(
      'running',
    );
    expect(displayedClockState({ state: 'running', dueOn: today, period: 'pcc_report_first' }, today)).toBe('due');
    expect(displayedClockState({ state: 'running', dueOn: '2026-11-24', period: 'pcc_report_first' }, today)).toBe(
      'overdue',
    );
    expect(displayedClockState({ state: 'due', dueOn: '2026-11-24', period: 'barred_list_return' }, today)).toBe(
      'overdue',
    );
    expect(displayedClockState({ state: 'met', dueOn: '2026-11-24', period: 'pcc_report_first' }, today)).toBe('met');
  });

  it("shows an officer's or complainant's window, or a warning in force, as elapsed once past — never due or overdue", () => {
    for (const period of [
      'pat_appeal',
      'final_written_warning_expiry',
      'complainant_review_window',
      'vetting_appeal',
    ] as const) {
      expect(displayedClockState({ state: 'running', dueOn: '2026-11-24', period }, today), period).toBe('elapsed');
      expect(displayedClockState({ state: 'running', dueOn: today, period }, today), period).toBe('running');
      expect(displayedClockState({ state: 'met', dueOn: '2026-11-20', period }, today), period).toBe('elapsed');
    }
  });

  it('leaves cancelled clocks as they are, and treats a clock of an unknown period as a duty', () => {
    expect(displayedClockState({ state: 'cancelled', dueOn: '2026-11-01', period: 'pcc_report_first' }, today)).toBe(
      'cancelled',
    );
    expect(displayedClockState({ state: 'cancelled', dueOn: '2026-11-01', period: 'pat_appeal' }, today)).toBe(
      'cancelled',
    );
    expect(displayedClockState({ state: 'running', dueOn: '2026-11-01', period: null }, today)).toBe('overdue');
  });
});
