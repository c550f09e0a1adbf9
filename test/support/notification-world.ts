import { randomUUID } from 'node:crypto';
import type { Deps } from '../../src/app/deps.ts';
import { cases, clocks } from '../../src/db/schema/index.ts';
import { regimeFor } from '../../src/features/clocks/regime.ts';
import { createAccount, createForce } from './factories.ts';

/**
 * A force with a lead investigator, an appropriate authority and a helper that opens a case (led by the
 * investigator) with one duty clock due on a chosen day — the world the reminder tests need.
 */
export async function openNotificationWorld(deps: Deps, forceId: string) {
  await createForce(deps.db, forceId);
  const investigator = await createAccount(deps, {
    email: `lead@${forceId}.test`,
    role: 'psd_investigator',
    forceId,
  });
  const authority = await createAccount(deps, {
    email: `aa@${forceId}.test`,
    role: 'appropriate_authority',
    forceId,
  });
  const caseWithClockDue = async (dueOn: string, o: { leadId?: string | null } = {}) => {
    const regimeVersion = regimeFor('2026-01-05');
    const [c] = await deps.db
      .insert(cases)
      .values({
        forceId,
        reference: `${forceId.toUpperCase()}-${randomUUID().slice(0, 8)}`,
        source: 'internal_report',
        caseType: 'conduct_matter',
        cameToAttentionOn: '2026-01-05',
        regimeVersion,
        summary: 'A case summary that must never be e-mailed',
        status: 'open',
        leadInvestigatorId: o.leadId === undefined ? investigator.user.id : o.leadId,
      })
      .returning();
    if (!c) throw new Error('no case');
    const [k] = await deps.db
      .insert(clocks)
      .values({
        forceId,
        caseId: c.id,
        period: 'pcc_report_first',
        regimeVersion,
        startedOn: '2026-01-05',
        dueOn,
      })
      .returning();
    if (!k) throw new Error('no clock');
    return { caseId: c.id, reference: c.reference, clockId: k.id };
  };
  return { investigator, authority, caseWithClockDue };
}
