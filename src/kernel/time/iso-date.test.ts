import { describe, expect, it } from 'vitest';
import { fromDayNumber, isIsoDate, parseIsoDate, toDayNumber, weekdayOf } from './iso-date.ts';

describe('iso-date', () => {
  it('accepts only real calendar dates in YYYY-MM-DD form', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-4-1')).toBe(false);
    expect(isIsoDate('2025-04-01T00:00:00Z')).toBe(false);
    expect(() => parseIsoDate('01/04/2025')).toThrow(RangeError);
  });

  it('round-trips day numbers and knows the weekday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2025-12-31') + 1)).toBe('2026-01-01');
    expect(weekdayOf('2025-04-18')).toBe(5); // Good Friday 2025
    expect(weekdayOf('2026-12-26')).toBe(6); // Saturday
  });
});
