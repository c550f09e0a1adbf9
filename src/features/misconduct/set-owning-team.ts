import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { unitsOfForce } from '../organisation/index.ts';
import { findVisibleCase, updateCase } from './cases.repository.ts';
import { unitName } from './case-details.repository.ts';
import { casePolicy } from './case.policy.ts';

const isUuid = (v: unknown) => z.string().uuid().safeParse(v).success;

export const setOwningTeamBody = z.object({
  version: z.coerce.number({ message: 'Reload the page and try again' }).int().min(1, 'Reload the page and try again'),
  unitId: z.string().uuid('Choose a team of this force').nullable(),
});

export type SetOwningTeamInput = z.input<typeof setOwningTeamBody> & { caseId: string };

/** The owning team of a case and, for the appropriate authority, the teams of the force to choose from. */
export async function viewOwningTeam(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  requestId: string | null,
) {
  authorize(principal, 'case.read', 'case');
  if (!isUuid(caseId)) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('case');
    const canChange = casePolicy.allocate(principal);
    const team = await unitName(tx, theCase.forceId, theCase.owningUnitId);
    const units = canChange ? await unitsOfForce(tx, principal.forceId) : [];
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.viewed', caseId: theCase.id, reference: theCase.reference, part: 'team' },
    );
    return { theCase, team, units, canChange };
  });
}

/**
 * The appropriate authority sets the team that owns a case (or clears it). Investigators posted to that
 * unit see the case (cases-scope.ts). Optimistic: a stale version is refused with 409.
 */
export async function setOwningTeam(
  deps: Deps,
  principal: Principal | null,
  raw: SetOwningTeamInput,
  requestId: string | null,
) {
  authorize(principal, 'case.allocate', 'case');
  if (!isUuid(raw.caseId)) throw notFound('case');
  const input = parseInput(setOwningTeamBody, raw, 'Check the team');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, raw.caseId, true);
    if (!theCase) throw notFound('case');
    if (theCase.version !== input.version) throw staleVersion();
    if (input.unitId && !(await unitsOfForce(tx, principal.forceId)).some((u) => u.id === input.unitId)) {
      throw new AppError('validation', 'Check the team', { unitId: 'Choose a team of this force' });
    }
    await updateCase(tx, principal.forceId, theCase.id, { owningUnitId: input.unitId, version: theCase.version + 1 });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.team_set', caseId: theCase.id, unitId: input.unitId },
    );
    return { version: theCase.version + 1, unitId: input.unitId };
  });
}
