import type { Db } from '../../db/client.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { findForce } from '../organisation/index.ts';
import { evidenceOf } from './evidence.repository.ts';
import { loadTracker } from './load-tracker.ts';
import type { ReportRow } from './reports.repository.ts';
import { actionsOf, commentsOf } from './responses.repository.ts';
import { buildResponseDocument, type ResponseDocument } from './response-document.ts';

/** The commissioner's response to a report as the tracker stands now, for one force. */
export async function collectResponse(
  db: Db,
  forceId: string,
  report: ReportRow,
  at: Date,
  generatedBy: string,
): Promise<ResponseDocument> {
  const entries = await loadTracker(db, forceId, report.id, ukToday(at));
  const ids = entries.map((e) => e.responseId).filter((id): id is string => id !== null);
  const force = await findForce(db, forceId);
  return buildResponseDocument({
    report,
    force: { id: forceId, name: force?.name ?? forceId },
    generatedAt: at,
    generatedBy,
    entries,
    actions: await actionsOf(db, forceId, ids),
    evidence: await evidenceOf(db, forceId, ids),
    comments: await commentsOf(db, forceId, ids),
  });
}
