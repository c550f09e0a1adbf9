/** The notifications feature's public module: what other features may use. Everything else is private. */
export { deliverOutbox } from './deliver-outbox.ts';
export { enqueueClockReminders } from './enqueue-clock-reminders.ts';
export { enqueueVettingReviewReminders } from './enqueue-vetting-review-reminders.ts';
export { type Mailer } from './mailer.ts';
export { notifyUsers, queueAccountEmail, queueExternalEmail } from './notify.ts';
export { reminderStage, type ReminderStage } from './reminder-stage.ts';
export { sendDigests } from './send-digests.ts';
export { caseClockReminders } from './case-clock-reminders.ts';
export type { ReminderCandidate, ReminderSource } from './reminder-source.ts';
