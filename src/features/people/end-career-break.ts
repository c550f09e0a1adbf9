import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { isoDateString, parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { careerBreaksOf, endOpenCareerBreak, findVisiblePerson } from '../organisation/index.ts';
import { peoplePolicy } from './people.policy.ts';

export const endCareerBreakBody = z.object({ endsOn: isoDateString('Enter the last day of the career break') });

const UUID = z.string().uuid();

/**
 * Records the last day of an open career break (Police (Conduct) Regulations 2020 reg 42(11), 62(5)): from then
 * each warning it held in force has a known last day again. Not before the break began, not in the future, not
 * into a later break; an unknown or already ended break is "not found". Audited.
 */
export async function endCareerBreak(
  deps: Deps,
  principal: Principal | null,
  personId: string,
  careerBreakId: string,
  raw: z.input<typeof endCareerBreakBody>,
  requestId: string | null,
) {
  authorize(principal, 'person.read', 'person');
  authorizeBy(principal, peoplePolicy.recordCareerBreak, 'person');
  if (!UUID.safeParse(personId).success || !UUID.safeParse(careerBreakId).success) throw notFound('career break');
  const input = parseInput(endCareerBreakBody, raw, 'Check the last day');
  if (input.endsOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the last day', { endsOn: 'The last day cannot be in the future' });
  return deps.db.transaction(async (tx) => {
    const person = await findVisiblePerson(tx, principal, personId);
    if (!person) throw notFound('person');
    const all = await careerBreaksOf(tx, principal.forceId, [person.id]);
    const open = all.find((b) => b.id === careerBreakId && b.endsOn === null);
    if (!open) throw notFound('career break');
    if (input.endsOn < open.startsOn)
      throw new AppError('validation', 'Check the last day', {
        endsOn: 'The last day must be the same as or after the first day',
      });
    if (all.some((b) => b.id !== open.id && b.startsOn > open.startsOn && b.startsOn <= input.endsOn))
      throw new AppError('validation', 'Check the last day', { endsOn: 'It overlaps a later career break' });
    if (!(await endOpenCareerBreak(tx, principal.forceId, person.id, open.id, input.endsOn)))
      throw notFound('career break');
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'person', id: person.id, personId: person.id },
      { type: 'person.career_break_ended', personId: person.id, careerBreakId: open.id, endsOn: input.endsOn },
    );
    return { id: open.id, personId: person.id, startsOn: open.startsOn, endsOn: input.endsOn };
  });
}
