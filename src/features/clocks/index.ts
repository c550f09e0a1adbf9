/** The clocks feature's public module: what other features may use. Everything else is private. */
export { summariseClockEvent } from './clock-audit-summary.ts';
export { displayedClockState, dueTag } from './clock-display.ts';
export {
  ACTIVE_CLOCK_STATES,
  clockEventsOfCase,
  clocksOfCase,
  insertClockEvent,
  updateClock,
  type ClockRow,
} from './clocks.repository.ts';
export {
  liveDeadlineSql,
  type DeadlineFilter,
  type DeadlineRow,
  type DeadlineSource,
} from './deadline-conditions.repository.ts';
export { cancelCaseClocks, startClock, stopClocks } from './start-clock.ts';
export { applySubJudicePause, isPeriodKey } from './sub-judice.ts';
export { sweepClocks, type SweepResult } from './sweep-clocks.ts';
