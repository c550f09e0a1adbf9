import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../../kernel/validation.ts';
import { vettingLevels } from '../../../db/schema/index.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { findVettingPerson } from './clearances.repository.ts';
import { grantClearance } from './grant-clearance.ts';

const isoDate = isoDateString('Enter the date it was granted');

export const existingClearanceInput = z.object({
  personId: z.string().uuid(),
  level: z.enum(vettingLevels, { message: 'Choose the level of the clearance' }),
  grantedOn: isoDate,
  conditions: z.string().trim().max(5000, 'Conditions must be 5,000 characters or fewer').default(''),
});

/**
 * Records a clearance granted before Probity (migration from a previous system or paper file): its level
 * and the day it was granted; expiry comes from the renewal table as for any grant, and its renewal clock
 * starts from the grant (so a long-past grant may be expired or overdue at once, as it truly is).
 */
export async function recordExistingClearance(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof existingClearanceInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'vetting file');
  const input = parseInput(existingClearanceInput, raw, 'Check the clearance details');
  if (input.grantedOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the clearance details', {
      grantedOn: 'The date it was granted must be today or in the past',
    });
  return deps.db.transaction(async (tx) => {
    const person = await findVettingPerson(tx, principal, input.personId);
    if (!person) throw notFound('vetting file');
    const { clearance } = await grantClearance(tx, deps, actorOf(principal, requestId), {
      forceId: principal.forceId,
      personId: person.id,
      level: input.level,
      grantedOn: input.grantedOn,
      conditions: input.conditions,
      source: 'existing',
      applicationId: null,
      decisionId: null,
    });
    return { id: clearance.id, expiresOn: clearance.expiresOn };
  });
}
