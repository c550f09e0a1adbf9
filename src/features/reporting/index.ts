/** The public module of anonymous reporting: what other features and the app may use. */
export { registerReportingRoutes } from './reporting.routes.ts';
export { enqueueReportReminders, type ReportReminderResult } from './enqueue-report-reminders.ts';
export { reportDeadlineSource } from './report-clocks.repository.ts';
