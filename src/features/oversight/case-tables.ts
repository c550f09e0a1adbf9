import type { TableSpec } from './disclosure-control.ts';
import type { AllegationGroupRow, TimelinessRow } from './oversight.repository.ts';
import {
  CASE_TYPE_LABELS,
  CASE_TYPES,
  FORM_LABELS,
  FORMS,
  OUTCOME_LABELS,
  OUTCOMES,
  outcomeOf,
  SANCTION_LABELS,
  SANCTION_ROWS,
  sanctionRowOf,
  type Outcome,
} from './outcomes.ts';
import type { ReportingPeriod } from './period.ts';

/**
 * The dashboard's tables about cases and allegations, built from the grouped rows of oversight.repository.ts
 * as true figures (disclosure-control.ts decides what is shown). Pure.
 */

const basisWords = (p: ReportingPeriod, what: string) =>
  p.basis === 'finalised' ? `${what} finalised in ${p.label}` : `${what} received in ${p.label}`;

const caseTypeColumns = () => CASE_TYPES.map((t) => ({ key: t, label: CASE_TYPE_LABELS[t], kind: 'count' as const }));

/** Sum of `n` over the rows that match, keyed by (row key, column key). */
function crossTab<R extends { n: number }>(
  rows: readonly R[],
  rowKey: (r: R) => string | null,
  colKey: (r: R) => string | null,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const a = rowKey(r);
    const b = colKey(r);
    if (a === null || b === null) continue;
    out.set(`${a}|${b}`, (out.get(`${a}|${b}`) ?? 0) + r.n);
  }
  return out;
}

function values(keys: readonly string[], rowKey: string, tab: Map<string, number>): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, tab.get(`${rowKey}|${k}`) ?? 0]));
}

export function casesByTypeTable(
  rows: readonly { case_type: string; n: number }[],
  period: ReportingPeriod,
): TableSpec {
  return {
    id: 'cases-by-type',
    caption: `Conduct cases ${period.basis === 'finalised' ? 'finalised' : 'received'}, by type of case (${period.label})`,
    rowHeader: 'Type of case',
    columns: [{ key: 'cases', label: 'Cases', kind: 'count' }],
    rows: CASE_TYPES.map((t) => ({
      key: t,
      label: CASE_TYPE_LABELS[t],
      values: { cases: rows.filter((r) => r.case_type === t).reduce((s, r) => s + r.n, 0) },
    })),
    columnTotals: { label: 'All cases' },
    personal: true,
  };
}

export function allegationsByCategoryTable(
  rows: readonly AllegationGroupRow[],
  categories: readonly { code: string; label: string }[],
  period: ReportingPeriod,
): TableSpec {
  const tab = crossTab(
    rows,
    (r) => r.category,
    (r) => r.case_type,
  );
  return {
    id: 'allegations-by-category',
    caption: `${basisWords(period, 'Allegations')}, by category and type of case`,
    rowHeader: 'Category of allegation',
    columns: caseTypeColumns(),
    rows: categories.map((c) => ({ key: c.code, label: c.label, values: values(CASE_TYPES, c.code, tab) })),
    rowTotals: true,
    columnTotals: { label: 'All categories' },
    personal: true,
    notes: ['Categories are the IOPC categories (the top level of the taxonomy).'],
  };
}

export function outcomesTable(rows: readonly AllegationGroupRow[], period: ReportingPeriod): TableSpec {
  const outcome = (r: AllegationGroupRow): Outcome =>
    outcomeOf({
      state: r.state,
      severity: r.severity,
      caseToAnswer: r.case_to_answer,
      form: r.form,
      finding: r.finding,
      rprp: r.rprp,
    });
  const tab = crossTab(rows, outcome, (r) => r.case_type);
  const shown = OUTCOMES.filter((o) => period.basis === 'received' || o !== 'not_finalised');
  return {
    id: 'allegation-outcomes',
    caption: `${basisWords(period, 'Allegations')}, by outcome and type of case`,
    rowHeader: 'Outcome',
    columns: caseTypeColumns(),
    rows: shown.map((o) => ({ key: o, label: OUTCOME_LABELS[o], values: values(CASE_TYPES, o, tab) })),
    rowTotals: true,
    columnTotals: { label: 'All outcomes' },
    personal: true,
  };
}

