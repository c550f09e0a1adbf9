import type { Db } from '../../db/client.ts';
import { actionsOf, trackerRows } from './responses.repository.ts';
import { trackerEntries, type TrackerEntry } from './tracker-view.ts';

/** Every item (of one report, or all) with the force's response and what the rules say about it. */
export async function loadTracker(
  db: Db,
  forceId: string,
  reportId: string | null,
  today: string,
): Promise<TrackerEntry[]> {
  const rows = await trackerRows(db, forceId, reportId);
  const actions = await actionsOf(
    db,
    forceId,
    rows.map((r) => r.responseId).filter((id): id is string => id !== null),
  );
  return trackerEntries(rows, actions, today);
}
