/** The vetting feature's public module: what other features may use. Everything else is private. */
export { openReviewForAllegationStep, openReviewForCriminalEvent } from './reviews/conduct-review-triggers.ts';
export { openReviewForTrigger } from './reviews/open-review-for-trigger.ts';
export { personReviewNotice } from './reviews/person-review-notice.ts';
export { vettingDeadlineSource } from './vetting-deadline-list.repository.ts';
export { sweepVettingDeadlines, type VettingSweepResult } from './vetting-deadline-sweep.ts';
export { vettingFilePolicy } from './vetting-file.policy.ts';
