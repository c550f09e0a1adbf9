import { describe, expect, it } from 'vitest';
import {
  actionOverdue,
  differenceText,
  isUnverified,
  itemLabel,
  overdueReasons,
  signOffAfterSelfAssessment,
  statusDifference,
  type TrackerStatus,
} from './tracker-rules.ts';

const today = '2026-05-10';

describe('overdue', () => {
  it('is overdue the day after the deadline, not on it', () => {
    expect(overdueReasons({ deadline: '2026-05-10' }, 'being_progressed', [], today)).toEqual([]);
    expect(overdueReasons({ deadline: '2026-05-09' }, 'being_progressed', [], today)).toEqual(['deadline']);
  });

  it('counts an action past its due date and not done', () => {
    expect(overdueReasons({ deadline: null }, 'not_started', [{ dueOn: '2026-05-01', doneOn: null }], today)).toEqual([
      'action',
    ]);
    expect(
      overdueReasons({ deadline: null }, 'not_started', [{ dueOn: '2026-05-01', doneOn: '2026-05-02' }], today),
    ).toEqual([]);
    expect(overdueReasons({ deadline: null }, 'not_started', [{ dueOn: null, doneOn: null }], today)).toEqual([]);
    expect(
      overdueReasons({ deadline: '2026-01-01' }, 'awaiting_review', [{ dueOn: '2026-05-01', doneOn: null }], today),
    ).toEqual(['deadline', 'action']);
  });

  it('is never overdue once the force says addressed or not applicable', () => {
    for (const status of ['addressed', 'not_applicable'] as TrackerStatus[]) {
      expect(
        overdueReasons({ deadline: '2020-01-01' }, status, [{ dueOn: '2020-01-01', doneOn: null }], today),
      ).toEqual([]);
    }
  });

  it('judges one action on its own dates', () => {
    expect(actionOverdue({ dueOn: '2026-05-09', doneOn: null }, today)).toBe(true);
    expect(actionOverdue({ dueOn: '2026-05-10', doneOn: null }, today)).toBe(false);
    expect(actionOverdue({ dueOn: '2026-05-09', doneOn: '2026-05-10' }, today)).toBe(false);
  });
});

describe('unverified', () => {
  it('is a closing claim by the force that the commissioner has not verified', () => {
    expect(isUnverified('addressed', null)).toBe(true);
    expect(isUnverified('addressed', 'being_progressed')).toBe(true);
    expect(isUnverified('addressed', 'addressed')).toBe(false);
    expect(isUnverified('not_applicable', null)).toBe(true);
    expect(isUnverified('not_applicable', 'not_applicable')).toBe(false);
    expect(isUnverified('being_progressed', null)).toBe(false);
  });
});

describe('the difference between the two statuses', () => {
  it('names which side is ahead', () => {
    expect(statusDifference('addressed', 'addressed').kind).toBe('agrees');
    expect(statusDifference('addressed', null).kind).toBe('not_assessed');
    expect(statusDifference('addressed', 'being_progressed').kind).toBe('force_ahead');
    expect(statusDifference('not_started', 'being_progressed').kind).toBe('force_behind');
    expect(statusDifference('not_applicable', 'being_progressed').kind).toBe('differs');
  });

  it('says both statuses in words', () => {
    expect(differenceText('addressed', 'being_progressed')).toBe(
      'The force says addressed, but the commissioner’s office has verified only being progressed.',
    );
    expect(differenceText('being_progressed', 'addressed')).toBe(
      'The force says being progressed; the commissioner’s office says addressed.',
    );
    expect(differenceText('awaiting_review', null)).toBe(
      'The force says awaiting review; the commissioner’s office has not assessed it yet.',
    );
    expect(differenceText('addressed', 'addressed')).toBeNull();
    expect(differenceText('not_started', null)).toBeNull();
  });
});

describe('chief officer sign-off', () => {
  const signed = { status: 'addressed' as const, at: new Date('2026-04-01T09:00:00Z'), by: 'chief' };

  it('lapses when the force changes its status after sign-off', () => {
    expect(signOffAfterSelfAssessment(signed, 'being_progressed')).toEqual({ signOff: null, reset: true });
  });

  it('stays when the status is re-stated unchanged, and there is nothing to reset without one', () => {
    expect(signOffAfterSelfAssessment(signed, 'addressed')).toEqual({ signOff: signed, reset: false });
    expect(signOffAfterSelfAssessment(null, 'addressed')).toEqual({ signOff: null, reset: false });
  });
});

it('labels items as the published response refers to them', () => {
  expect(itemLabel({ kind: 'recommendation', number: 3 })).toBe('R3');
  expect(itemLabel({ kind: 'area_for_improvement', number: 2 })).toBe('AFI2');
});
