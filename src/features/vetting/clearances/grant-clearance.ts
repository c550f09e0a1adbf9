import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { AuditActor } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import {
  activeClearancesForUpdate,
  endClearances,
  insertClearance,
  type ClearanceRow,
} from './clearances.repository.ts';
import { meetVettingClocks, startVettingClock, vettingDeadline } from '../vetting-clocks.ts';
import { renewalPeriodOf, satisfies, type VettingLevel } from '../vetting-levels.ts';

export type GrantInput = {
  forceId: string;
  personId: string;
  level: VettingLevel;
  grantedOn: IsoDate;
  conditions: string;
  /** 'decision': granted on an application in Probity; 'existing': granted before Probity and recorded now. */
  source: 'decision' | 'existing';
  applicationId: string | null;
  decisionId: string | null;
};

/**
 * Writes a clearance inside the caller's transaction: expiry from the level's renewal period (the period
 * table, so configuration changes it), the `vetting_renewal_<level>` clock on `clearance:<id>`, and the
 * audit row. A grant by decision supersedes the person's active clearances it covers (same family, same
 * level or lower): they end as terminated, naming the decision, and their renewal clocks are met.
 */
export async function grantClearance(
  tx: Db,
  deps: Deps,
  actor: AuditActor,
  input: GrantInput,
): Promise<{ clearance: ClearanceRow; supersededIds: string[] }> {
  const period = renewalPeriodOf(input.level);
  const expiresOn = vettingDeadline(deps, period, input.grantedOn);
  const superseded =
    input.source === 'decision'
      ? (await activeClearancesForUpdate(tx, input.forceId, input.personId)).filter((c) =>
          satisfies(input.level, c.level),
        )
      : [];
  const supersededIds = superseded.map((c) => c.id);
  await endClearances(tx, input.forceId, supersededIds, {
    status: 'terminated',
    on: input.grantedOn,
    reason: `Superseded by the ${input.level} clearance granted on ${input.grantedOn}`,
    decisionId: input.decisionId,
  });
  for (const id of supersededIds)
    await meetVettingClocks(tx, { forceId: input.forceId, subjectKey: `clearance:${id}`, on: input.grantedOn });
  const clearance = await insertClearance(tx, {
    forceId: input.forceId,
    personId: input.personId,
    level: input.level,
    status: 'active',
    grantedOn: input.grantedOn,
    expiresOn,
    conditions: input.conditions,
    applicationId: input.applicationId,
  });
  await startVettingClock(tx, deps, {
    forceId: input.forceId,
    personId: input.personId,
    subjectKey: `clearance:${clearance.id}`,
    period,
    startOn: input.grantedOn,
  });
  await recordAudit(
    tx,
    actor,
    { type: 'vetting_clearance', id: clearance.id, personId: input.personId },
    {
      type: 'vetting.clearance_recorded',
      clearanceId: clearance.id,
      personId: input.personId,
      level: input.level,
      grantedOn: input.grantedOn,
      expiresOn,
      source: input.source,
      decisionId: input.decisionId,
    },
  );
  return { clearance, supersededIds };
}
