import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { formatDate, ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { letterHtml, letterPdf } from '../../../kernel/letter-render.ts';
import { findForce } from '../../organisation/index.ts';
import { factsOf } from '../case-context.ts';
import { allegationsOf, findVisibleCase, subjectsOf } from '../cases.repository.ts';
import { hearingsOfCase } from '../hearings.repository.ts';
import { composeCaseLetter, type CaseLetterFacts } from './case-letter-content.ts';
import { insertCaseLetter } from './case-letters.repository.ts';
import { DEFAULT_CASE_LETTER_WORDING, type CaseLetterWording } from './letter-wording.ts';

export const writeCaseLetterBody = z.object({
  kind: z.enum(['hearing_notice', 'outcome'], { message: 'Choose the letter to write' }),
  /** The sitting a hearing notice is about. */
  hearingId: z.string().uuid('Choose the meeting or hearing').optional(),
});
export type WriteCaseLetterInput = z.input<typeof writeCaseLetterBody>;

const UUID = z.string().uuid();

/**
 * Writes a letter to each subject officer concerned, from the record, kept on the case as HTML and PDF:
 * - `hearing_notice`: for each subject with allegations on the sitting, its date, venue, public or private,
 *   panel and the allegations it hears (Police (Conduct) Regulations 2020 reg 30);
 * - `outcome`: for each subject with a finding recorded, the finding and any disciplinary action per
 *   allegation and the right of appeal (Conduct Regs reg 45 after a meeting; the Police Appeals Tribunal
 *   after a hearing), in the configured wording marked [R].
 * Need-to-know as the case page (404 otherwise); each letter audited without its words.
 */
export async function writeCaseLetter(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  raw: WriteCaseLetterInput,
  requestId: string | null,
  wording: CaseLetterWording = DEFAULT_CASE_LETTER_WORDING,
) {
  authorize(principal, 'allegation.decide', 'case');
  if (!UUID.safeParse(caseId).success) throw notFound('case');
  const input = parseInput(writeCaseLetterBody, raw, 'Check the letter');
  if (input.kind === 'hearing_notice' && !input.hearingId)
    throw new AppError('validation', 'Check the letter', { hearingId: 'Choose the meeting or hearing' });
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId, true);
    if (!theCase) throw notFound('case');
    const force = await findForce(tx, theCase.forceId);
    const forceName = force?.name ?? theCase.forceId;
    const subjects = await subjectsOf(tx, theCase.forceId, theCase.id);
    const allegations = await allegationsOf(tx, theCase.forceId, theCase.id);
    const hearings = await hearingsOfCase(tx, theCase.forceId, theCase.id);
    const hearing = input.kind === 'hearing_notice' ? hearings.find((h) => h.id === input.hearingId) : undefined;
    if (input.kind === 'hearing_notice' && !hearing) throw notFound('hearing');

    const letters: { subjectId: string; facts: CaseLetterFacts }[] = [];
    for (const s of subjects) {
      if (s.recordedInErrorOn) continue;
      const own = allegations.filter((a) => a.subjectId === s.id);
      const chosen = hearing
        ? own.filter((a) => hearing.allegationIds.includes(a.id))
        : own.filter((a) => factsOf(a).track.finding);
      if (!chosen.length) continue;
      letters.push({
        subjectId: s.id,
        facts: {
          forceName,
          reference: theCase.reference,
          officerName: [s.rank, s.givenName, s.familyName].filter(Boolean).join(' '),
          wording,
          allegations: chosen.map((a) => {
            const track = factsOf(a).track;
            return { description: a.description, form: track.form, finding: track.finding, sanction: track.sanction };
          }),
          ...(hearing
            ? {
                hearing: {
                  form: hearing.form,
                  heldOn: hearing.heldOn,
                  venue: hearing.venue,
                  inPublic: hearing.inPublic,
                  panel: hearing.panel as { role: string; name: string }[],
                },
              }
            : {}),
        },
      });
    }
    if (!letters.length)
      throw new AppError(
        'invalid_state',
        hearing
          ? 'No subject officer has allegations on this meeting or hearing.'
          : 'The outcome letter is written once a finding is recorded for a subject officer.',
      );

    const actor = actorOf(principal, requestId);
    const dated = formatDate(today);
    const written: { id: string; subjectId: string }[] = [];
    for (const l of letters) {
      const doc = composeCaseLetter(input.kind, l.facts);
      const id = randomUUID();
      await insertCaseLetter(tx, {
        forceId: theCase.forceId,
        id,
        caseId: theCase.id,
        subjectId: l.subjectId,
        hearingId: hearing?.id ?? null,
        kind: input.kind,
        writtenOn: today,
        subject: doc.subject,
        html: letterHtml(doc, dated),
        pdf: await letterPdf(doc, dated, `${forceName} – Professional Standards`),
        createdBy: principal.userId,
      });
      await recordAudit(
        tx,
        actor,
        { type: 'case', id: theCase.id },
        { type: 'case.letter', caseId: theCase.id, letterId: id, subjectId: l.subjectId, kind: input.kind },
      );
      written.push({ id, subjectId: l.subjectId });
    }
    return { letters: written };
  });
}
