import { personTypes } from '../../db/schema/index.ts';
import { allegationsByCategoryTable, sanctionsTable } from './case-tables.ts';
import type { TableSpec } from './disclosure-control.ts';
import { GROUP_LABELS, ratePer1000 } from './disproportionality.ts';
import type { AllegationGroupRow, SubjectGroupRow, WorkforceRow } from './oversight.repository.ts';
import {
  CASE_TO_ANSWER_LABELS,
  CASE_TO_ANSWER_ROWS,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  FINDING_LABELS,
  FINDINGS,
  findingRowOf,
  FORM_LABELS,
  FORMS,
  PERSON_TYPE_LABELS,
} from './outcomes.ts';
import type { ReportingPeriod } from './period.ts';

/**
 * Statistical returns in the shape of the Home Office "Police misconduct, England and Wales" tables
 * (uk-domain.md §6.1) and the College of Policing barred list report (§6.2), counted by date FINALISED in
 * a financial year: allegations by type, case to answer, individuals referred to proceedings, findings,
 * disciplinary action, the people concerned by rank, sex and ethnicity, and barred list dismissals — with
 * rates per 1,000 of the force's current headcount. True figures here; disclosure-control.ts decides.
 */

export type ReturnsInput = {
  period: ReportingPeriod;
  allegations: readonly AllegationGroupRow[];
  categories: readonly { code: string; label: string }[];
  subjects: readonly SubjectGroupRow[];
  workforce: readonly WorkforceRow[];
  barred: readonly { person_type: string; n: number }[];
};

const sumBy = <R>(rows: readonly R[], pick: (r: R) => boolean, n: (r: R) => number) =>
  rows.filter(pick).reduce((s, r) => s + n(r), 0);

function peopleRateTable(
  id: string,
  caption: string,
  rowHeader: string,
  groups: { key: string; label: string }[],
  count: (key: string) => number,
  workforce: (key: string) => number,
  countLabel: string,
): TableSpec {
  const all = groups.reduce((s, g) => s + count(g.key), 0);
  const allWorkforce = groups.reduce((s, g) => s + workforce(g.key), 0);
  return {
    id,
    caption,
    rowHeader,
    columns: [
      { key: 'count', label: countLabel, kind: 'count' },
      { key: 'workforce', label: 'Current headcount', kind: 'count' },
      {
        key: 'rate',
        label: 'Rate per 1,000',
        kind: 'measure',
        decimals: 1,
        dependsOn: [{ column: 'count' }, { column: 'workforce' }],
      },
    ],
    rows: groups.map((g) => ({
      key: g.key,
      label: g.label,
      values: { count: count(g.key), workforce: workforce(g.key), rate: ratePer1000(count(g.key), workforce(g.key)) },
    })),
    columnTotals: { label: 'All', measures: { rate: ratePer1000(all, allWorkforce) } },
    personal: true,
    notes: [
      'Rate per 1,000 = number ÷ current headcount × 1,000. Headcount: current people of the force (officers, special constables, staff and volunteers).',
    ],
  };
}

