import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { ukToday } from '../../lib/dates.ts';
import { parseInput, isoDateString, blank } from '../../lib/validation.ts';
import { criminalEventKinds } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import { applySubJudicePause } from '../clocks/sub-judice.ts';
import { findSubjectForUpdate, findVisibleCase, insertCriminalEvent } from './cases.repository.ts';
import { openReviewForCriminalEvent } from '../vetting/reviews/conduct-review-triggers.ts';

const isoDate = isoDateString('Enter a date in the format 2026-03-27');

export const criminalEventInput = z
  .object({
    caseId: z.string().uuid(),
    subjectId: z.string().uuid('Choose the subject'),
    kind: z.enum(criminalEventKinds, { message: 'Choose what happened' }),
    occurredOn: isoDate,
    details: z.string().trim().max(5000).default(''),
    /** A court outcome convicting the subject of an indictable-only offence (SI 2025/558: gross misconduct). */
    indictableOnlyConviction: z.boolean().default(false),
    /** Misconduct proceedings held back because they would prejudice the criminal case (Conduct Regs reg 10). */
    subJudiceFrom: z.preprocess(blank, isoDate.optional()),
    subJudiceTo: z.preprocess(blank, isoDate.optional()),
  })
  .refine((v) => !v.indictableOnlyConviction || v.kind === 'court_outcome', {
    message: 'A conviction is recorded with a court outcome',
    path: ['indictableOnlyConviction'],
  })
  .refine((v) => !v.subJudiceTo || (v.subJudiceFrom !== undefined && v.subJudiceFrom <= v.subJudiceTo), {
    message: 'The end of the sub judice period must be on or after its start',
    path: ['subJudiceTo'],
  });

/**
 * Records a step in criminal proceedings against a subject (arrest, bail, release under investigation,
 * charge, court outcome). A closed sub judice period is taken out of the clocks the law pauses
 * (clocks/sub-judice.ts says which, and why) and is kept for timeliness "excluding suspension".
 */
export async function recordCriminalEvent(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof criminalEventInput>,
  requestId: string | null,
) {
  authorize(principal, 'allegation.progress', 'case');
  const input = parseInput(criminalEventInput, raw, 'Check the details of the criminal proceedings');
  const today = ukToday(deps.now());
  if (input.occurredOn > today || (input.subJudiceTo ?? '') > today) {
    throw new AppError('validation', 'Check the details of the criminal proceedings', {
      occurredOn: 'Dates cannot be in the future',
    });
  }
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, input.subjectId);
    if (!subject) throw notFound('subject');
    const actor = actorOf(principal, requestId);
    const row = await insertCriminalEvent(tx, {
      forceId: theCase.forceId,
      caseId: theCase.id,
      subjectId: subject.id,
      kind: input.kind,
      occurredOn: input.occurredOn,
      details: input.details,
      indictableOnlyConviction: input.indictableOnlyConviction,
      subJudiceFrom: input.subJudiceFrom ?? null,
      subJudiceTo: input.subJudiceTo ?? null,
      recordedBy: principal.userId,
    });
    const adjustments =
      input.subJudiceFrom && input.subJudiceTo
        ? await applySubJudicePause(tx, deps, {
            forceId: theCase.forceId,
            caseId: theCase.id,
            from: input.subJudiceFrom,
            to: input.subJudiceTo,
            actor,
          })
        : [];
    await recordAudit(
      tx,
      actor,
      { type: 'case', id: theCase.id, personId: subject.personId },
      {
        type: 'criminal.recorded',
        caseId: theCase.id,
        subjectId: subject.id,
        kind: input.kind,
        occurredOn: input.occurredOn,
        subJudice: input.subJudiceFrom ? { from: input.subJudiceFrom, to: input.subJudiceTo ?? null } : null,
      },
    );
    // The integrity loop: a charge opens a vetting review of the subject.
    await openReviewForCriminalEvent(tx, deps, {
      forceId: theCase.forceId,
      caseId: theCase.id,
      eventId: row.id,
      kind: input.kind,
      personId: subject.personId,
      occurredOn: input.occurredOn,
      actor,
    });
    return { id: row.id, adjustments };
  });
}
