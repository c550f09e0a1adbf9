import type { ActionView, TrackerRow } from './responses.repository.ts';
import {
  differenceText,
  isUnverified,
  itemLabel,
  overdueReasons,
  statusDifference,
  type Difference,
  type OverdueReason,
} from './tracker-rules.ts';

/** A tracker row with what the rules say about it: overdue (and why), unverified, and the status difference. */
export type TrackerEntry = TrackerRow & {
  label: string;
  overdue: OverdueReason[];
  unverified: boolean;
  difference: Difference['kind'];
  differenceText: string | null;
  openActions: number;
  nextDueOn: string | null;
};

export function trackerEntries(rows: TrackerRow[], actions: ActionView[], today: string): TrackerEntry[] {
  const byResponse = new Map<string, ActionView[]>();
  for (const a of actions) byResponse.set(a.responseId, [...(byResponse.get(a.responseId) ?? []), a]);
  return rows.map((r) => {
    const own = r.responseId ? (byResponse.get(r.responseId) ?? []) : [];
    const open = own.filter((a) => a.doneOn === null);
    const due = open
      .map((a) => a.dueOn)
      .filter((d): d is string => d !== null)
      .sort();
    return {
      ...r,
      label: itemLabel(r),
      overdue: overdueReasons(r, r.selfStatus, own, today),
      unverified: isUnverified(r.selfStatus, r.verifiedStatus),
      difference: statusDifference(r.selfStatus, r.verifiedStatus).kind,
      differenceText: differenceText(r.selfStatus, r.verifiedStatus),
      openActions: open.length,
      nextDueOn: due[0] ?? null,
    };
  });
}

export type TrackerCounts = {
  items: number;
  overdue: number;
  unverified: number;
  differing: number;
  signedOff: number;
  byStatus: Record<string, number>;
};

export function trackerCounts(entries: TrackerEntry[]): TrackerCounts {
  const byStatus: Record<string, number> = {};
  for (const e of entries) byStatus[e.selfStatus] = (byStatus[e.selfStatus] ?? 0) + 1;
  return {
    items: entries.length,
    overdue: entries.filter((e) => e.overdue.length > 0).length,
    unverified: entries.filter((e) => e.unverified).length,
    differing: entries.filter((e) => e.difference !== 'agrees' && e.differenceText !== null).length,
    signedOff: entries.filter((e) => e.signedOffAt !== null).length,
    byStatus,
  };
}
