import { formatDate } from '../../kernel/time/dates.ts';
import type { AuditEvent } from '../../kernel/audit/audit-events.ts';
import { isPeriodKey } from './sub-judice.ts';
import { PERIOD_DEFINITIONS } from '../../kernel/time/periods.ts';

export type ClockAuditEvent = Extract<AuditEvent, { type: `clock.${string}` }>;

/** One line for the audit log page, naming the time limit in words rather than its key. */
export function summariseClockEvent(e: ClockAuditEvent): string {
  const what = `${isPeriodKey(e.period) ? PERIOD_DEFINITIONS[e.period].label : e.period}${'sequence' in e && e.sequence > 1 ? ` (report ${e.sequence})` : ''}`;
  switch (e.type) {
    case 'clock.started':
      return `Started: ${what}, due ${formatDate(e.dueOn)}`;
    case 'clock.met':
      return `Met on ${formatDate(e.metOn)}: ${what} (due ${formatDate(e.dueOn)})`;
    case 'clock.cancelled':
      return `Cancelled: ${what} (was due ${formatDate(e.dueOn)})`;
    case 'clock.paused':
      return `Sub judice ${formatDate(e.from)} to ${formatDate(e.to)}: ${what} now due ${formatDate(e.dueOn)} (was ${formatDate(e.previousDueOn)})`;
    case 'clock.superseded':
      return `Superseded on ${formatDate(e.metOn)}: ${what} (was due ${formatDate(e.dueOn)})`;
    case 'clock.extended':
      return `Extended: ${what} now due ${formatDate(e.dueOn)} (was ${formatDate(e.previousDueOn)}): ${e.reason}`;
    case 'clock.held':
      return `Paused on ${formatDate(e.on)}: ${what} (due ${formatDate(e.dueOn)}): ${e.reason}`;
    case 'clock.resumed':
      return `Resumed on ${formatDate(e.on)}: ${what} now due ${formatDate(e.dueOn)} (was ${formatDate(e.previousDueOn)})`;
    case 'clock.stopped':
      return `Stopped on ${formatDate(e.on)}: ${what} (was due ${formatDate(e.dueOn)}): ${e.reason}`;
    case 'clock.marked_met':
      return `Marked done on ${formatDate(e.metOn)}: ${what} (due ${formatDate(e.dueOn)})${e.reason ? `: ${e.reason}` : ''}`;
    case 'clock.due':
      return `Fell due: ${what}, due ${formatDate(e.dueOn)}`;
    case 'clock.overdue':
      return `Overdue: ${what}, was due ${formatDate(e.dueOn)}`;
    default: {
      const unhandled: never = e;
      return JSON.stringify(unhandled);
    }
  }
}
