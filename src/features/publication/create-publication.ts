import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findVisibleCaseById, hearingsOfCase, insertPublication } from './publication.repository.ts';

const isoDate = (message: string) => isoDateString(message);

/** The notice's wording is the force's choice: the officer may be named in full, by rank and initial, or not at all. */
export const noticeFields = {
  officerName: z
    .string({ message: 'Enter the name to publish' })
    .trim()
    .min(1, 'Enter the name to publish, for example the officer’s name or “Police Constable A”')
    .max(200),
  officerRank: z.string().trim().max(100).default(''),
  hearingOn: isoDate('Enter the date of the hearing'),
  venue: z
    .string({ message: 'Enter where the hearing is held' })
    .trim()
    .min(3, 'Enter where the hearing is held')
    .max(500),
  allegationSummary: z
    .string({ message: 'Summarise the allegation' })
    .trim()
    .min(10, 'Summarise the allegation as it will be published, in at least 10 characters')
    .max(5000),
};

export const createPublicationInput = z.object({
  caseId: z.string().uuid('Choose the case'),
  allegationId: z.string({ message: 'Choose the hearing' }).uuid('Choose the hearing'),
  ...noticeFields,
});

const MESSAGE = 'Check the notice';

/**
 * Drafts a notice of a hearing of a case the appropriate authority can see. Only a hearing held in public
 * can be noticed, and only once (until withdrawn). Nothing is public until the notice is published.
 */
export async function createPublication(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'publication.manage');
  const input = parseInput(createPublicationInput, raw, MESSAGE);
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCaseById(tx, principal, input.caseId);
    if (!theCase) throw notFound('case');
    const hearing = (await hearingsOfCase(tx, principal.forceId, theCase.id)).find(
      (h) => h.allegation_id === input.allegationId,
    );
    if (!hearing) throw new AppError('validation', MESSAGE, { allegationId: 'Choose a hearing of this case' });
    if (!hearing.in_public)
      throw new AppError('validation', MESSAGE, {
        allegationId: 'This hearing is held in private: it cannot be published',
      });
    if (hearing.published_id)
      throw new AppError('validation', MESSAGE, { allegationId: 'A notice of this hearing already exists' });
    const row = await insertPublication(tx, {
      forceId: principal.forceId,
      caseId: theCase.id,
      subjectId: hearing.subject_id,
      allegationId: hearing.allegation_id,
      form: hearing.form,
      officerName: input.officerName,
      officerRank: input.officerRank,
      hearingOn: input.hearingOn,
      venue: input.venue,
      allegationSummary: input.allegationSummary,
      createdBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'publication', id: row.id },
      { type: 'oversight.publication_created', publicationId: row.id, caseId: theCase.id, hearingOn: row.hearingOn },
    );
    return { id: row.id };
  });
}