export function sanctionsTable(rows: readonly AllegationGroupRow[], period: ReportingPeriod): TableSpec {
  const tab = crossTab(
    rows,
    (r) => sanctionRowOf(r.sanction, r.finding),
    (r) => r.form,
  );
  return {
    id: 'sanctions',
    caption: `Sanctions imposed (${basisWords(period, 'allegations')}), by form of proceedings`,
    rowHeader: 'Sanction',
    columns: FORMS.map((f) => ({ key: f, label: FORM_LABELS[f], kind: 'count' as const })),
    rows: SANCTION_ROWS.map((s) => ({ key: s, label: SANCTION_LABELS[s], values: values(FORMS, s, tab) })),
    rowTotals: true,
    columnTotals: { label: 'All sanctions' },
    personal: true,
    notes: [
      'One sanction per allegation proven. A former officer found to have committed gross misconduct is recorded as "would have been dismissed".',
    ],
  };
}

/** Weighted mean of per-type means (`n` cases each). */
function overallMean(rows: readonly TimelinessRow[], pick: (r: TimelinessRow) => number | null): number | null {
  const n = rows.reduce((s, r) => s + r.n, 0);
  return n === 0 ? null : rows.reduce((s, r) => s + r.n * (pick(r) ?? 0), 0) / n;
}

export function timelinessTable(
  finalised: readonly TimelinessRow[],
  open: readonly { case_type: string; open: number; over_12_months: number }[],
  period: ReportingPeriod,
  asAt: string,
): TableSpec {
  const byType = (t: string) => finalised.find((r) => r.case_type === t);
  const openOf = (t: string) => open.find((r) => r.case_type === t);
  const avg = { dependsOn: [{ column: 'finalised' }], decimals: 1, kind: 'measure' as const };
  return {
    id: 'timeliness',
    caption: `Time to finalise conduct cases (${period.basis === 'finalised' ? 'finalised' : 'received, and finalised since,'} in ${period.label}), and cases open on ${asAt}`,
    rowHeader: 'Type of case',
    columns: [
      { key: 'finalised', label: 'Cases finalised', kind: 'count' },
      { key: 'avgDays', label: 'Average days to finalise', ...avg },
      { key: 'avgDaysExcluding', label: 'Average days, excluding sub judice', ...avg },
      { key: 'open', label: 'Cases open', kind: 'count' },
      { key: 'over12', label: 'Open for more than 12 months', kind: 'count' },
    ],
    rows: CASE_TYPES.map((t) => ({
      key: t,
      label: CASE_TYPE_LABELS[t],
      values: {
        finalised: byType(t)?.n ?? 0,
        avgDays: byType(t)?.avg_days ?? null,
        avgDaysExcluding: byType(t)?.avg_days_excluding ?? null,
        open: openOf(t)?.open ?? 0,
        over12: openOf(t)?.over_12_months ?? 0,
      },
    })),
    columnTotals: {
      label: 'All cases',
      measures: {
        avgDays: overallMean(finalised, (r) => r.avg_days),
        avgDaysExcluding: overallMean(finalised, (r) => r.avg_days_excluding),
      },
    },
    personal: true,
    notes: [
      'Days to finalise run from the day the matter came to the appropriate authority’s attention to the day the case closed. Excluding sub judice takes out the days the case was held back for criminal proceedings (IOPC: “excluding suspension”).',
      'Open for more than 12 months: the 12-month point of the report to the PCC (regulation 19) has passed.',
    ],
  };
}
