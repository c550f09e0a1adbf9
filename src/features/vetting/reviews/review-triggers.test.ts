import { describe, expect, it } from 'vitest';
import { reviewTriggerForAllegationStep, reviewTriggerForCriminalEvent, TRIGGER_LABELS } from './review-triggers.ts';
import { reviewTriggers } from '../../../db/schema/index.ts';

describe('which conduct events open a vetting review', () => {
  it('opens one for a gross-misconduct assessment and for a referral under the Vetting Regulations, not for other severities', () => {
    expect(reviewTriggerForAllegationStep({ type: 'assess_severity', severity: 'gross_misconduct' })).toBe(
      'gross_misconduct_assessment',
    );
    expect(reviewTriggerForAllegationStep({ type: 'assess_severity', severity: 'vetting_referral' })).toBe(
      'vetting_referral',
    );
    for (const severity of ['none', 'pri', 'misconduct'])
      expect(reviewTriggerForAllegationStep({ type: 'assess_severity', severity })).toBeNull();
  });

  it('opens one for a proven finding of misconduct or gross misconduct, not for "not proven"', () => {
    expect(reviewTriggerForAllegationStep({ type: 'record_finding', finding: 'misconduct' })).toBe(
      'misconduct_finding',
    );
    expect(reviewTriggerForAllegationStep({ type: 'record_finding', finding: 'gross_misconduct' })).toBe(
      'misconduct_finding',
    );
    expect(reviewTriggerForAllegationStep({ type: 'record_finding', finding: 'not_proven' })).toBeNull();
  });

  it('opens none for the other steps of the conduct process', () => {
    for (const type of ['start_investigation', 'submit_report', 'decide_case_to_answer', 'record_sanction', 'close']) {
      expect(reviewTriggerForAllegationStep({ type, severity: 'gross_misconduct', finding: 'misconduct' })).toBeNull();
    }
  });

  it('opens one for a criminal charge only', () => {
    expect(reviewTriggerForCriminalEvent('charge')).toBe('criminal_charge');
    for (const kind of ['arrest', 'bail', 'released_under_investigation', 'court_outcome', 'no_further_action'])
      expect(reviewTriggerForCriminalEvent(kind)).toBeNull();
  });

  it('has words for every trigger', () => {
    for (const trigger of reviewTriggers) expect(TRIGGER_LABELS[trigger].length).toBeGreaterThan(3);
  });
});
