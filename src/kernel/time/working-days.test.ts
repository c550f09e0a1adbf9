import { describe, expect, it } from 'vitest';
import type { CalendarConfig } from './bank-holidays.ts';
import { addCalendarDays, addMonths, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.ts';

describe('isWorkingDay', () => {
  it('excludes weekends and bank holidays', () => {
    expect(isWorkingDay('2025-04-17')).toBe(true); // Maundy Thursday
    expect(isWorkingDay('2025-04-18')).toBe(false); // Good Friday
    expect(isWorkingDay('2025-04-19')).toBe(false); // Saturday
    expect(isWorkingDay('2025-04-21')).toBe(false); // Easter Monday
    expect(isWorkingDay('2022-06-03')).toBe(false); // Platinum Jubilee (configured)
    expect(isWorkingDay('2022-06-03', { add: [], move: [] })).toBe(true); // …only because it is configured
  });
});

describe('addWorkingDays — day 1 is the first working day AFTER the start date', () => {
  it('counts the day after the start as day 1', () => {
    expect(addWorkingDays('2025-03-10', 1)).toBe('2025-03-11'); // Mon → Tue
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17'); // Fri → Mon
    expect(addWorkingDays('2025-03-10', 0)).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-15', 0)).toBe('2025-03-15'); // n = 0 leaves even a Saturday alone
  });

  it('starts counting on the next working day when the event happens at a weekend', () => {
    expect(addWorkingDays('2025-03-15', 1)).toBe('2025-03-17'); // Sat → Mon
  });

  it('skips Easter 2025 (Good Friday 18 April, Easter Monday 21 April)', () => {
    // 22 Apr = 1, 23 = 2, 24 = 3, 25 = 4, 28 = 5.
    expect(addWorkingDays('2025-04-17', 4)).toBe('2025-04-25');
    expect(addWorkingDays('2025-04-17', 5)).toBe('2025-04-28');
  });

  it('skips Christmas 2026 (Friday 25 December and the Boxing Day substitute, Monday 28 December)', () => {
    // 24 Dec (Thu) = 1, 29 Dec (Tue) = 2, 30 Dec (Wed) = 3.
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-24');
    expect(addWorkingDays('2026-12-23', 2)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
  });

  it('crosses the year boundary (New Year 2027 is a Friday)', () => {
    expect(addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    // 2021–22: 27 and 28 Dec and 3 Jan were all holidays: 29 Dec = 1, 30 = 2, 31 = 3, 4 Jan = 4.
    expect(addWorkingDays('2021-12-24', 4)).toBe('2022-01-04');
  });

  it('skips the 2022 Platinum Jubilee (Spring holiday moved to Thursday 2 June, extra day Friday 3 June)', () => {
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
    expect(addWorkingDays('2022-05-27', 1)).toBe('2022-05-30'); // 30 May 2022 was a working day
    expect(addWorkingDays('2022-05-27', 5)).toBe('2022-06-07');
  });

  it('skips the Queen’s funeral (19 September 2022) and the Coronation (8 May 2023)', () => {
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
    expect(addWorkingDays('2023-04-28', 2)).toBe('2023-05-03'); // 1 May and 8 May were both holidays; 2 May = 1
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
  });

  it('uses the calendar it is given', () => {
    const bare: CalendarConfig = { add: [], move: [] };
    expect(addWorkingDays('2022-06-01', 1, bare)).toBe('2022-06-02');
  });

  it('counts backwards for negative n (day −1 is the last working day before)', () => {
    expect(addWorkingDays('2025-04-22', -1)).toBe('2025-04-17');
    expect(addWorkingDays('2027-01-04', -2)).toBe('2026-12-30');
  });

  it('refuses fractional counts', () => {
    expect(() => addWorkingDays('2025-04-22', 1.5)).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it('adds plain days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2025-01-31', 28)).toBe('2025-02-28');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-12-20', 28)).toBe('2026-01-17');
    expect(addCalendarDays('2025-03-30', 1)).toBe('2025-03-31'); // the clocks going forward do not matter
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('addMonths', () => {
  it('keeps the day of the month', () => {
    expect(addMonths('2025-03-10', 12)).toBe('2026-03-10');
    expect(addMonths('2025-03-10', 6)).toBe('2025-09-10');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-08-31', 18)).toBe('2027-02-28');
    expect(addMonths('2025-10-31', 1)).toBe('2025-11-30');
  });

  it('counts backwards', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2025-04-17', '2025-04-28')).toBe(5);
    expect(workingDaysBetween('2026-12-23', '2026-12-30')).toBe(3);
    expect(workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(workingDaysBetween('2025-03-14', '2025-03-16')).toBe(0); // Fri → Sun
  });

  it('is the inverse of addWorkingDays, forwards and backwards', () => {
    for (const start of ['2025-04-17', '2026-12-23', '2022-05-31', '2025-03-15']) {
      for (const n of [-7, -1, 1, 5, 15, 40]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });

  it('counts 253 working days in each of 2025 and 2026', () => {
    // Each year has 261 weekdays, and all 8 of its bank holidays fall on weekdays.
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(253);
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
  });
});
