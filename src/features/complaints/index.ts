/** The complaints feature's public module: what other features may use. Everything else is private. */
export { sweepComplaintClocks, type ComplaintSweepResult } from './sweep-complaint-clocks.ts';
