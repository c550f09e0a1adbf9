/** The clocks feature's public module: what other features may use. Everything else is private. */
export { clockActionsFor } from './clock-action-rules.ts';
export { summariseClockEvent } from './clock-audit-summary.ts';
export { displayedClockState } from './clock-display.ts';
export {
  ACTIVE_CLOCK_STATES,
  clockEventsOfCase,
  clocksOfCase,
  countVisibleDeadlines,
  type ClockRow,
} from './clocks.repository.ts';
export { dueTag } from './clocks.routes.ts';
export { cancelCaseClocks, startClock, stopClocks } from './start-clock.ts';
export { applySubJudicePause, isPeriodKey } from './sub-judice.ts';
export { sweepAllClocks } from './sweep-clocks.ts';
