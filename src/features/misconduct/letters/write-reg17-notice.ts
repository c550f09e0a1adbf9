import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { noticeServiceMethods } from '../../../db/schema/index.ts';
import { formatDate, ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { isoDateString, parseInput } from '../../../kernel/validation.ts';
import { actorOf, authorize, authorizeBy, type Principal } from '../../../kernel/access/principal.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { letterHtml, letterPdf } from '../../../kernel/letter-render.ts';
import { findForce } from '../../organisation/index.ts';
import { findUserById } from '../../auth/index.ts';
import { factsOf } from '../case-context.ts';
import { casePolicy } from '../case.policy.ts';
import { allegationStepsOf, allegationsOf, findVisibleCase, subjectsOf } from '../cases.repository.ts';
import { standardsOfProfessionalBehaviour } from '../taxonomy.ts';
import { insertCaseLetter } from './case-letters.repository.ts';
import { composeReg17Notice, DEFAULT_REG17_WORDING, type Reg17Wording } from './reg17-notice-content.ts';
import {
  DEFAULT_DEEMED_SERVICE,
  deemedServiceDate,
  representationsDueOn,
  type DeemedServiceRule,
} from './reg17-service.ts';

export const writeReg17NoticeBody = z.object({
  subjectId: z.string({ message: 'Choose the officer' }).uuid('Choose the officer'),
  method: z.enum(noticeServiceMethods, { message: 'Choose how the notice is given' }),
  givenOn: isoDateString('Enter the date the notice is given or sent'),
});
export type WriteReg17NoticeInput = z.input<typeof writeReg17NoticeBody>;

const UUID = z.string().uuid();
const NOT_UNDER_INVESTIGATION = new Set(['withdrawn', 'closed', 'no_case_to_answer']);
const STANDARD_LABELS = new Map<string, string>(standardsOfProfessionalBehaviour.map((s) => [s.code, s.label]));

/**
 * Writes the written notice of investigation to one subject officer (Police (Conduct) Regulations 2020 reg 17),
 * kept on the case as HTML and PDF with its service: how it was given, the day given or sent, the day it is
 * treated as served (Conduct Regs reg 7; e-mail and deemed service from SI 2025/558 reg 8, configured with marks
 * in reg17-service.ts) and the last day for the officer's statement and documents, computed by the same rule as
 * the representations clock (Conduct Regs reg 18, the `reg18_representations` period).
 *
 * The notice covers the officer's allegations assessed as misconduct or gross misconduct and still being
 * handled. Where the serve step is already recorded on one of them with another date, the notice is refused:
 * the document and the clock must not disagree. Need-to-know as the case page (404 otherwise); audited.
 */
export async function writeReg17Notice(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  raw: WriteReg17NoticeInput,
  requestId: string | null,
  wording: Reg17Wording = DEFAULT_REG17_WORDING,
  serviceRules: Readonly<Record<(typeof noticeServiceMethods)[number], DeemedServiceRule>> = DEFAULT_DEEMED_SERVICE,
) {
  authorize(principal, 'case.read', 'case');
  authorizeBy(principal, (p) => casePolicy.act(p, 'serve_reg17_notice'), 'case');
  if (!UUID.safeParse(caseId).success) throw notFound('case');
  const input = parseInput(writeReg17NoticeBody, raw, 'Check the notice');
  const today = ukToday(deps.now());
  if (input.givenOn > today)
    throw new AppError('validation', 'Check the notice', { givenOn: 'The date cannot be in the future' });
  const cal = deps.config.rules.calendar;
  const deemed = deemedServiceDate(input.method, input.givenOn, cal, serviceRules);
  if (!deemed.ok) throw new AppError('validation', 'Check the notice', { method: deemed.reason });
  const period = deps.config.rules.periods.reg18_representations;
  const dueOn = representationsDueOn(deemed.on, period, cal);
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId, true);
    if (!theCase) throw notFound('case');
    const subject = (await subjectsOf(tx, theCase.forceId, theCase.id, input.givenOn)).find(
      (s) => s.id === input.subjectId && !s.recordedInErrorOn,
    );
    if (!subject) throw new AppError('validation', 'Check the notice', { subjectId: 'Choose an officer of this case' });
    const chosen = (await allegationsOf(tx, theCase.forceId, theCase.id)).filter((a) => {
      const track = factsOf(a).track;
      return (
        a.subjectId === subject.id &&
        (track.severity === 'misconduct' || track.severity === 'gross_misconduct') &&
        !NOT_UNDER_INVESTIGATION.has(track.status)
      );
    });
    if (!chosen.length)
      throw new AppError(
        'invalid_state',
        'A regulation 17 notice is written once an allegation against this officer is assessed as misconduct or gross misconduct.',
      );
    for (const a of chosen) {
      const served = (await allegationStepsOf(tx, theCase.forceId, a.id)).find(
        (s) => s.action === 'serve_reg17_notice',
      );
      if (served && served.occurredOn !== deemed.on)
        throw new AppError(
          'invalid_state',
          `The regulation 17 notice is recorded as served on ${formatDate(served.occurredOn)}, but this notice would be ` +
            `treated as served on ${formatDate(deemed.on)}: the notice and the representations clock must agree.`,
        );
    }
    const force = await findForce(tx, theCase.forceId);
    const forceName = force?.name ?? theCase.forceId;
    const lead = theCase.leadInvestigatorId ? await findUserById(tx, theCase.leadInvestigatorId) : undefined;
    const doc = composeReg17Notice({
      forceName,
      reference: theCase.reference,
      officerName: [subject.rank, subject.givenName, subject.familyName].filter(Boolean).join(' '),
      investigator: lead?.displayName ?? null,
      allegations: chosen.map((a) => {
        const track = factsOf(a).track;
        return {
          description: a.description,
          standards: a.standards.map((s) => STANDARD_LABELS.get(s) ?? s),
          severity: track.severity,
          iopcMode: track.iopcMode,
        };
      }),
      service: { method: serviceRules[input.method], givenOn: input.givenOn, deemedServedOn: deemed.on },
      representations: { workingDays: period.amount, dueOn },
      wording,
    });
    const id = randomUUID();
    const dated = formatDate(today);
    await insertCaseLetter(tx, {
      forceId: theCase.forceId,
      id,
      caseId: theCase.id,
      subjectId: subject.id,
      hearingId: null,
      kind: 'reg17_notice',
      writtenOn: today,
      subject: doc.subject,
      html: letterHtml(doc, dated),
      pdf: await letterPdf(doc, dated, `${forceName} – Professional Standards`),
      serviceMethod: input.method,
      givenOn: input.givenOn,
      deemedServedOn: deemed.on,
      representationsDueOn: dueOn,
      createdBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      {
        type: 'case.reg17_notice',
        caseId: theCase.id,
        letterId: id,
        subjectId: subject.id,
        method: input.method,
        givenOn: input.givenOn,
        deemedServedOn: deemed.on,
        representationsDueOn: dueOn,
      },
    );
    return {
      id,
      subjectId: subject.id,
      givenOn: input.givenOn,
      deemedServedOn: deemed.on,
      representationsDueOn: dueOn,
    };
  });
}
