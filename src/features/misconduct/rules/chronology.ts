import { formatDate } from '../../../kernel/time/dates.ts';
import type { IsoDate } from '../../../kernel/time/dates.ts';
import { ACTION_TABLE } from './allegation-table.ts';
import type { ActionType } from './allegation-types.ts';

/**
 * Impossible chronology is refused (legal review, December 2026): every step of an allegation happens on or
 * after the matter came to the appropriate authority's attention (the date every Conduct Regs period counts
 * from, reg 19), on or after the step before it, and a finding is recorded on or after the date the meeting or
 * hearing was arranged for. A date in the future is refused by the caller. Messages name both dates.
 */

export type RecordedStep = { action: string; occurredOn: IsoDate; details: unknown };

const SCHEDULING: readonly string[] = ['schedule_meeting', 'schedule_hearing', 'schedule_accelerated_hearing'];

/** The reason the step may not be dated `eventOn`, or null when its date is possible. */
export function chronologyRefusal(args: {
  action: ActionType;
  eventOn: IsoDate;
  cameToAttentionOn: IsoDate;
  /** The allegation's recorded steps, latest first. */
  steps: readonly RecordedStep[];
}): string | null {
  const { eventOn } = args;
  const what = ACTION_TABLE[args.action].label.toLowerCase();
  if (eventOn < args.cameToAttentionOn) {
    return `The date to ${what} (${formatDate(eventOn)}) is before the matter came to attention (${formatDate(args.cameToAttentionOn)})`;
  }
  const previous = args.steps[0];
  if (previous && eventOn < previous.occurredOn) {
    const label = isAction(previous.action) ? ACTION_TABLE[previous.action].label.toLowerCase() : previous.action;
    return `The date to ${what} (${formatDate(eventOn)}) is before the step before it, “${label}”, on ${formatDate(previous.occurredOn)}`;
  }
  if (args.action === 'record_finding') {
    const arranged = args.steps.find((s) => SCHEDULING.includes(s.action));
    const heldOn = scheduledDate(arranged?.details);
    if (heldOn && eventOn < heldOn) {
      return `A finding cannot be recorded on ${formatDate(eventOn)}, before the meeting or hearing it belongs to on ${formatDate(heldOn)}`;
    }
  }
  return null;
}

function scheduledDate(details: unknown): IsoDate | null {
  if (typeof details !== 'object' || details === null || !('date' in details)) return null;
  const date = details.date;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

function isAction(action: string): action is ActionType {
  return action in ACTION_TABLE;
}
