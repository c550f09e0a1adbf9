import { describe, expect, it } from 'vitest';
import { findingRowOf, outcomeOf, sanctionRowOf, type TrackFacts } from './outcomes.ts';

const track = (t: Partial<TrackFacts>): TrackFacts => ({
  state: 'closed',
  severity: null,
  caseToAnswer: null,
  form: null,
  finding: null,
  rprp: false,
  ...t,
});

describe('what became of an allegation', () => {
  it('reads the outcome from the track, the most decisive fact first', () => {
    expect(outcomeOf(track({ state: 'hearing_scheduled', form: 'hearing' }))).toBe('not_finalised');
    expect(outcomeOf(track({ severity: 'none' }))).toBe('no_case');
    expect(outcomeOf(track({ severity: 'vetting_referral' }))).toBe('referred_to_vetting');
    expect(outcomeOf(track({ severity: 'pri', rprp: true }))).toBe('reflective_practice');
    // RPRP after a case to answer, or when proceedings were withdrawn to RPRP, is still reflective practice.
    expect(outcomeOf(track({ severity: 'misconduct', caseToAnswer: 'misconduct', form: 'meeting', rprp: true }))).toBe(
      'reflective_practice',
    );
    expect(outcomeOf(track({ severity: 'misconduct', caseToAnswer: 'no_case' }))).toBe('no_case_to_answer');
    expect(outcomeOf(track({ severity: 'misconduct', caseToAnswer: 'misconduct' }))).toBe(
      'case_to_answer_no_proceedings',
    );
    expect(outcomeOf(track({ caseToAnswer: 'gross_misconduct', form: 'hearing' }))).toBe('withdrawn');
    expect(outcomeOf(track({ form: 'hearing', finding: 'not_proven' }))).toBe('not_proven');
    expect(outcomeOf(track({ form: 'meeting', finding: 'misconduct' }))).toBe('misconduct_proven');
    expect(outcomeOf(track({ form: 'hearing', finding: 'would_have_been_dismissed' }))).toBe('gross_misconduct_proven');
  });

  it('puts a former officer’s gross misconduct with gross misconduct, and among sanctions as "would have been dismissed"', () => {
    expect(findingRowOf('would_have_been_dismissed')).toBe('gross_misconduct');
    expect(findingRowOf(null)).toBeNull();
    expect(sanctionRowOf(null, 'would_have_been_dismissed')).toBe('would_have_been_dismissed');
    expect(sanctionRowOf('final_written_warning', 'misconduct')).toBe('final_written_warning');
    expect(sanctionRowOf('management_advice', 'misconduct')).toBeNull();
  });
});
