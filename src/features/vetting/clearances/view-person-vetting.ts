import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { notFound } from '../../../kernel/errors.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, type Principal } from '../../../kernel/access/principal.ts';
import { applicationsOfPerson } from '../applications/applications.repository.ts';
import { clearancesOf, findVettingPerson } from './clearances.repository.ts';
import { decisionsAboutPerson } from '../decisions/decisions.repository.ts';
import { computeCompliance } from './list-compliance.ts';
import { effectiveStatus, renewalPeriodOf } from '../vetting-levels.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

const uuid = z.string().uuid();

/**
 * A person's vetting file: their clearances (status as of today, the renewal period and its confidence
 * mark), what they must hold and whether they do, their applications and the decisions about them.
 * Vetting roles only, never one's own file; every read is audited (ids only).
 */
export async function viewPersonVetting(
  deps: Deps,
  principal: Principal | null,
  personId: string,
  requestId: string | null,
) {
  authorizeVettingRead(principal);
  if (!uuid.safeParse(personId).success) throw notFound('vetting file');
  return deps.db.transaction(async (tx) => {
    const person = await findVettingPerson(tx, principal, personId);
    if (!person) throw notFound('vetting file');
    const today = ukToday(deps.now());
    const clearances = (await clearancesOf(tx, principal.forceId, person.id)).map((c) => {
      const period = deps.config.rules.periods[renewalPeriodOf(c.level)];
      return {
        ...c,
        effectiveStatus: effectiveStatus(c, today),
        renewal: {
          amount: period.amount,
          unit: period.unit,
          confidence: period.confidence,
          overridden: period.overridden,
          source: period.source,
        },
      };
    });
    const [compliance] = person.status === 'current' ? await computeCompliance(tx, deps, principal, person.id) : [];
    const applications = await applicationsOfPerson(tx, principal.forceId, person.id);
    const decisions = await decisionsAboutPerson(tx, principal.forceId, person.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_file', id: person.id, personId: person.id },
      { type: 'vetting.file_viewed', file: 'person', id: person.id, personId: person.id },
    );
    return {
      person,
      clearances,
      compliance: compliance ?? null,
      applications,
      decisions,
      canDecide: vettingFilePolicy.decide(principal),
      today,
    };
  });
}
