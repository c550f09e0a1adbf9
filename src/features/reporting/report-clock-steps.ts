import type { Db } from '../../db/client.ts';
import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { clocksOfReports, insertReportClocks, updateReportClock } from './report-clocks.repository.ts';
import { feedbackAfterAcknowledgement, plannedReportClocks } from './rules/report-clocks.ts';

/**
 * What the unit's steps do to a report's clocks in the one store, in the step's own transaction (its audit
 * row names the step; the clock follows from it):
 *  - receiving a report starts both clocks (rules/report-clocks.ts);
 *  - acknowledging it (by acknowledging, any change of status, or opening a case) meets the acknowledgement
 *    clock, and when in time brings the feedback clock forward to run from that day;
 *  - feedback (a message marked as feedback, or closing the report with its outcome) meets the feedback clock.
 */
export async function startReportClocks(
  tx: Db,
  deps: Deps,
  report: { forceId: string; id: string; receivedOn: IsoDate },
): Promise<void> {
  const planned = plannedReportClocks(deps.config.rules.periods, report.receivedOn, deps.config.rules.calendar);
  await insertReportClocks(tx, report.forceId, report.id, planned);
}

/** The days a step records on the report, as `updateReport` receives them (only the newly recorded ones count). */
export type ReportDaysRecorded = { acknowledgedOn?: IsoDate | null; feedbackOn?: IsoDate | null };

export async function recordReportClockSteps(
  tx: Db,
  deps: Deps,
  report: { forceId: string; id: string },
  days: ReportDaysRecorded,
): Promise<void> {
  if (!days.acknowledgedOn && !days.feedbackOn) return;
  const stored = await clocksOfReports(tx, report.forceId, [report.id]);
  const running = (period: string) => stored.find((c) => c.period === period && c.state === 'running');
  const ack = running('report_acknowledgement');
  const feedback = running('report_feedback');
  let feedbackChanges: Parameters<typeof updateReportClock>[3] = {};
  if (days.acknowledgedOn && ack) {
    await updateReportClock(tx, report.forceId, ack.id, { state: 'met', metOn: days.acknowledgedOn });
    const { periods, calendar } = deps.config.rules;
    feedbackChanges = feedbackAfterAcknowledgement(periods, ack, days.acknowledgedOn, calendar) ?? {};
  }
  if (days.feedbackOn) feedbackChanges = { ...feedbackChanges, state: 'met', metOn: days.feedbackOn };
  if (feedback && Object.keys(feedbackChanges).length)
    await updateReportClock(tx, report.forceId, feedback.id, feedbackChanges);
}
