import type { IsoDate } from '../../kernel/time/dates.ts';
import { ownerBodies, reportItemKinds, reportTypes, trackerStatuses } from '../../db/schema/index.ts';

/**
 * The tracker's rules, pure (no database): what counts as overdue, as unverified, how the force's own
 * status and the commissioner's verified status differ, and when a chief officer's sign-off lapses.
 * HMICFRS found self-assessments that overstated progress (uk-domain.md §1.5), so the two statuses are
 * kept apart and every difference is shown.
 */

export type TrackerStatus = (typeof trackerStatuses)[number];
export type ReportItemKind = (typeof reportItemKinds)[number];
export type OwnerBody = (typeof ownerBodies)[number];
export type ReportType = (typeof reportTypes)[number];

export const statusLabels: Record<TrackerStatus, string> = {
  not_started: 'Not started',
  being_progressed: 'Being progressed',
  awaiting_review: 'Awaiting review',
  addressed: 'Addressed',
  not_applicable: 'Not applicable',
};

/** GOV.UK tag colours per status (the words carry the meaning; colour only repeats it). */
export const statusTagClasses: Record<TrackerStatus, string> = {
  not_started: 'govuk-tag--grey',
  being_progressed: 'govuk-tag--blue',
  awaiting_review: 'govuk-tag--yellow',
  addressed: 'govuk-tag--green',
  not_applicable: 'govuk-tag--grey',
};

export const kindLabels: Record<ReportItemKind, { one: string; short: string }> = {
  recommendation: { one: 'Recommendation', short: 'R' },
  area_for_improvement: { one: 'Area for improvement', short: 'AFI' },
};

export const ownerBodyLabels: Record<OwnerBody, string> = {
  ChiefConstables: 'Chief constables',
  CollegeOfPolicing: 'College of Policing',
  HomeOffice: 'Home Office',
  NPCC: 'National Police Chiefs’ Council',
  IOPC: 'Independent Office for Police Conduct',
  LocalPolicingBodies: 'Local policing bodies (PCCs)',
  Other: 'Other',
};

export const reportTypeLabels: Record<ReportType, string> = {
  thematic: 'Thematic inspection',
  force: 'Force inspection',
  peel: 'PEEL inspection',
  rapid_review: 'Rapid review',
  other: 'Other',
};

/** The statuses that claim the item needs no more work. */
const CLOSING: readonly TrackerStatus[] = ['addressed', 'not_applicable'];

export function isClosing(status: TrackerStatus): boolean {
  return CLOSING.includes(status);
}

export type ActionDates = { dueOn: IsoDate | null; doneOn: IsoDate | null };

/** An action is overdue once its due date has passed (the due day itself is not overdue) and it is not done. */
export function actionOverdue(action: ActionDates, today: IsoDate): boolean {
  return action.doneOn === null && action.dueOn !== null && action.dueOn < today;
}

export type OverdueReason = 'deadline' | 'action';

/**
 * Why an item is overdue for a force, or [] if it is not: the item's deadline has passed, or an action's
 * due date has passed undone, while the force has not said it is addressed (or not applicable). A claim
 * of "addressed" that the commissioner's office has not verified is "unverified", not overdue.
 */
export function overdueReasons(
  item: { deadline: IsoDate | null },
  selfStatus: TrackerStatus,
  actions: ActionDates[],
  today: IsoDate,
): OverdueReason[] {
  if (isClosing(selfStatus)) return [];
  const reasons: OverdueReason[] = [];
  if (item.deadline !== null && item.deadline < today) reasons.push('deadline');
  if (actions.some((a) => actionOverdue(a, today))) reasons.push('action');
  return reasons;
}

/** The force says the item is closed (addressed or not applicable) and the commissioner's office has not verified that status. */
export function isUnverified(selfStatus: TrackerStatus, verifiedStatus: TrackerStatus | null): boolean {
  return isClosing(selfStatus) && verifiedStatus !== selfStatus;
}

const PROGRESS: Record<TrackerStatus, number | null> = {
  not_started: 0,
  being_progressed: 1,
  awaiting_review: 2,
  addressed: 3,
  not_applicable: null,
};

export type Difference =
  | { kind: 'agrees' }
  | { kind: 'not_assessed' }
  /** The force claims more progress than the commissioner's office has verified. */
  | { kind: 'force_ahead' }
  /** The commissioner's office has verified more progress than the force claims. */
  | { kind: 'force_behind' }
  /** Not comparable on one scale (one side says not applicable). */
  | { kind: 'differs' };

export function statusDifference(selfStatus: TrackerStatus, verifiedStatus: TrackerStatus | null): Difference {
  if (verifiedStatus === null) return { kind: 'not_assessed' };
  if (selfStatus === verifiedStatus) return { kind: 'agrees' };
  const a = PROGRESS[selfStatus];
  const b = PROGRESS[verifiedStatus];
  if (a === null || b === null) return { kind: 'differs' };
  return a > b ? { kind: 'force_ahead' } : { kind: 'force_behind' };
}

/** One sentence for the difference, naming both statuses: the words, not a colour, carry it. */
export function differenceText(selfStatus: TrackerStatus, verifiedStatus: TrackerStatus | null): string | null {
  const d = statusDifference(selfStatus, verifiedStatus);
  const self = statusLabels[selfStatus].toLowerCase();
  switch (d.kind) {
    case 'agrees':
      return null;
    case 'not_assessed':
      return selfStatus === 'not_started'
        ? null
        : `The force says ${self}; the commissioner’s office has not assessed it yet.`;
    case 'force_ahead':
      return `The force says ${self}, but the commissioner’s office has verified only ${statusLabels[verifiedStatus ?? 'not_started'].toLowerCase()}.`;
    case 'force_behind':
    case 'differs':
      return `The force says ${self}; the commissioner’s office says ${statusLabels[verifiedStatus ?? 'not_started'].toLowerCase()}.`;
  }
}

export type SignOff = { status: TrackerStatus; at: Date; by: string } | null;

/**
 * A chief officer's sign-off covers the self-assessed status it was given for. When the force changes that
 * status the sign-off lapses (and must be given again); a change to the same status keeps it.
 */
export function signOffAfterSelfAssessment(
  current: SignOff,
  newStatus: TrackerStatus,
): { signOff: SignOff; reset: boolean } {
  if (current === null) return { signOff: null, reset: false };
  if (current.status === newStatus) return { signOff: current, reset: false };
  return { signOff: null, reset: true };
}

/** "R3", "AFI2": how an item is referred to in lists and in the published response. */
export function itemLabel(item: { kind: ReportItemKind; number: number }): string {
  return `${kindLabels[item.kind].short}${item.number}`;
}
