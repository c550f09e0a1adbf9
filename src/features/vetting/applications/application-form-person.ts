import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { authorize, type Principal } from '../../../kernel/access/principal.ts';
import { findVettingPerson, type VettingPersonRow } from '../clearances/clearances.repository.ts';

/**
 * The person a renewal or upgrade form is started for (name and date of birth to fill it in), in the
 * vetting scope: someone the principal may not vet is "not found". Not a read of a vetting file.
 */
export async function findPersonForForm(
  deps: Deps,
  principal: Principal | null,
  personId: string,
): Promise<VettingPersonRow> {
  authorize(principal, 'vetting.decide', 'person');
  if (!z.string().uuid().safeParse(personId).success) throw notFound('person');
  const person = await findVettingPerson(deps.db, principal, personId);
  if (!person) throw notFound('person');
  return person;
}
