import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../../kernel/time/bank-holidays.ts';
import { resolvePeriods } from '../../kernel/time/periods.ts';
import { parseInput } from '../../kernel/validation.ts';
import { AppError } from '../../kernel/errors.ts';
import { imposeInput, reviewInput } from './restriction-input.ts';
import { shapeInForceByType } from './restriction-reports.ts';
import {
  durationDays,
  nextReviewDue,
  noticeClockStart,
  noticeDue,
  duplicateKindRefusal,
  rationaleValidUntil,
  RESTRICTION_KINDS,
} from './restriction-rules.ts';

import { defaults, everyOption } from '../../../test/fixtures/restrictions/decisions.ts';

describe('the use-case input', () => {
  const base = {
    caseId: '00000000-0000-4000-8000-000000000001',
    subjectId: '00000000-0000-4000-8000-000000000002',
    rationale: 'Proportionate',
    decidedOn: '2026-03-02',
    startsOn: '2026-03-02',
  };

  it('reports the regulation 11 and option problems as one message per field', () => {
    try {
      parseInput(imposeInput, { ...base, kind: 'suspension', options: everyOption('suspension') }, 'Check');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).fields).toEqual({
        'suspensionTests.redeploymentRejectedReason':
          'Say why temporary redeployment to alternative duties or location is not appropriate (regulation 11, first condition)',
        'suspensionTests.ground':
          'Choose the ground for suspension: the investigation may be prejudiced, or the public interest requires it (regulation 11, second condition)',
        'suspensionTests.groundReason': 'Explain why the ground for suspension applies',
      });
    }
  });

  it('makes a review whose conditions no longer hold lift or change the restriction, and checks a change made in it', () => {
    const review = {
      restrictionId: base.caseId,
      version: 1,
      reviewedOn: '2026-03-02',
      conditionsStillHold: false,
      reasons: 'Gone',
      officerInformed: true,
    };
    expect(() => parseInput(reviewInput, review)).toThrow(AppError);
    expect(parseInput(reviewInput, { ...review, outcome: 'lift' }).outcome).toBe('lift');
    try {
      parseInput(reviewInput, {
        ...review,
        outcome: 'change',
        change: { kind: 'suspension', options: everyOption('suspension'), rationale: 'x', startsOn: '2026-03-02' },
      });
      expect.unreachable();
    } catch (err) {
      expect(Object.keys((err as AppError).fields ?? {})).toEqual([
        'change.suspensionTests.redeploymentRejectedReason',
        'change.suspensionTests.ground',
        'change.suspensionTests.groundReason',
      ]);
    }
  });
});

describe('notice and review dates', () => {
  it('uses the configured periods: 28 calendar days for reviews, 3 working days for notice (over Easter 2026)', () => {
    expect(nextReviewDue(defaults, 'suspension', '2026-04-02')).toBe('2026-04-30');
    expect(nextReviewDue(defaults, 'restricted_duties', '2026-04-02')).toBe('2026-04-30');
    expect(noticeDue(defaults, 'suspension', '2026-04-02')).toBe('2026-04-09');
  });

  it('goes through the bank-holiday calendar when a deployment counts reviews in working days', () => {
    const workingDays = {
      periods: resolvePeriods({ restriction_review: { amount: 5, unit: 'working_days' } }),
      calendar: defaultCalendarConfig,
    };
    expect(nextReviewDue(workingDays, 'restricted_duties', '2026-04-02')).toBe('2026-04-13');
    expect(nextReviewDue(workingDays, 'suspension', '2026-04-02')).toBe('2026-04-30');
    const extraHoliday = {
      ...workingDays,
      calendar: {
        ...defaultCalendarConfig,
        add: [...defaultCalendarConfig.add, { date: '2026-04-08', name: 'A one-off holiday' }],
      },
    };
    expect(nextReviewDue(extraHoliday, 'restricted_duties', '2026-04-02')).toBe('2026-04-14');
  });

  it('starts the notice clock at an oral notification, otherwise at the decision', () => {
    expect(noticeClockStart({ decidedOn: '2026-03-02', noticeMethod: 'oral', noticeGivenOn: '2026-03-04' })).toBe(
      '2026-03-04',
    );
    expect(noticeClockStart({ decidedOn: '2026-03-02', noticeMethod: 'written', noticeGivenOn: '2026-03-04' })).toBe(
      '2026-03-02',
    );
    expect(noticeClockStart({ decidedOn: '2026-03-02' })).toBe('2026-03-02');
  });

  it('makes a senior rationale last to the next review, or the restriction review period without one', () => {
    expect(rationaleValidUntil(defaults, '2026-03-02', ['2026-03-20'])).toBe('2026-03-20');
    expect(rationaleValidUntil(defaults, '2026-03-02', [])).toBe('2026-03-30');
    expect(rationaleValidUntil(defaults, '2026-03-02', [null])).toBe('2026-03-30');
  });

  it('with several restrictions in force, makes it last to the first of their next reviews', () => {
    expect(rationaleValidUntil(defaults, '2026-03-02', ['2026-03-27', '2026-03-20', null])).toBe('2026-03-20');
  });

  it('counts a restriction’s length in whole days', () => {
    expect(durationDays('2026-03-02', '2026-03-02')).toBe(0);
    expect(durationDays('2026-02-27', '2026-03-02')).toBe(3);
    expect(durationDays('2026-03-05', '2026-03-02')).toBe(0);
  });
});

describe('the in-force report', () => {
  it('gives counts and duration statistics per kind, every kind listed, without names', () => {
    const report = shapeInForceByType(
      [
        { kind: 'suspension', days: 10 },
        { kind: 'suspension', days: 40 },
        { kind: 'suspension', days: 25 },
        { kind: 'restricted_duties', days: 3 },
        { kind: 'restricted_duties', days: 8 },
      ],
      '2026-03-02',
    );
    expect(report.total).toBe(5);
    expect(report.byKind.map((k) => k.kind)).toEqual([...RESTRICTION_KINDS]);
    expect(report.byKind.find((k) => k.kind === 'suspension')).toMatchObject({
      count: 3,
      minDays: 10,
      maxDays: 40,
      medianDays: 25,
      meanDays: 25,
    });
    expect(report.byKind.find((k) => k.kind === 'restricted_duties')).toMatchObject({
      count: 2,
      medianDays: 5.5,
      meanDays: 5.5,
    });
    expect(report.byKind.find((k) => k.kind === 'repositioned')).toMatchObject({
      count: 0,
      medianDays: null,
      maxDays: null,
    });
  });
});

describe('several restrictions in force at once', () => {
  const inForce = [
    { id: 'r1', kind: 'restricted_duties' as const },
    { id: 'r2', kind: 'firearms_authority_withdrawn' as const },
  ];

  it('allows another kind beside those in force', () => {
    expect(duplicateKindRefusal(inForce, 'suspension')).toBe(null);
    expect(duplicateKindRefusal([], 'restricted_duties')).toBe(null);
  });

  it('refuses a second of a kind already in force, with the reason', () => {
    expect(duplicateKindRefusal(inForce, 'firearms_authority_withdrawn')).toBe(
      'Firearms authority withdrawn is already in force for this subject in this case: review, change or lift that restriction instead',
    );
  });

  it('lets a change keep its own kind out of the count, but not take another one’s', () => {
    expect(duplicateKindRefusal(inForce, 'restricted_duties', 'r1')).toBe(null);
    expect(duplicateKindRefusal(inForce, 'firearms_authority_withdrawn', 'r1')).toContain('already in force');
  });
});
