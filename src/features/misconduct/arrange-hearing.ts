import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { isoDateString, parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { hearingForms, panelRoles } from '../../db/schema/index.ts';
import { allegationsOf, findVisibleCase } from './cases.repository.ts';
import { regimeOf } from './case-context.ts';
import {
  allegationsAlreadyHeard,
  findHearingForUpdate,
  hearingsOfCase,
  insertHearing,
  updateHearing,
} from './hearings.repository.ts';
import { caseLettersOf } from './letters/case-letters.repository.ts';
import { panelRefusals, panelRequirement } from './rules/hearing-panel.ts';

/** States in which an allegation waits for (or is set down for) a meeting or hearing. */
export const HEARABLE = new Set([
  'case_to_answer_misconduct',
  'case_to_answer_gross_misconduct',
  'meeting_scheduled',
  'hearing_scheduled',
  'accelerated_hearing_scheduled',
]);

export const arrangeHearingInput = z.object({
  caseId: z.string().uuid(),
  form: z.enum(hearingForms, { message: 'Choose a meeting, a hearing or an accelerated hearing' }),
  heldOn: isoDateString('Enter the date in the format 2027-01-25'),
  venue: z.string().trim().min(3, 'Enter the venue').max(300),
  inPublic: z.coerce.boolean(),
  panel: z
    .array(z.object({ role: z.enum(panelRoles), name: z.string().trim().max(200) }))
    .max(10)
    .default([]),
  allegationIds: z.array(z.string().uuid()).min(1, 'Choose the allegations it hears').max(200),
});

/**
 * Arranges one meeting or hearing for one or several allegations of a case (the ten officers may share one),
 * as the appropriate authority (Conduct Regs 2020 reg 23, reg 30). The allegations must be waiting for
 * proceedings and not already on another sitting; the panel must have the roles the regime requires
 * (rules/hearing-panel.ts). Audited.
 */
export async function arrangeHearing(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'allegation.decide', 'case');
  const input = parseInput(arrangeHearingInput, raw, 'Check the details of the hearing');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    const ids = [...new Set(input.allegationIds)];
    const ofCase = new Map((await allegationsOf(tx, theCase.forceId, theCase.id)).map((a) => [a.id, a]));
    if (ids.some((id) => !ofCase.has(id)))
      throw new AppError('validation', 'Check the allegations', { allegationIds: 'Choose allegations of this case' });
    if (ids.some((id) => !HEARABLE.has(ofCase.get(id)?.state ?? '')))
      throw new AppError('validation', 'Check the allegations', {
        allegationIds: 'Choose only allegations with a case to answer, waiting for a meeting or hearing',
      });
    if ((await allegationsAlreadyHeard(tx, theCase.forceId, ids)).length)
      throw new AppError('validation', 'Check the allegations', {
        allegationIds: 'An allegation you chose is already on another meeting or hearing',
      });
    if (input.heldOn < theCase.cameToAttentionOn)
      throw new AppError('validation', 'Check the date', {
        heldOn: 'The date cannot be before the matter came to attention',
      });
    const missing = panelRefusals(panelRequirement(input.form, regimeOf(theCase)), input.panel);
    if (Object.keys(missing).length) throw new AppError('validation', 'Check the panel', missing);
    const row = await insertHearing(
      tx,
      {
        forceId: theCase.forceId,
        caseId: theCase.id,
        form: input.form,
        heldOn: input.heldOn,
        venue: input.venue,
        inPublic: input.inPublic,
        panel: input.panel.filter((m) => m.name),
        createdBy: principal.userId,
      },
      ids,
    );
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'hearing.arranged', caseId: theCase.id, hearingId: row.id, heldOn: row.heldOn, allegations: ids.length },
    );
    return { id: row.id, version: row.version };
  });
}

export const adjournHearingInput = z.object({
  caseId: z.string().uuid(),
  hearingId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  to: isoDateString('Enter the new date in the format 2027-02-25'),
  reason: z.string().trim().min(5, 'Say why it is adjourned, in at least 5 characters').max(2000),
});

/** Adjourns a sitting to a later day, with the reason (version-checked, audited). */
export async function adjournHearing(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'allegation.decide', 'case');
  const input = parseInput(adjournHearingInput, raw, 'Check the adjournment');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    const row = await findHearingForUpdate(tx, theCase.forceId, theCase.id, input.hearingId);
    if (!row) throw notFound('hearing');
    if (row.version !== input.version) throw staleVersion();
    if (input.to <= row.heldOn)
      throw new AppError('validation', 'Check the date', { to: `The new date must be after ${row.heldOn}` });
    const adjournments = [
      ...(Array.isArray(row.adjournments) ? (row.adjournments as unknown[]) : []),
      {
        from: row.heldOn,
        to: input.to,
        reason: input.reason,
        byUserId: principal.userId,
        recordedOn: ukToday(deps.now()),
      },
    ];
    await updateHearing(tx, row, { heldOn: input.to, adjournments });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      {
        type: 'hearing.adjourned',
        caseId: theCase.id,
        hearingId: row.id,
        from: row.heldOn,
        to: input.to,
        reason: input.reason,
      },
    );
    return { id: row.id, version: row.version + 1, heldOn: input.to };
  });
}

/** The sittings of a case the user may see, and the letters written about them; the read is audited with the case's (case.viewed by the page). */
export async function listHearings(deps: Deps, principal: Principal | null, caseId: string, requestId: string | null) {
  authorize(principal, 'case.read', 'case');
  if (!z.string().uuid().safeParse(caseId).success) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('case');
    const rows = await hearingsOfCase(tx, theCase.forceId, theCase.id);
    const letters = await caseLettersOf(tx, theCase.forceId, theCase.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'hearing.listed', caseId: theCase.id, count: rows.length },
    );
    return { theCase, hearings: rows, letters };
  });
}
