import type { ReportRow } from './reports.repository.ts';

type Status = ReportRow['status'];

/**
 * Statuses the team may set by hand: the two working sub-statuses (assessing whether there is a matter to
 * look into, then investigating it) and the outcomes that close a report. 'acknowledged' is set by
 * acknowledging and 'case_opened' only by opening a case from the report; 'in_progress' is kept for reports
 * moved on before the sub-statuses existed.
 */
export const SETTABLE_STATUSES = [
  'assessing',
  'investigating',
  'no_action',
  'referred',
] as const satisfies readonly Status[];

/** A report is closed, with its outcome, once a case is opened from it, or it is closed without action or referred. */
export const CLOSED_STATUSES: readonly Status[] = ['case_opened', 'no_action', 'referred'];

export function isClosed(status: Status): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Why a change of status is refused, or null if it may be made. */
export function statusChangeRefusal(from: Status, to: Status): string | null {
  if (from === to) return 'The report already has this status';
  if (isClosed(from)) return 'This report is closed: its status cannot change';
  return null;
}

export function acknowledgeRefusal(from: Status): string | null {
  return from === 'received' ? null : 'This report has already been acknowledged';
}
