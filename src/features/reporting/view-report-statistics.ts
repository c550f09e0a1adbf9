import type { Deps } from '../../kernel/deps.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import type { DisclosedTable } from '../oversight/index.ts';
import { CATEGORY_LABELS } from './report-content.ts';
import { reportStatistics } from './rules/report-statistics.ts';
import { statisticsRowsOf } from './reports.repository.ts';
import { oversightPolicy } from '../oversight/index.ts';

/**
 * The confidential unit's statistics of its force's reports: by status, by kind and outcome, by month received, the median days
 * to acknowledgement and to feedback, and the protection flags — through oversight's disclosure control
 * (the force's configured threshold; unsuppressed only for a user who holds `oversight.unsuppressed`, which
 * the unit does not). Audited.
 */
export async function viewReportStatistics(
  deps: Deps,
  principal: Principal | null,
  requestId: string | null,
): Promise<{ tables: DisclosedTable[]; threshold: number }> {
  authorize(principal, 'report.read');
  const threshold = deps.config.rules.integrity.disclosureThreshold;
  return deps.db.transaction(async (tx) => {
    const rows = await statisticsRowsOf(tx, principal);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report_inbox', id: principal.forceId },
      { type: 'report.statistics_viewed' },
    );
    return {
      tables: reportStatistics(rows, CATEGORY_LABELS, {
        threshold,
        unsuppressed: oversightPolicy.unsuppressed(principal),
      }),
      threshold,
    };
  });
}
