/** The complaints feature's public module: what other features may use. Everything else is private. */
export { complaintDeadlineSource } from './complaint-deadlines.repository.ts';
export { complaintPolicy } from './complaint.policy.ts';
export { sweepComplaintClocks, type ComplaintSweepResult } from './sweep-complaint-clocks.ts';
export { complaintClockReminders } from './complaint-reminders.ts';
