/** The publication feature's public module: what other features may use. Everything else is private. */
export { publicationPolicy } from './publication.policy.ts';
