/** The vetting feature's public module: what other features may use. Everything else is private. */
export { openReviewForAllegationStep, openReviewForCriminalEvent } from './conduct-review-triggers.ts';
export { openReviewForTrigger } from './open-review-for-trigger.ts';
export { personReviewNotice } from './person-review-notice.ts';
export { vettingDeadlineSource } from './vetting-deadline-list.repository.ts';
export { sweepVettingDeadlines, type VettingSweepResult } from './vetting-deadline-sweep.ts';
