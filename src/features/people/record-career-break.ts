import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { isoDateString, parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { careerBreaksOf, findVisiblePerson, insertCareerBreak } from '../organisation/index.ts';
import { peoplePolicy } from './people.policy.ts';

export const careerBreakBody = z.object({
  startsOn: isoDateString('Enter the first day of the career break'),
  /** Absent or empty: the break is still continuing. */
  endsOn: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    isoDateString('Enter the last day of the career break, or leave it empty while it continues').optional(),
  ),
  note: z.string().trim().max(1000).default(''),
});
export type CareerBreakInput = z.input<typeof careerBreakBody>;

const UUID = z.string().uuid();

/**
 * Records a career break on a person record: a warning's time does not run during it (Police (Conduct)
 * Regulations 2020 reg 42(11) for a written warning, reg 62(5) for a final written warning), so every warning's
 * last day in force is extended by it wherever it is shown or acted on (misconduct/person-warnings.ts). It may
 * be open (no last day yet). It may not overlap another break of the person, nor start in the future. A person
 * the principal may not see is "not found"; the record is audited.
 */
export async function recordCareerBreak(
  deps: Deps,
  principal: Principal | null,
  personId: string,
  raw: CareerBreakInput,
  requestId: string | null,
) {
  authorize(principal, 'person.read', 'person');
  authorizeBy(principal, peoplePolicy.recordCareerBreak, 'person');
  if (!UUID.safeParse(personId).success) throw notFound('person');
  const input = parseInput(careerBreakBody, raw, 'Check the career break');
  const today = ukToday(deps.now());
  if (input.startsOn > today)
    throw new AppError('validation', 'Check the career break', { startsOn: 'The first day cannot be in the future' });
  if (input.endsOn !== undefined && input.endsOn < input.startsOn)
    throw new AppError('validation', 'Check the career break', {
      endsOn: 'The last day must be the same as or after the first day',
    });
  return deps.db.transaction(async (tx) => {
    const person = await findVisiblePerson(tx, principal, personId);
    if (!person) throw notFound('person');
    const end = input.endsOn ?? '9999-12-31';
    const clash = (await careerBreaksOf(tx, principal.forceId, [person.id])).find(
      (b) => b.startsOn <= end && (b.endsOn ?? '9999-12-31') >= input.startsOn,
    );
    if (clash)
      throw new AppError('validation', 'Check the career break', {
        startsOn: `It overlaps the career break from ${clash.startsOn}${clash.endsOn ? ` to ${clash.endsOn}` : ''}`,
      });
    const id = await insertCareerBreak(tx, {
      forceId: principal.forceId,
      personId: person.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      note: input.note,
      recordedBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'person', id: person.id, personId: person.id },
      {
        type: 'person.career_break_recorded',
        personId: person.id,
        careerBreakId: id,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
      },
    );
    return { id, personId: person.id, startsOn: input.startsOn, endsOn: input.endsOn ?? null };
  });
}
