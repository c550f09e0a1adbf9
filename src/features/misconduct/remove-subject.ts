import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { deleteSubject, markSubjectInError, subjectHasHistory } from './case-corrections.repository.ts';
import { findSubjectForUpdate, findVisibleCase, subjectsOf, updateCase } from './cases.repository.ts';

export const removeSubjectInput = z.object({
  caseId: z.string().uuid(),
  subjectId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  reason: z.string().trim().min(5, 'Say why the subject was entered by mistake, in at least 5 characters').max(1000),
});

/**
 * Takes back a subject entered by mistake. One with nothing on the record but untouched allegations is
 * removed with them. One with anything decided or done (an assessment, a step, a clock, a restriction, a
 * return: case-corrections.repository.ts) cannot be removed, since those records must stand: it is marked
 * "recorded in error" with the reason instead, and stays on the case page so marked. The appropriate
 * authority decides (it holds the case's decisions); the case keeps at least one subject.
 */
export async function removeSubject(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
): Promise<{ outcome: 'removed' | 'recorded_in_error'; version: number }> {
  authorize(principal, 'allegation.decide', 'case');
  const input = parseInput(removeSubjectInput, raw, 'Check the reason');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    if (theCase.version !== input.version) throw staleVersion();
    const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, input.subjectId);
    if (!subject) throw notFound('subject');
    if (subject.recordedInErrorOn)
      throw new AppError('invalid_state', 'This subject is already marked as recorded in error.');
    const others = (await subjectsOf(tx, principal.forceId, theCase.id)).filter(
      (s) => s.id !== subject.id && !s.recordedInErrorOn,
    );
    if (others.length === 0)
      throw new AppError('invalid_state', 'A case needs at least one subject: add the right subject first.');
    const actor = actorOf(principal, requestId);
    const target = { type: 'case', id: theCase.id } as const;
    const kept = await subjectHasHistory(tx, principal.forceId, subject.id);
    if (kept) {
      await markSubjectInError(tx, principal.forceId, subject.id, {
        on: today,
        reason: input.reason,
        by: principal.userId,
        version: subject.version,
      });
      await recordAudit(tx, actor, target, {
        type: 'case.subject_recorded_in_error',
        caseId: theCase.id,
        subjectId: subject.id,
        reason: input.reason,
      });
    } else {
      await deleteSubject(tx, principal.forceId, subject.id);
      await recordAudit(tx, actor, target, {
        type: 'case.subject_removed',
        caseId: theCase.id,
        subjectId: subject.id,
        reason: input.reason,
      });
    }
    await updateCase(tx, principal.forceId, theCase.id, { version: theCase.version + 1 });
    return { outcome: kept ? 'recorded_in_error' : 'removed', version: theCase.version + 1 };
  });
}