export function returnsTables(input: ReturnsInput): TableSpec[] {
  const { period, allegations, subjects, workforce } = input;
  const of = (p: string) => `${p} (${period.label}, finalised)`;
  const crossCount = (
    rowOf: (r: AllegationGroupRow) => string | null,
    colOf: (r: AllegationGroupRow) => string | null,
    row: string,
    col: string,
  ) =>
    sumBy(
      allegations,
      (r) => rowOf(r) === row && colOf(r) === col,
      (r) => r.n,
    );

  const caseToAnswer: TableSpec = {
    id: 'ho-case-to-answer',
    caption: of('Allegations by case-to-answer decision and type of case'),
    rowHeader: 'Decision',
    columns: CASE_TYPES.map((t) => ({ key: t, label: CASE_TYPE_LABELS[t], kind: 'count' as const })),
    rows: CASE_TO_ANSWER_ROWS.map((d) => ({
      key: d,
      label: CASE_TO_ANSWER_LABELS[d],
      values: Object.fromEntries(
        CASE_TYPES.map((t) => [
          t,
          crossCount(
            (r) => r.case_to_answer,
            (r) => r.case_type,
            d,
            t,
          ),
        ]),
      ),
    })),
    rowTotals: true,
    columnTotals: { label: 'All decisions' },
    personal: true,
  };

  const referred: TableSpec = {
    id: 'ho-referred-to-proceedings',
    caption: of('Individuals referred to misconduct proceedings, by form of proceedings and type of person'),
    rowHeader: 'Form of proceedings',
    columns: personTypes.map((p) => ({ key: p, label: PERSON_TYPE_LABELS[p] ?? p, kind: 'count' as const })),
    rows: FORMS.map((f) => ({
      key: f,
      label: FORM_LABELS[f],
      values: Object.fromEntries(
        personTypes.map((p) => [
          p,
          sumBy(
            subjects,
            (r) => r.top_form === f && r.person_type === p,
            (r) => r.subject,
          ),
        ]),
      ),
    })),
    rowTotals: true,
    columnTotals: { label: 'All proceedings' },
    personal: true,
    notes: ['Each individual is counted once, at the most serious form of proceedings they were referred to.'],
  };

  const findings: TableSpec = {
    id: 'ho-findings',
    caption: of('Allegations heard, by finding and form of proceedings'),
    rowHeader: 'Finding',
    columns: FORMS.map((f) => ({ key: f, label: FORM_LABELS[f], kind: 'count' as const })),
    rows: FINDINGS.map((fd) => ({
      key: fd,
      label: FINDING_LABELS[fd],
      values: Object.fromEntries(
        FORMS.map((f) => [
          f,
          crossCount(
            (r) => findingRowOf(r.finding),
            (r) => r.form,
            fd,
            f,
          ),
        ]),
      ),
    })),
    rowTotals: true,
    columnTotals: { label: 'All findings' },
    personal: true,
  };

  const subjectsOf = (pick: (r: SubjectGroupRow) => boolean) => sumBy(subjects, pick, (r) => r.subject);
  const headcountOf = (pick: (r: WorkforceRow) => boolean) => sumBy(workforce, pick, (r) => r.n);
  const ranks = [
    ...new Set([...workforce.map((w) => w.rank ?? 'Not recorded'), ...subjects.map((s) => s.rank ?? 'Not recorded')]),
  ].sort();
  const groupsOf = (dim: 'sex' | 'ethnicity') =>
    Object.entries(GROUP_LABELS[dim]).map(([key, label]) => ({ key, label }));
  const countLabel = 'Subjects of allegations finalised';

  return [
    {
      ...allegationsByCategoryTable(allegations, input.categories, period),
      id: 'ho-allegations-by-category',
      caption: of('Allegations by category and type of case'),
    },
    caseToAnswer,
    referred,
    findings,
    {
      ...sanctionsTable(allegations, period),
      id: 'ho-disciplinary-action',
      caption: of('Disciplinary action imposed, by form of proceedings'),
    },
    peopleRateTable(
      'ho-people-by-rank',
      of('People subject of allegations, by current rank'),
      'Rank',
      ranks.map((r) => ({ key: r, label: r })),
      (k) => subjectsOf((r) => (r.rank ?? 'Not recorded') === k),
      (k) => headcountOf((w) => (w.rank ?? 'Not recorded') === k),
      countLabel,
    ),
    peopleRateTable(
      'ho-people-by-sex',
      of('People subject of allegations, by sex'),
      'Sex',
      groupsOf('sex'),
      (k) => subjectsOf((r) => r.sex === k),
      (k) => headcountOf((w) => w.sex === k),
      countLabel,
    ),
    peopleRateTable(
      'ho-people-by-ethnicity',
      of('People subject of allegations, by ethnicity'),
      'Ethnicity',
      groupsOf('ethnicity'),
      (k) => subjectsOf((r) => r.ethnicity === k),
      (k) => headcountOf((w) => w.ethnicity === k),
      countLabel,
    ),
    peopleRateTable(
      'barred-list-dismissals',
      `People added to the Police Barred List by the force (returns made in ${period.label}), by type of person`,
      'Type of person',
      personTypes.map((p) => ({ key: p, label: PERSON_TYPE_LABELS[p] ?? p })),
      (k) =>
        sumBy(
          input.barred,
          (r) => r.person_type === k,
          (r) => r.n,
        ),
      (k) => headcountOf((w) => w.person_type === k),
      'Barred list returns',
    ),
  ];
}
