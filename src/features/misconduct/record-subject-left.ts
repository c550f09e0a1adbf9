import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput, isoDateString } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { onSubjectLeftDuringInvestigation } from './rules/allegation-workflow.ts';
import { factsOf } from './case-context.ts';
import { createListReturn } from './list-returns.ts';
import { allegationsOf, findSubjectForUpdate, findVisibleCase, setSubjectLeft } from './cases.repository.ts';

export const subjectLeftInput = z.object({
  caseId: z.string().uuid(),
  subjectId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  leftOn: isoDateString('Enter the date they left'),
  how: z.enum(['resigned', 'retired', 'other'], { message: 'Choose how they left' }),
});

/**
 * A subject resigned or retired. While any of their allegations is still being dealt with, that creates
 * the advisory-list return (uk-domain.md §2.15 (Police Barred List and Police Advisory List Regs 2017)); proceedings can continue against a former officer (§2.14).
 */
export async function recordSubjectLeft(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof subjectLeftInput>,
  requestId: string | null,
) {
  authorize(principal, 'allegation.decide', 'case');
  const input = parseInput(subjectLeftInput, raw, 'Check the details');
  if (input.leftOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the details', { leftOn: 'The date cannot be in the future' });
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, input.subjectId);
    if (!subject) throw notFound('subject');
    if (subject.version !== input.version) throw staleVersion();
    if (subject.leftOn)
      throw new AppError('invalid_state', `This subject is already recorded as having left on ${subject.leftOn}.`);
    await setSubjectLeft(tx, principal.forceId, subject.id, input.leftOn, subject.version);
    const actor = actorOf(principal, requestId);
    let advisory: string | null = null;
    for (const allegation of (await allegationsOf(tx, principal.forceId, theCase.id)).filter(
      (a) => a.subjectId === subject.id,
    )) {
      const effects = onSubjectLeftDuringInvestigation(factsOf(allegation).track);
      if (!advisory && effects.some((e) => e.kind === 'create_advisory_list_return')) {
        advisory = await createListReturn(tx, deps, actor, {
          list: 'advisory',
          theCase,
          allegation,
          triggeredOn: input.leftOn,
        });
      }
    }
    await recordAudit(
      tx,
      actor,
      { type: 'case', id: theCase.id, personId: subject.personId },
      { type: 'subject.left', caseId: theCase.id, subjectId: subject.id, leftOn: input.leftOn, how: input.how },
    );
    return { advisoryReturnId: advisory };
  });
}
