import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTION_TYPES } from './rules/allegation-types.ts';
import { actionControls, actionFromBody, actionSchemaFields } from './allegation-action-form.ts';
import { dateFromParts, formFieldErrors } from '../../kernel/forms.ts';
import { allegationActionSchema } from './allegation-action-input.ts';

/** The action forms are generated from the action schemas: exactly their fields, and their choices. */

describe('action form controls', () => {
  it.each(ACTION_TYPES)('%s offers exactly the fields of its schema', (type) => {
    expect(actionControls(type).map((c) => c.name)).toEqual(Object.keys(actionSchemaFields(type)));
  });

  it('offers every value of each enum as a radio, with words for each', () => {
    for (const type of ACTION_TYPES) {
      for (const control of actionControls(type)) {
        if (control.kind !== 'radios') continue;
        const schema = actionSchemaFields(type)[control.name];
        const inner = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? schema.unwrap() : schema;
        const values = inner instanceof z.ZodEnum ? (inner.options as string[]) : [];
        expect(
          control.choices.filter((c) => c.value !== '').map((c) => c.value),
          `${type}.${control.name}`,
        ).toEqual(values);
        for (const choice of control.choices)
          expect(choice.text, `${type}.${control.name}.${choice.value}`).not.toMatch(/_/);
        expect(
          control.choices.some((c) => c.value === ''),
          `${type}.${control.name} has a "does not apply" choice only when optional`,
        ).toBe(control.optional);
      }
    }
  });

  it('turns a form post into details the schema accepts, with booleans from checkboxes and radios', () => {
    const hearing = actionFromBody('schedule_hearing', {
      'date-day': '1',
      'date-month': '12',
      'date-year': '2026',
      panel: '',
      fullHearingReason: '',
    });
    expect(hearing.errors).toEqual({});
    expect(allegationActionSchema.parse(hearing.action)).toEqual({
      type: 'schedule_hearing',
      date: '2026-12-01',
      inPublic: false,
      panel: '',
    });
    const referral = actionFromBody('record_referral_check', {
      referable: 'yes',
      criteria: ['serious_assault', 'same_incident'],
    });
    expect(allegationActionSchema.parse(referral.action)).toMatchObject({
      referable: true,
      criteria: ['serious_assault', 'same_incident'],
    });
    expect(actionFromBody('record_referral_check', {}).action).not.toHaveProperty('referable');
  });

  it('names a bad date by its question, and words schema messages that were not written for people', () => {
    expect(
      actionFromBody('schedule_meeting', { 'date-day': '31', 'date-month': '4', 'date-year': '2026' }).errors,
    ).toEqual({ date: 'Date of the misconduct meeting must be a real date' });
    expect(
      formFieldErrors(
        { 'action.route': 'Invalid option', 'action.rationale': 'Too small' },
        actionControls('withdraw'),
      ),
    ).toEqual({
      route: 'Choose what happens instead of the proceedings',
      rationale: 'Give the reasons for withdrawing in at least 10 characters',
    });
  });
});

describe('the GOV.UK date input', () => {
  it('reads day, month and year into an ISO date, and explains what is wrong', () => {
    expect(dateFromParts({ 'd-day': '7', 'd-month': '3', 'd-year': '2026' }, 'd', 'The date')).toEqual({
      iso: '2026-03-07',
    });
    expect(dateFromParts({}, 'd', 'The date')).toEqual({});
    expect(dateFromParts({ 'd-day': '7', 'd-year': '2026' }, 'd', 'The date')).toEqual({
      error: 'The date must include a day, month and year',
    });
    expect(dateFromParts({ 'd-day': '29', 'd-month': '2', 'd-year': '2026' }, 'd', 'The date')).toEqual({
      error: 'The date must be a real date',
    });
    expect(dateFromParts({ 'd-day': 'x', 'd-month': '2', 'd-year': '26' }, 'd', 'The date')).toEqual({
      error: 'The date must be a real date',
    });
  });
});
