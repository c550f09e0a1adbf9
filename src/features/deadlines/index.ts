/** The deadlines feature's public module: what other features may use. Everything else is private. */
export { deadlinesPolicy } from './deadlines.policy.ts';
export { sweepAllClocks } from './sweep-all-clocks.ts';
