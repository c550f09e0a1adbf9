import { describe, expect, it } from 'vitest';
import { controlOf, decisionFromForm, formErrors, FormDates, reviewFromForm } from './restriction-form-fields.ts';

describe('the restriction forms', () => {
  it('map the use case’s field paths to the form’s controls', () => {
    expect(controlOf('options.suspension.reason')).toBe('option-suspension-reason');
    expect(controlOf('suspensionTests.ground')).toBe('ground');
    expect(controlOf('change.options.repositioned.considered')).toBe('change-option-repositioned-considered');
    expect(controlOf('change.suspensionTests.groundReason')).toBe('change-groundReason');
    expect(controlOf('rationale')).toBe('rationale');
    expect(
      formErrors({
        'options.suspension.reason': 'A',
        'options.suspension.considered': 'B',
        'suspensionTests.ground': 'C',
      }),
    ).toEqual({ 'option-suspension-reason': 'A', 'option-suspension-considered': 'B', ground: 'C' });
  });

  it('read yes/no radios and dates, leaving unanswered options out so the use case asks for them', () => {
    const body = {
      kind: 'suspension',
      'option-suspension-considered': 'yes',
      'option-suspension-reason': 'Only suspension protects the witnesses',
      'option-repositioned-considered': '',
      ground: 'public_interest',
      redeploymentRejectedReason: ' ',
      'startsOn-day': '2',
      'startsOn-month': '3',
      'startsOn-year': '2026',
      noticeMethod: '',
    };
    const dates = new FormDates(body);
    const d = decisionFromForm(body, dates);
    expect(d.options).toEqual([
      { option: 'suspension', considered: true, reason: 'Only suspension protects the witnesses' },
    ]);
    expect(d.suspensionTests).toEqual({
      redeploymentRejectedReason: undefined,
      ground: 'public_interest',
      groundReason: undefined,
    });
    expect(d.startsOn).toBe('2026-03-02');
    expect(d.noticeMethod).toBeUndefined();
    expect(dates.errors).toEqual({});
  });

  it('read a review, with a change made in it, and report an impossible date', () => {
    const body = {
      version: '3',
      'reviewedOn-day': '30',
      'reviewedOn-month': '2',
      'reviewedOn-year': '2026',
      conditionsStillHold: 'no',
      officerInformed: 'yes',
      reasons: 'r',
      outcome: 'change',
      'change-kind': 'repositioned',
    };
    const dates = new FormDates(body);
    const r = reviewFromForm(body, dates);
    expect(r).toMatchObject({
      version: 3,
      conditionsStillHold: false,
      officerInformed: true,
      outcome: 'change',
      change: { kind: 'repositioned' },
    });
    expect(dates.errors).toEqual({ reviewedOn: 'The review date must be a real date' });
    expect(() => dates.assertValid()).toThrow('Check the dates');
  });
});
