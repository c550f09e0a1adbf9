import { describe, expect, it } from 'vitest';
import { median, reportStatistics, type StatisticsRow } from './report-statistics.ts';

const LABELS = { misogyny: 'Misogyny', racism: 'Racism' };
const row = (over: Partial<StatisticsRow>): StatisticsRow => ({
  category: 'misogyny',
  status: 'received',
  receivedOn: '2026-03-02',
  acknowledgedOn: null,
  feedbackOn: null,
  retaliationFlags: 0,
  identityRevealedOn: null,
  ...over,
});

const cell = (tables: ReturnType<typeof reportStatistics>, table: string, rowKey: string, column = 0) =>
  tables.find((t) => t.id === table)!.rows.find((r) => r.key === rowKey)!.cells[column]!;

describe('the confidential unit’s statistics', () => {
  it('takes the median of whole days', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 4, 10])).toBe(3);
  });

  it('counts by status, month and step, with the median days', () => {
    const rows = [
      ...Array.from({ length: 6 }, (_, i) =>
        row({ status: 'assessing', acknowledgedOn: `2026-03-0${3 + (i % 3)}`, feedbackOn: '2026-04-01' }),
      ),
      ...Array.from({ length: 5 }, () =>
        row({ status: 'no_action', receivedOn: '2026-04-10', acknowledgedOn: '2026-04-12' }),
      ),
    ];
    const tables = reportStatistics(rows, LABELS, { threshold: 5, unsuppressed: false });
    expect(cell(tables, 'reports-by-status', 'assessing').text).toBe('6');
    expect(cell(tables, 'reports-by-status', 'no_action').text).toBe('5');
    expect(cell(tables, 'reports-by-status', '__total__').text).toBe('11');
    expect(cell(tables, 'reports-by-month', '2026-03').text).toBe('6');
    // By kind: 6 misogyny reports open and 5 closed without action; no racism (zeros are shown).
    expect(cell(tables, 'reports-by-category', 'misogyny', 0).text).toBe('6');
    expect(cell(tables, 'reports-by-category', 'misogyny', 2).text).toBe('5');
    expect(cell(tables, 'reports-by-category', 'racism', 0).text).toBe('0');
    expect(tables.find((t) => t.id === 'reports-by-month')!.rows[0]!.label).toBe('March 2026');
    // Acknowledged after 1, 2, 3, 1, 2, 3 days (March) and 2 days five times (April): median 2.
    expect(cell(tables, 'reports-timeliness', 'acknowledgement', 1).text).toBe('2.0');
    expect(cell(tables, 'reports-timeliness', 'feedback', 0).text).toBe('6');
    expect(cell(tables, 'reports-timeliness', 'feedback', 1).text).toBe('30.0');
  });

  it('hides small numbers, the counts that would give them away, and a median of a hidden count', () => {
    const rows = [
      ...Array.from({ length: 6 }, () => row({ status: 'assessing' })),
      row({ status: 'referred', acknowledgedOn: '2026-03-04', retaliationFlags: 1 }),
    ];
    const tables = reportStatistics(rows, LABELS, { threshold: 5, unsuppressed: false });
    expect(cell(tables, 'reports-by-status', 'referred')).toMatchObject({ text: '[c]', suppressed: true });
    expect(cell(tables, 'reports-timeliness', 'acknowledgement', 0).suppressed).toBe(true);
    expect(cell(tables, 'reports-timeliness', 'acknowledgement', 1)).toMatchObject({ text: '[c]', value: null });
    expect(cell(tables, 'reports-protection', 'retaliation').text).toBe('[c]');
    // The one referred report is hidden in its kind's row too, with what would give it away.
    expect(cell(tables, 'reports-by-category', 'misogyny', 3).text).toBe('[c]');
    expect(JSON.stringify(tables)).not.toContain('2026-03-04');
    const open = reportStatistics(rows, LABELS, { threshold: 5, unsuppressed: true });
    expect(cell(open, 'reports-by-status', 'referred').text).toBe('1');
  });
});
