import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { notFound } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { findForce } from '../organisation/index.ts';
import { gatherDashboardData } from '../oversight/index.ts';
import { caseSections } from '../oversight/index.ts';
import { publicScope } from '../oversight/index.ts';
import {
  asAtDay,
  financialYearOf,
  periodFromInput,
  periodQuerySchema,
  selectableYears,
  type PeriodQuery,
} from '../oversight/index.ts';
import { publishedNotices } from './publication.repository.ts';

/**
 * The force's public page (no sign-in): the hearing notices and outcomes it has PUBLISHED (nothing else of
 * a notice is readable), and its open data — the dashboard's sections about cases, for the whole force,
 * with the same disclosure control as the commissioner's office (never unsuppressed). By default the last
 * complete financial year. An unknown force is "not found".
 */
export async function viewPublicPage(deps: Deps, forceId: string, query: PeriodQuery) {
  if (!/^[a-z0-9_-]{1,40}$/.test(forceId)) throw notFound('page');
  const today = ukToday(deps.now());
  const lastComplete = financialYearOf(today) - 1;
  const period = periodFromInput(
    parseInput(periodQuerySchema(today), { ...query, fy: query.fy || String(lastComplete) }, 'Check the period'),
  );
  const asAt = asAtDay(period, today);
  return deps.db.transaction(async (tx) => {
    const force = await findForce(tx, forceId);
    if (!force) throw notFound('page');
    const notices = await publishedNotices(tx, forceId);
    const data = await gatherDashboardData(deps, tx, publicScope(forceId), period, asAt, { integrity: false });
    const policy = { threshold: deps.config.rules.integrity.disclosureThreshold, unsuppressed: false };
    return {
      force,
      period,
      today,
      years: selectableYears(today),
      upcoming: notices.filter((n) => !n.outcome && n.hearing_on >= today),
      awaiting: notices.filter((n) => !n.outcome && n.hearing_on < today),
      outcomes: notices.filter((n) => n.outcome),
      sections: caseSections(data, { policy, reference: deps.config.rules.integrity.disproportionalityReference }),
    };
  });
}
