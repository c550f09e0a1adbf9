import { describe, expect, it } from 'vitest';
import {
  asAtDay,
  financialYearLabel,
  financialYearOf,
  periodDates,
  periodFromInput,
  periodQuerySchema,
  reportingPeriod,
  selectableYears,
} from './period.ts';

describe('financial years and quarters', () => {
  it('puts 31 March in the year before and 1 April in the year it starts', () => {
    expect(financialYearOf('2025-03-31')).toBe(2024);
    expect(financialYearOf('2025-04-01')).toBe(2025);
    expect(financialYearOf('2026-01-15')).toBe(2025);
    expect(financialYearLabel(2025)).toBe('2025/26');
    expect(financialYearLabel(1999)).toBe('1999/00');
  });

  it('gives April to March for the year and the four quarters, the last in the next calendar year', () => {
    expect(periodDates(2025, null)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(periodDates(2025, 1)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(periodDates(2025, 2)).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(periodDates(2025, 3)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodDates(2025, 4)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('labels the period in words', () => {
    expect(reportingPeriod(2025, null, 'finalised').label).toBe('2025/26');
    expect(reportingPeriod(2025, 4, 'received').label).toBe('2025/26, quarter 4 (January to March 2026)');
  });

  it('takes figures as at the end of the period, or today while it runs', () => {
    const year = reportingPeriod(2025, null, 'finalised');
    expect(asAtDay(year, '2025-11-25')).toBe('2025-11-25');
    expect(asAtDay(year, '2027-01-01')).toBe('2026-03-31');
  });

  it('offers the current year and the five before it', () => {
    expect(selectableYears('2026-02-01')).toEqual([2025, 2024, 2023, 2022, 2021, 2020]);
    expect(selectableYears('2026-02-01', '2024-06-01')).toEqual([2025, 2024, 2023, 2022, 2021, 2020]);
  });

  it('offers every year back to the force’s earliest record (imported history)', () => {
    const years = selectableYears('2026-02-01', '1995-02-10');
    expect(years[0]).toBe(2025);
    expect(years.at(-1)).toBe(1994); // 10 February 1995 is in 1994/95
    expect(years).toHaveLength(2025 - 1994 + 1);
  });
});

describe('the period query', () => {
  const schema = periodQuerySchema('2025-11-25');

  it('defaults to the current financial year, counted by date finalised', () => {
    const input = schema.parse({});
    expect(periodFromInput(input)).toMatchObject({
      fy: 2025,
      quarter: null,
      basis: 'finalised',
      from: '2025-04-01',
      to: '2026-03-31',
    });
    expect(periodFromInput(schema.parse({ fy: '2024', quarter: '3', basis: 'received' }))).toMatchObject({
      fy: 2024,
      quarter: 3,
      basis: 'received',
      from: '2024-10-01',
      to: '2024-12-31',
    });
    expect(periodFromInput(schema.parse({ fy: '', quarter: '', basis: '' }))).toMatchObject({
      fy: 2025,
      quarter: null,
      basis: 'finalised',
    });
  });

  it('refuses a year not yet begun, a bad quarter and an unknown basis, each in words', () => {
    const result = schema.safeParse({ fy: '2026', quarter: '5', basis: 'opened' });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'fy: Choose a financial year up to 2025/26',
      'quarter: Choose a quarter from 1 to 4, or the whole year',
      'basis: Choose whether to count by date finalised or date received',
    ]);
    expect(schema.safeParse({ fy: 'last' }).success).toBe(false);
  });
});
