import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { commentSideOf } from './add-comment.ts';
import { evidenceOf } from './evidence.repository.ts';
import { loadTracker } from './load-tracker.ts';
import { checkItemId } from './response-context.ts';
import { findItem, findReport } from './reports.repository.ts';
import { actionsOf, commentsOf, ownerCandidates } from './responses.repository.ts';
import { actionOverdue } from './tracker-rules.ts';
import { mayChangeItem } from './report-ownership.ts';
import { recommendationPolicy } from './recommendation.policy.ts';

/**
 * One item as the caller's force tracks it: the item, the force's response (or its defaults before the first
 * change), actions with their overdue flags, evidence, comments newest first, and what this user may do.
 */
export async function viewItem(deps: Deps, principal: Principal | null, itemId: string) {
  authorize(principal, 'recommendation.read', 'recommendation');
  checkItemId(itemId);
  const item = await findItem(deps.db, principal.forceId, itemId);
  if (!item) throw notFound('recommendation');
  const report = await findReport(deps.db, item.reportId);
  if (!report) throw notFound('recommendation');
  const today = ukToday(deps.now());
  const entry = (await loadTracker(deps.db, principal.forceId, report.id, today)).find((e) => e.itemId === item.id);
  if (!entry) throw notFound('recommendation');
  const ids = entry.responseId ? [entry.responseId] : [];
  const canManage = recommendationPolicy.manage(principal);
  return {
    item,
    report,
    entry,
    actions: (await actionsOf(deps.db, principal.forceId, ids)).map((a) => ({
      ...a,
      overdue: actionOverdue(a, today),
    })),
    evidence: await evidenceOf(deps.db, principal.forceId, ids),
    comments: await commentsOf(deps.db, principal.forceId, ids),
    owners: canManage ? await ownerCandidates(deps.db, principal.forceId) : [],
    may: {
      manage: canManage,
      verify: recommendationPolicy.verify(principal),
      /** Correct the item itself: a national item for the report's owner, a local one for its own force. */
      editItem: recommendationPolicy.verify(principal) && mayChangeItem(principal, report, item),
      signOff: recommendationPolicy.signoff(principal),
      comment: commentSideOf(principal),
    },
  };
}
