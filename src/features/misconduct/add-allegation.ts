import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { refreshAllegationFigures } from './allegation-figures.repository.ts';
import {
  categoryExists,
  findSubjectForUpdate,
  findVisibleCase,
  insertAllegation,
  updateCase,
} from './cases.repository.ts';
import { initialAllegationState } from './rules/allegation-workflow.ts';
import { standardsOfProfessionalBehaviour } from './taxonomy.ts';

const standardCodes = standardsOfProfessionalBehaviour.map((s) => s.code) as [string, ...string[]];

export const addAllegationInput = z.object({
  caseId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  subjectIds: z
    .array(z.string().uuid('Choose subjects of this case'))
    .min(1, 'Choose at least one subject')
    .refine((ids) => new Set(ids).size === ids.length, 'A subject is chosen twice'),
  categoryCode: z.string().min(1, 'Choose a category'),
  standards: z
    .array(z.enum(standardCodes, { message: 'Choose a standard of professional behaviour from the list' }))
    .min(1, 'Choose at least one standard of professional behaviour'),
  description: z.string().trim().min(10, 'Describe the alleged conduct in at least 10 characters').max(5000),
});

/**
 * Adds an allegation after opening, to one or several subjects of the case, each on its own track from
 * "received" (a second allegation of another category: race and sex against the same officer). A subject
 * recorded in error cannot be given one. The case's version is checked and moved on, so two people adding
 * at once cannot both act on what they saw.
 */
export async function addAllegation(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'allegation.progress', 'case');
  const input = parseInput(addAllegationInput, raw, 'Check the allegation');
  if (!(await categoryExists(deps.db, input.categoryCode)))
    throw new AppError('validation', 'Check the allegation', { categoryCode: 'Choose a category from the list' });
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    if (theCase.version !== input.version) throw staleVersion();
    if (theCase.status === 'closed') throw new AppError('invalid_state', 'A closed case cannot be given allegations.');
    const track = initialAllegationState();
    const actor = actorOf(principal, requestId);
    const ids: string[] = [];
    for (const subjectId of input.subjectIds) {
      const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, subjectId);
      if (!subject || subject.recordedInErrorOn)
        throw new AppError('validation', 'Check the allegation', { subjectIds: 'Choose subjects of this case' });
      const row = await insertAllegation(tx, {
        forceId: principal.forceId,
        caseId: theCase.id,
        subjectId: subject.id,
        categoryCode: input.categoryCode,
        standards: input.standards,
        description: input.description,
        state: track.status,
        facts: { track, finalWrittenWarningInForce: false, multipleUnconnectedIncidents: false },
      });
      ids.push(row.id);
      await recordAudit(
        tx,
        actor,
        { type: 'case', id: theCase.id },
        { type: 'case.allegation_added', caseId: theCase.id, allegationId: row.id, subjectId: subject.id },
      );
    }
    await updateCase(tx, principal.forceId, theCase.id, { version: theCase.version + 1 });
    await refreshAllegationFigures(tx, principal.forceId, { allegationIds: ids });
    return { allegationIds: ids, version: theCase.version + 1 };
  });
}
