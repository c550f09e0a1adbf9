import { describe, expect, it } from 'vitest';
import { reminderStage } from './reminder-stage.ts';

const config = { workingDaysBefore: [5, 0], escalationWorkingDays: 5 };

describe('reminderStage', () => {
  it('is null before the first reminder point', () => {
    // Monday 7 December 2026; due Tuesday 15th is 6 working days away.
    expect(reminderStage({ ...config, today: '2026-12-07', dueOn: '2026-12-15' })).toBeNull();
  });

  it('takes the nearest point at or above the working days left', () => {
    expect(reminderStage({ ...config, today: '2026-12-07', dueOn: '2026-12-14' })?.key).toBe('before-5');
    expect(reminderStage({ ...config, today: '2026-12-07', dueOn: '2026-12-09' })?.key).toBe('before-5');
    expect(reminderStage({ ...config, today: '2026-12-07', dueOn: '2026-12-07' })?.key).toBe('before-0');
  });

  it('counts overdue in working days and escalates at the configured point', () => {
    expect(reminderStage({ ...config, today: '2026-12-08', dueOn: '2026-12-07' })).toEqual({
      kind: 'overdue',
      workingDaysOverdue: 1,
      key: 'overdue',
    });
    // Due Monday 30 November: by Monday 7 December it is 5 working days overdue.
    expect(reminderStage({ ...config, today: '2026-12-07', dueOn: '2026-11-30' })?.key).toBe('escalation');
    expect(reminderStage({ ...config, today: '2026-12-04', dueOn: '2026-11-30' })?.key).toBe('overdue');
  });
});
