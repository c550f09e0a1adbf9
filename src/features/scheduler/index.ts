/** The scheduler feature's public module: what other features may use. Everything else is private. */
export { sweepStatus } from './sweep-status.ts';
