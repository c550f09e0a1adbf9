/** The deadlines feature's public module: what other features may use. Everything else is private. */
export { sweepAllClocks } from './sweep-all-clocks.ts';
