import { restrictionKinds, trackerStatuses } from '../../db/schema/index.ts';
import { formatDate, type IsoDate } from '../../kernel/time/dates.ts';
import { KIND_LABELS } from '../restrictions/index.ts';
import type { TableSpec } from './disclosure-control.ts';
import type { RecommendationRow, RestrictionKindRow, VettingCounts } from './integrity.repository.ts';
import type { ReportingPeriod } from './period.ts';

/** The dashboard's tables about restrictions, vetting and recommendations, as true figures. Pure. */

export function restrictionsTable(
  rows: readonly RestrictionKindRow[],
  period: ReportingPeriod,
  asAt: IsoDate,
): TableSpec {
  const of = (k: string) => rows.find((r) => r.kind === k);
  return {
    id: 'restrictions-by-kind',
    caption: `Suspensions and other restrictions: started in ${period.label}, and in force on ${formatDate(asAt)}`,
    rowHeader: 'Restriction',
    columns: [
      { key: 'started', label: 'Started in the period', kind: 'count' },
      { key: 'inForce', label: 'In force', kind: 'count' },
      {
        key: 'avgDays',
        label: 'Average days in force so far',
        kind: 'measure',
        decimals: 1,
        dependsOn: [{ column: 'inForce' }],
      },
    ],
    rows: restrictionKinds.map((k) => ({
      key: k,
      label: KIND_LABELS[k],
      values: {
        started: of(k)?.started ?? 0,
        inForce: of(k)?.in_force ?? 0,
        avgDays: of(k)?.avg_days_in_force ?? null,
      },
    })),
    columnTotals: {
      label: 'All restrictions',
      measures: {
        avgDays: (() => {
          const n = rows.reduce((s, r) => s + r.in_force, 0);
          return n === 0 ? null : rows.reduce((s, r) => s + r.in_force * (r.avg_days_in_force ?? 0), 0) / n;
        })(),
      },
    },
    personal: true,
    notes: ['A change of restriction (for example from restricted duties to suspension) ends one and starts another.'],
  };
}

/** The flagged list AS A COUNT: subjects of a serious matter, not suspended, with no current senior rationale. */
export function flaggedTable(count: number, asAt: IsoDate): TableSpec {
  return {
    id: 'suspension-flags',
    caption: `Subjects flagged on ${formatDate(asAt)}: a serious matter, not suspended, and no current senior rationale`,
    rowHeader: 'Flag',
    columns: [{ key: 'subjects', label: 'Subjects', kind: 'count' }],
    rows: [{ key: 'flagged', label: 'Rationale required or review due', values: { subjects: count } }],
    personal: true,
    notes: [
      'Serious categories are force policy (sexual conduct and abuse of position for a sexual purpose, violence against women and girls, domestic abuse, discrimination); the matter is serious once assessed as gross misconduct or the subject is arrested or charged.',
    ],
  };
}

export function vettingTable(v: VettingCounts, period: ReportingPeriod, asAt: IsoDate): TableSpec {
  const on = formatDate(asAt);
  return {
    id: 'vetting',
    caption: `Vetting clearances and reviews (${period.label}; clearances and reviews as at ${on})`,
    rowHeader: 'Measure',
    columns: [{ key: 'n', label: 'Number', kind: 'count' }],
    rows: [
      { key: 'valid', label: `Clearances valid on ${on}`, values: { n: v.valid } },
      { key: 'expired', label: `Clearances expired on ${on}`, values: { n: v.expired } },
      { key: 'refused', label: 'Refused in the period', values: { n: v.refused } },
      { key: 'withdrawn', label: 'Withdrawn in the period', values: { n: v.withdrawn } },
      { key: 'reviewsOverdue', label: `Reviews overdue on ${on}`, values: { n: v.reviews_overdue } },
    ],
    personal: true,
  };
}

const STATUS_WORDS: Record<string, string> = {
  not_started: 'Not started',
  being_progressed: 'Being progressed',
  awaiting_review: 'Awaiting review',
  addressed: 'Addressed',
  not_applicable: 'Not applicable',
  not_assessed: 'Not yet assessed',
};

/** Recommendations by status, self-assessed by the force and as verified by the commissioner's office. */
export function recommendationsTable(rows: readonly RecommendationRow[], asAt: IsoDate): TableSpec {
  const sum = (pick: (r: RecommendationRow) => boolean) => rows.filter(pick).reduce((s, r) => s + r.n, 0);
  return {
    id: 'recommendations',
    caption: `Inspection recommendations by status, on ${formatDate(asAt)}`,
    rowHeader: 'Status',
    columns: [
      { key: 'self', label: 'Self-assessed by the force', kind: 'count' },
      { key: 'verified', label: 'Verified by the commissioner', kind: 'count' },
      { key: 'overdue', label: 'Past deadline (by self-assessment)', kind: 'count' },
    ],
    rows: [...trackerStatuses, 'not_assessed'].map((s) => ({
      key: s,
      label: STATUS_WORDS[s] ?? s,
      values: {
        self: sum((r) => r.self_status === s),
        verified: sum((r) => r.verified_status === s),
        overdue: sum((r) => r.self_status === s && r.overdue),
      },
    })),
    columnTotals: { label: 'All recommendations' },
    // Not about people: recommendation statuses are not suppressed.
    personal: false,
  };
}
