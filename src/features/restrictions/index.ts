/** The restrictions feature's public module: what other features may use. Everything else is private. */
export { flaggedCount } from './restriction-reports.ts';
export { KIND_LABELS } from './restriction-rules.ts';
export { caseRestrictionBanner, personRestrictionBanner } from './restriction-summary.ts';
export { restrictionPolicy } from './restriction.policy.ts';
