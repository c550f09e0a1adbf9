import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { type Principal } from '../../../kernel/access/principal.ts';
import { addCalendarDays } from '../../../kernel/time/working-days.ts';
import { countApplications } from '../applications/applications.repository.ts';
import { countExpiring, expiringSoon } from './clearances.repository.ts';
import { countEntries } from '../lists/list-entries.repository.ts';
import { computeCompliance } from './list-compliance.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf } from '../../../kernel/access/principal.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

export const EXPIRING_WITHIN_DAYS = 90;

/** The vetting home page's counts: open applications, compliance gaps, list sizes, clearances expiring in 90 days. An audited read. */
export async function vettingHome(deps: Deps, principal: Principal | null, requestId: string | null) {
  authorizeVettingRead(principal, 'page');
  const today = ukToday(deps.now());
  const until = addCalendarDays(today, EXPIRING_WITHIN_DAYS);
  return deps.db.transaction(async (tx) => {
    const openApplications = await countApplications(tx, principal, 'open');
    const compliance = await computeCompliance(tx, deps, principal);
    const gaps = compliance.filter((p) => !p.compliant).length;
    const expiring = await countExpiring(tx, principal, today, until);
    const soonest = await expiringSoon(tx, principal, today, until, 10);
    const lists = vettingFilePolicy.lists(principal) ? await countEntries(tx, principal.forceId) : null;
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_home', id: principal.forceId },
      { type: 'vetting.list_viewed', list: 'vetting_home', filters: {}, resultCount: soonest.length },
    );
    return {
      openApplications,
      gaps,
      workforce: compliance.length,
      expiring,
      soonest,
      lists,
      until,
      canDecide: vettingFilePolicy.decide(principal),
    };
  });
}
