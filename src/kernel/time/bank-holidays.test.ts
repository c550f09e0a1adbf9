import { describe, expect, it } from 'vitest';
import defaultExport, {
  bankHolidays,
  defaultCalendarConfig,
  easterSunday,
  isBankHoliday,
  parseCalendarConfig,
  type CalendarConfig,
} from './bank-holidays.ts';

/** The lists published on GOV.UK ("UK bank holidays", England and Wales) for each year. */
const PUBLISHED: Record<number, string[]> = {
  2011: [
    '2011-01-03',
    '2011-04-22',
    '2011-04-25',
    '2011-04-29',
    '2011-05-02',
    '2011-05-30',
    '2011-08-29',
    '2011-12-26',
    '2011-12-27',
  ],
  2012: [
    '2012-01-02',
    '2012-04-06',
    '2012-04-09',
    '2012-05-07',
    '2012-06-04',
    '2012-06-05',
    '2012-08-27',
    '2012-12-25',
    '2012-12-26',
  ],
  2019: [
    '2019-01-01',
    '2019-04-19',
    '2019-04-22',
    '2019-05-06',
    '2019-05-27',
    '2019-08-26',
    '2019-12-25',
    '2019-12-26',
  ],
  2020: [
    '2020-01-01',
    '2020-04-10',
    '2020-04-13',
    '2020-05-08',
    '2020-05-25',
    '2020-08-31',
    '2020-12-25',
    '2020-12-28',
  ],
  2021: [
    '2021-01-01',
    '2021-04-02',
    '2021-04-05',
    '2021-05-03',
    '2021-05-31',
    '2021-08-30',
    '2021-12-27',
    '2021-12-28',
  ],
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  2023: [
    '2023-01-02',
    '2023-04-07',
    '2023-04-10',
    '2023-05-01',
    '2023-05-08',
    '2023-05-29',
    '2023-08-28',
    '2023-12-25',
    '2023-12-26',
  ],
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
};

describe('bankHolidays (England and Wales)', () => {
  for (const [year, expected] of Object.entries(PUBLISHED)) {
    it(`matches the published list for ${year}`, () => {
      expect(bankHolidays(Number(year)).map((h) => h.date)).toEqual(expected);
    });
  }

  it('names substitute days the way GOV.UK does', () => {
    expect(bankHolidays(2021).slice(-2)).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    // Christmas on a Sunday: Boxing Day keeps Monday 26th and Christmas is substituted on Tuesday 27th.
    expect(bankHolidays(2022).slice(-2)).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
    expect(bankHolidays(2022)[0]).toEqual({ date: '2022-01-03', name: "New Year's Day (substitute day)" });
    expect(bankHolidays(2020).find((h) => h.date === '2020-05-08')?.name).toBe('Early May bank holiday (VE Day)');
  });

  it('applies the historical proclamations in the default configuration', () => {
    expect(bankHolidays(1995).map((h) => h.date)).toContain('1995-05-08');
    expect(bankHolidays(1995).map((h) => h.date)).not.toContain('1995-05-01');
    expect(bankHolidays(1999).map((h) => h.date)).toEqual(
      expect.arrayContaining(['1999-12-27', '1999-12-28', '1999-12-31']),
    );
    expect(bankHolidays(2002).map((h) => h.date)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']));
    expect(bankHolidays(2002).map((h) => h.date)).not.toContain('2002-05-27');
  });

  it('is the default export and is frozen so a deployment cannot mutate it by accident', () => {
    expect(defaultExport).toBe(defaultCalendarConfig);
    expect(Object.isFrozen(defaultCalendarConfig.add)).toBe(true);
  });

  it('takes exceptional days from configuration, not from constants', () => {
    const bare: CalendarConfig = { add: [], move: [] };
    // Without the proclamations, 2022 has only the usual eight, with Spring on the last Monday of May.
    expect(bankHolidays(2022, bare).map((h) => h.date)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-05-30',
      '2022-08-29',
      '2022-12-26',
      '2022-12-27',
    ]);
    const future: CalendarConfig = { add: [{ date: '2030-06-14', name: 'Hypothetical proclaimed day' }], move: [] };
    expect(isBankHoliday('2030-06-14', future)).toBe(true);
    expect(isBankHoliday('2030-06-14')).toBe(false);
  });

  it('rejects a move of a day that is not a bank holiday, rather than silently ignoring it', () => {
    const wrong: CalendarConfig = { add: [], move: [{ from: '2025-05-27', to: '2025-05-30' }] };
    expect(() => bankHolidays(2025, wrong)).toThrow(/not a bank holiday/);
  });

  it('refuses years outside the rules it knows', () => {
    expect(() => bankHolidays(1977)).toThrow(RangeError);
    expect(() => bankHolidays(2025.5)).toThrow(RangeError);
  });
});

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('isBankHoliday', () => {
  it('is true only on the day itself', () => {
    expect(isBankHoliday('2025-12-25')).toBe(true);
    expect(isBankHoliday('2025-12-24')).toBe(false);
    expect(isBankHoliday('2026-12-26')).toBe(false); // a Saturday: the holiday is Monday 28th
    expect(isBankHoliday('2026-12-28')).toBe(true);
  });

  it('throws on a date that does not exist', () => {
    expect(() => isBankHoliday('2025-02-29')).toThrow(RangeError);
  });
});

describe('parseCalendarConfig', () => {
  it('accepts a valid configuration', () => {
    const cfg = parseCalendarConfig({
      add: [{ date: '2030-06-14', name: 'Day' }],
      move: [{ from: '2030-05-27', to: '2030-05-31' }],
    });
    expect(cfg.move[0]).toEqual({ from: '2030-05-27', to: '2030-05-31' });
  });

  it('rejects impossible dates, unknown keys and moves across years', () => {
    expect(() => parseCalendarConfig({ add: [{ date: '2030-02-30', name: 'x' }], move: [] })).toThrow();
    expect(() => parseCalendarConfig({ add: [], move: [], remove: [] })).toThrow();
    expect(() => parseCalendarConfig({ add: [], move: [{ from: '2030-12-26', to: '2031-01-02' }] })).toThrow();
  });
});
