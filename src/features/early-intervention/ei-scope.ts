import { sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../kernel/access/principal.ts';
import { visiblePeopleSql } from '../../kernel/access/people-scope.ts';

/**
 * THE need-to-know rule for early-intervention alerts, as SQL over `ei_alerts ea`. Alerts are the
 * appropriate authority's (PSD's) force-wide view, so: own force only, and never an alert about the
 * viewer themself or a record merged with theirs (the person rule of people-scope.ts, applied to the
 * alert's person). A refused alert is a 404, exactly like one that does not exist.
 */
export function visibleAlertsSql(principal: Principal): SQL {
  return sql`ea.force_id = ${principal.forceId} and exists (
    select 1 from people p where p.force_id = ea.force_id and p.id = ea.person_id and ${visiblePeopleSql(principal)})`;
}
