import type { ReportRow } from './reports.repository.ts';

type Status = ReportRow['status'];

/** Statuses the team may set by hand; 'case_opened' is set only by opening a case from the report. */
export const SETTABLE_STATUSES = ['in_progress', 'no_action', 'referred'] as const satisfies readonly Status[];

/** A report is closed once a case is opened from it, or it is closed without action or referred. */
export const CLOSED_STATUSES: readonly Status[] = ['case_opened', 'no_action', 'referred'];

/** Why a change of status is refused, or null if it may be made. */
export function statusChangeRefusal(from: Status, to: Status): string | null {
  if (from === to) return 'The report already has this status';
  if (CLOSED_STATUSES.includes(from)) return 'This report is closed: its status cannot change';
  return null;
}

export function acknowledgeRefusal(from: Status): string | null {
  return from === 'received' ? null : 'This report has already been acknowledged';
}
