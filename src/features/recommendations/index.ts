/** The recommendations feature's public module: what other features may use. Everything else is private. */
export { recommendationPolicy } from './recommendation.policy.ts';
