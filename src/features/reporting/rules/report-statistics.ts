import type { IsoDate } from '../../../kernel/time/dates.ts';
import { discloseTable, type DisclosedTable, type DisclosurePolicy, type TableSpec } from '../../oversight/index.ts';
import { daysBetween } from './report-clocks.ts';

/**
 * The confidential unit's statistics, built as oversight's disclosure-controlled tables
 * (oversight/disclosure-control.ts): counts from 1 to threshold − 1 and the counts that would give them away
 * are hidden, and a median computed from a hidden count is hidden with it. Pure: rows in, tables out. The
 * tables hold no report, no text and no day finer than a month, so no figure singles out a reporter.
 */
export type StatisticsRow = {
  category: string;
  status: string;
  receivedOn: IsoDate;
  acknowledgedOn: IsoDate | null;
  feedbackOn: IsoDate | null;
  retaliationFlags: number;
  identityRevealedOn: IsoDate | null;
};

const STATUS_GROUPS: { key: string; label: string; statuses: string[] }[] = [
  { key: 'new', label: 'New (not yet acknowledged)', statuses: ['received'] },
  { key: 'acknowledged', label: 'Acknowledged', statuses: ['acknowledged'] },
  { key: 'assessing', label: 'Assessing', statuses: ['assessing', 'in_progress'] },
  { key: 'investigating', label: 'Investigating', statuses: ['investigating'] },
  { key: 'case_opened', label: 'Closed: case opened', statuses: ['case_opened'] },
  { key: 'no_action', label: 'Closed: no action', statuses: ['no_action'] },
  { key: 'referred', label: 'Closed: referred', statuses: ['referred'] },
];

/** The median of whole numbers (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `categoryLabels`: the kinds of report in the order and words the unit uses (CATEGORY_LABELS). */
export function statisticsSpecs(
  rows: readonly StatisticsRow[],
  categoryLabels: Readonly<Record<string, string>>,
): TableSpec[] {
  const byStatus: TableSpec = {
    id: 'reports-by-status',
    caption: 'Reports by status',
    rowHeader: 'Status',
    columns: [{ key: 'reports', label: 'Reports', kind: 'count' }],
    rows: STATUS_GROUPS.map((g) => ({
      key: g.key,
      label: g.label,
      values: { reports: rows.filter((r) => g.statuses.includes(r.status)).length },
    })),
    columnTotals: { label: 'All reports' },
    personal: true,
  };

  const months = [...new Set(rows.map((r) => r.receivedOn.slice(0, 7)))].sort();
  const byMonth: TableSpec = {
    id: 'reports-by-month',
    caption: 'Reports by month received',
    rowHeader: 'Month',
    columns: [
      { key: 'received', label: 'Received', kind: 'count' },
      { key: 'open', label: 'Still open', kind: 'count' },
      { key: 'closed', label: 'Closed', kind: 'count' },
    ],
    rows: months.map((m) => {
      const of = rows.filter((r) => r.receivedOn.startsWith(m));
      const closed = of.filter((r) => ['case_opened', 'no_action', 'referred'].includes(r.status)).length;
      return { key: m, label: monthLabel(m), values: { received: of.length, open: of.length - closed, closed } };
    }),
    columnTotals: { label: 'All months' },
    personal: true,
  };

  const ackDays = rows.filter((r) => r.acknowledgedOn).map((r) => daysBetween(r.receivedOn, r.acknowledgedOn!));
  const feedbackDays = rows.filter((r) => r.feedbackOn).map((r) => daysBetween(r.receivedOn, r.feedbackOn!));
  const timeliness: TableSpec = {
    id: 'reports-timeliness',
    caption: 'Days from receipt to acknowledgement and to first feedback',
    rowHeader: 'Step',
    columns: [
      { key: 'reports', label: 'Reports', kind: 'count' },
      { key: 'median', label: 'Median days', kind: 'measure', decimals: 1, dependsOn: [{ column: 'reports' }] },
    ],
    rows: [
      { key: 'acknowledgement', label: 'Acknowledged', values: { reports: ackDays.length, median: median(ackDays) } },
      {
        key: 'feedback',
        label: 'Feedback given',
        values: { reports: feedbackDays.length, median: median(feedbackDays) },
      },
    ],
    personal: true,
    notes: [
      'The median of the days from the day a report was received; reports not yet acknowledged or answered are not counted.',
    ],
  };

  const protection: TableSpec = {
    id: 'reports-protection',
    caption: 'Protection of reporters',
    rowHeader: 'What',
    columns: [{ key: 'reports', label: 'Reports', kind: 'count' }],
    rows: [
      {
        key: 'retaliation',
        label: 'Suspected retaliation flagged',
        values: { reports: rows.filter((r) => r.retaliationFlags > 0).length },
      },
      {
        key: 'revealed',
        label: 'Identity revealed with a custodian’s approval',
        values: { reports: rows.filter((r) => r.identityRevealedOn).length },
      },
    ],
    personal: true,
  };
  const outcomes = [
    { key: 'open', label: 'Open', statuses: ['received', 'acknowledged', 'in_progress', 'assessing', 'investigating'] },
    { key: 'case_opened', label: 'Case opened', statuses: ['case_opened'] },
    { key: 'no_action', label: 'No action', statuses: ['no_action'] },
    { key: 'referred', label: 'Referred', statuses: ['referred'] },
  ];
  const byCategory: TableSpec = {
    id: 'reports-by-category',
    caption: 'Reports by kind and outcome',
    rowHeader: 'Kind',
    columns: outcomes.map((o) => ({ key: o.key, label: o.label, kind: 'count' as const })),
    rows: Object.entries(categoryLabels).map(([key, label]) => ({
      key,
      label,
      values: Object.fromEntries(
        outcomes.map((o) => [o.key, rows.filter((r) => r.category === key && o.statuses.includes(r.status)).length]),
      ),
    })),
    rowTotals: true,
    columnTotals: { label: 'All kinds' },
    personal: true,
  };
  return [byStatus, byCategory, byMonth, timeliness, protection];
}

export function reportStatistics(
  rows: readonly StatisticsRow[],
  categoryLabels: Readonly<Record<string, string>>,
  policy: DisclosurePolicy,
): DisclosedTable[] {
  return statisticsSpecs(rows, categoryLabels).map((spec) => discloseTable(spec, policy));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthLabel(yearMonth: string): string {
  const [y, m] = yearMonth.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
}
