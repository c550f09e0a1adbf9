import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { formatDate, type IsoDate, ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findSubjectForUpdate, findVisibleCase, type CaseRow } from '../misconduct/index.ts';
import { rationaleInput, type RationaleInput } from './restriction-input.ts';
import { rationaleValidUntil } from './restriction-rules.ts';
import { currentRankOfPerson, insertRationale } from './restrictions.repository.ts';
import { seniorRationaleRefusal } from './senior-rationale-rules.ts';
import { subjectFlags } from './subject-flags.ts';

/**
 * A senior decision maker's reasons why a measure short of suspension is enough for a flagged subject,
 * recorded by someone other than the person who imposed the subject's restriction, of at least the configured
 * rank (senior-rationale-rules.ts; `integrity.seniorRationale`).
 * It answers the flag until the subject's restriction is next reviewed (or, with none in force, for the
 * restriction review period), after which the flag returns until the next rationale.
 */
export async function recordSeniorRationale(
  deps: Deps,
  principal: Principal | null,
  raw: RationaleInput,
  requestId: string | null,
) {
  authorize(principal, 'restriction.seniorRationale', 'case');
  const input = parseInput(rationaleInput, raw, 'Check the senior rationale');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    const subject = await findSubjectForUpdate(tx, principal.forceId, theCase.id, input.subjectId);
    if (!subject) throw notFound('subject');
    const decidedOn = input.decidedOn ?? today;
    if (decidedOn > today)
      throw new AppError('validation', 'Check the senior rationale', {
        decidedOn: 'The decision date cannot be in the future',
      });
    return addRationale(
      tx,
      { deps, principal, actor: actorOf(principal, requestId), theCase },
      {
        subjectId: subject.id,
        personId: subject.personId,
        decidedOn,
        rationale: input.rationale,
        today,
        field: 'rationale',
      },
    );
  });
}

type Ctx = { deps: Deps; principal: Principal; actor: AuditActor; theCase: CaseRow };

/**
 * Records a rationale for a subject the flag applies to (a serious matter, not suspended), valid to the
 * first next review of the subject's restrictions in force. Refuses one that would answer nothing: the subject
 * is not flagged, is suspended, it predates the latest trigger, or it would already have expired (a review is
 * overdue); and one recorded by the person who imposed a restriction in force on the subject, or by someone
 * below the configured rank (no linked person record counts as no rank). Refusals write nothing (400).
 */
export async function addRationale(
  tx: Db,
  ctx: Ctx,
  a: { subjectId: string; personId: string; decidedOn: IsoDate; rationale: string; today: IsoDate; field: string },
): Promise<{ id: string; validUntil: IsoDate }> {
  const flags = await subjectFlags(tx, ctx.deps, { principal: ctx.principal }, a.today, { caseId: ctx.theCase.id });
  const flag = flags.find((f) => f.subjectId === a.subjectId);
  const refuse = (message: string) => new AppError('validation', 'Check the senior rationale', { [a.field]: message });
  if (!flag || flag.flag.state === 'not_applicable')
    throw refuse(
      'This subject is not flagged: there is no serious allegation with a gross misconduct assessment, arrest or charge that a rationale could answer',
    );
  if (flag.flag.state === 'suspended') throw refuse('This subject is suspended: the flag does not apply');
  const who = seniorRationaleRefusal(ctx.deps.config.rules.integrity.seniorRationale, {
    recorderUserId: ctx.principal.userId,
    recorderRank: await currentRankOfPerson(tx, ctx.principal.forceId, ctx.principal.personId, a.today),
    inForce: flag.inForce,
  });
  if (who) throw refuse(who);
  const trigger = flag.flag.latestTriggerOn;
  if (trigger && a.decidedOn < trigger)
    throw refuse(
      `The rationale must be decided on or after ${formatDate(trigger)}, the latest arrest, charge or gross misconduct assessment`,
    );
  const validUntil = rationaleValidUntil(
    ctx.deps.config.rules,
    a.decidedOn,
    flag.inForce.map((r) => r.nextReviewDueOn),
  );
  if (validUntil <= a.today) {
    throw refuse(
      flag.inForce.length > 0
        ? `The restriction’s review was due on ${formatDate(validUntil)}: review it first (a review can renew the rationale)`
        : `A rationale decided on ${formatDate(a.decidedOn)} would have lapsed on ${formatDate(validUntil)}`,
    );
  }
  const row = await insertRationale(tx, {
    forceId: ctx.theCase.forceId,
    caseId: ctx.theCase.id,
    subjectId: a.subjectId,
    rationale: a.rationale.trim(),
    decidedOn: a.decidedOn,
    validUntil,
    decisionMakerUserId: ctx.principal.userId,
  });
  await recordAudit(
    tx,
    ctx.actor,
    { type: 'restriction_rationale', id: row.id, personId: a.personId },
    {
      type: 'restriction.rationale_recorded',
      rationaleId: row.id,
      caseId: ctx.theCase.id,
      subjectId: a.subjectId,
      decidedOn: a.decidedOn,
      validUntil,
    },
  );
  return { id: row.id, validUntil };
}
