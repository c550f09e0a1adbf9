import { sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../kernel/access/principal.ts';
import { visiblePeopleSql } from '../../kernel/access/people-scope.ts';
import { alertPolicy } from './alert.policy.ts';

/**
 * THE need-to-know rule for early-intervention alerts, as SQL over `ei_alerts ea`. Own force only, and never an
 * alert about the viewer themself or a record merged with theirs (the person rule of people-scope.ts, applied
 * to the alert's person). Then:
 *  - the appropriate authority (PSD, `ei.read`): the force's alerts;
 *  - a supervisor (`ei.unitAlerts`), ONLY when the force has turned supervisor access on (`ei_settings`): the
 *    alerts of people currently posted (open-ended posting) to a unit where the viewer's own person record
 *    holds a current posting in one of the force's supervisory roles — never another unit's;
 *  - anyone else: none.
 * A refused alert is a 404, exactly like one that does not exist.
 */
export function visibleAlertsSql(principal: Principal): SQL {
  const base = sql`ea.force_id = ${principal.forceId} and exists (
    select 1 from people p where p.force_id = ea.force_id and p.id = ea.person_id and ${visiblePeopleSql(principal)})`;
  if (alertPolicy.read(principal)) return base;
  if (!alertPolicy.readOwnUnits(principal) || !principal.personId) return sql`false`;
  return sql`${base} and ${supervisedByViewerSql(principal.personId)}`;
}

/** The alert's person (or a record merged into them) is currently posted to a unit the viewer supervises. */
function supervisedByViewerSql(viewerPersonId: string): SQL {
  return sql`exists (select 1 from ei_settings s
    join person_postings sup on sup.force_id = s.force_id and sup.valid_to is null
      and sup.role = any(s.supervisory_roles) and sup.person_id = ${viewerPersonId}::uuid
    join person_postings sub on sub.force_id = s.force_id and sub.unit_id = sup.unit_id and sub.valid_to is null
    join people sp on sp.force_id = sub.force_id and sp.id = sub.person_id
    where s.force_id = ea.force_id and s.supervisor_access and coalesce(sp.merged_into_id, sp.id) = ea.person_id)`;
}
