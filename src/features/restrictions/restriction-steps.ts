import { randomUUID } from 'node:crypto';
import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound, staleVersion, type FieldErrors } from '../../kernel/errors.ts';
import { formatDate, type IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findVisibleCase, type CaseRow } from '../misconduct/index.ts';
import { openReviewForTrigger } from '../vetting/index.ts';
import {
  closeRestrictionClocks,
  endRestrictionClocks,
  startNoticeClock,
  startReviewClock,
} from './restriction-clocks.ts';
import {
  nextReviewDue,
  noticeClockStart,
  noticeDue,
  noticePeriodOf,
  storedSuspensionTests,
  type DecisionContent,
} from './restriction-rules.ts';
import {
  findRestrictionForUpdate,
  findVisibleRestrictionCase,
  insertDecision,
  insertRestriction,
  updateRestriction,
  type RestrictionRow,
} from './restrictions.repository.ts';

/**
 * The steps the restriction use cases share, run inside their transaction: find and lock a restriction
 * through the case scope, check a decision's dates, put a restriction in force (row, decision, clocks, the
 * vetting trigger), lift one and replace one.
 */

export type Decision = DecisionContent & { rationale: string; decidedOn: IsoDate; startsOn: IsoDate };

type Ctx = { deps: Deps; principal: Principal; actor: AuditActor; theCase: CaseRow };

/** Throws a validation error with these field messages, if there are any. */
export function failIf(fields: FieldErrors, message = 'Check the details of the decision'): void {
  if (Object.keys(fields).length > 0) throw new AppError('validation', message, fields);
}

/** The date rules every decision to restrict shares; `prefix` keys the fields of a change made within a review. */
export function decisionDateErrors(
  d: Decision,
  theCase: CaseRow,
  today: IsoDate,
  prefix = '',
  notBefore?: { on: IsoDate; what: string },
): FieldErrors {
  const fields: FieldErrors = {};
  const key = (k: string) => `${prefix}${k}`;
  if (d.decidedOn > today) fields[key('decidedOn')] = 'The decision date cannot be in the future';
  else if (d.decidedOn < theCase.cameToAttentionOn)
    fields[key('decidedOn')] =
      `The decision cannot be before the matter came to the appropriate authority’s attention (${formatDate(theCase.cameToAttentionOn)})`;
  else if (notBefore && d.decidedOn < notBefore.on)
    fields[key('decidedOn')] = `The decision cannot be before ${notBefore.what} (${formatDate(notBefore.on)})`;
  if (d.startsOn < d.decidedOn) fields[key('startsOn')] = 'The restriction cannot start before it was decided';
  if (d.noticeGivenOn && d.noticeGivenOn > today)
    fields[key('noticeGivenOn')] = 'The date the officer was told cannot be in the future';
  else if (d.noticeGivenOn && d.noticeGivenOn < d.decidedOn)
    fields[key('noticeGivenOn')] = 'The officer cannot have been told before the decision';
  return fields;
}

/**
 * Locks the case (through the need-to-know scope) and then the restriction. Refused and missing look the
 * same; a stale version is a 409; a restriction no longer in force cannot be decided on again.
 */
export async function lockRestriction(
  tx: Db,
  principal: Principal,
  input: { restrictionId: string; caseId?: string | undefined; version: number },
) {
  const caseId = await findVisibleRestrictionCase(tx, principal, input.restrictionId);
  if (!caseId || (input.caseId && input.caseId !== caseId)) throw notFound('restriction');
  const theCase = await findVisibleCase(tx, principal, caseId, true);
  if (!theCase) throw notFound('restriction');
  const row = await findRestrictionForUpdate(tx, principal.forceId, caseId, input.restrictionId);
  if (!row) throw notFound('restriction');
  if (row.version !== input.version) throw staleVersion();
  if (row.status !== 'in_force')
    throw new AppError('invalid_state', 'This restriction is no longer in force: there is nothing to decide on it.');
  return { theCase, row };
}

/** Puts a restriction in force: the row, its first decision, its notice and review clocks, and the vetting trigger. */
export async function putInForce(
  tx: Db,
  ctx: Ctx,
  subject: { id: string; personId: string },
  d: Decision,
  decisionKind: 'imposed' | 'changed',
  id: string = randomUUID(),
) {
  const { deps, principal, theCase } = ctx;
  const rules = deps.config.rules;
  const written = d.noticeMethod === 'written' ? (d.noticeGivenOn ?? null) : null;
  const noticeStart = noticeClockStart(d);
  const nextReviewDueOn = nextReviewDue(rules, d.kind, d.decidedOn);
  const row = await insertRestriction(tx, {
    forceId: theCase.forceId,
    id,
    caseId: theCase.id,
    subjectId: subject.id,
    personId: subject.personId,
    kind: d.kind,
    status: 'in_force',
    optionsConsidered: d.options.map((o) => ({ option: o.option, considered: o.considered, reason: o.reason.trim() })),
    suspensionTests: storedSuspensionTests(d),
    conditions: d.conditions.trim(),
    rationale: d.rationale.trim(),
    decisionMakerUserId: principal.userId,
    decidedOn: d.decidedOn,
    startsOn: d.startsOn,
    noticeMethod: d.noticeMethod ?? null,
    noticeGivenOn: d.noticeGivenOn ?? null,
    writtenNoticeOn: written,
    noticeDueOn: noticeDue(rules, d.kind, noticeStart),
    nextReviewDueOn,
  });
  await insertDecision(tx, {
    forceId: theCase.forceId,
    restrictionId: row.id,
    kind: decisionKind,
    decidedOn: d.decidedOn,
    decisionMakerUserId: principal.userId,
    reasons: d.rationale.trim(),
    nextReviewDueOn,
  });
  const scope = {
    deps,
    actor: ctx.actor,
    theCase,
    subjectId: subject.id,
    restrictionId: row.id,
    ownerUserId: principal.userId,
  };
  await startNoticeClock(tx, scope, d.kind, noticeStart);
  if (written) await endRestrictionClocks(tx, scope, [noticePeriodOf(d.kind)], 'met', written);
  await startReviewClock(tx, scope, d.kind, d.decidedOn, 1);
  await openReviewForTrigger(tx, deps, {
    forceId: theCase.forceId,
    personId: subject.personId,
    trigger: 'restriction_imposed',
    sourceKey: `restriction:${row.id}`,
    caseId: theCase.id,
    openedOn: d.decidedOn,
    actor: ctx.actor,
  });
  return row;
}

/** Lifts an in-force restriction: the decision, the row, and every live clock of it cancelled. */
export async function liftRestrictionRow(
  tx: Db,
  ctx: Ctx,
  row: RestrictionRow,
  lift: { decidedOn: IsoDate; endsOn: IsoDate; reasons: string },
): Promise<number> {
  await insertDecision(tx, {
    forceId: row.forceId,
    restrictionId: row.id,
    kind: 'lifted',
    decidedOn: lift.decidedOn,
    decisionMakerUserId: ctx.principal.userId,
    reasons: lift.reasons.trim(),
  });
  const version = await updateRestriction(tx, row, { status: 'lifted', endsOn: lift.endsOn, nextReviewDueOn: null });
  await closeRestrictionClocks(tx, { actor: ctx.actor, theCase: ctx.theCase, restrictionId: row.id }, lift.decidedOn);
  await recordAudit(
    tx,
    ctx.actor,
    { type: 'restriction', id: row.id, personId: row.personId },
    {
      type: 'restriction.lifted',
      restrictionId: row.id,
      caseId: row.caseId,
      subjectId: row.subjectId,
      kind: row.kind,
      endsOn: lift.endsOn,
    },
  );
  return version;
}

/** Replaces an in-force restriction with a new one (a change: a full decision with reasons). */
export async function replaceRestrictionRow(
  tx: Db,
  ctx: Ctx,
  row: RestrictionRow,
  d: Decision,
): Promise<RestrictionRow> {
  const newId = randomUUID();
  await updateRestriction(tx, row, {
    status: 'replaced',
    endsOn: d.startsOn,
    replacedById: newId,
    nextReviewDueOn: null,
  });
  await closeRestrictionClocks(tx, { actor: ctx.actor, theCase: ctx.theCase, restrictionId: row.id }, d.decidedOn);
  const created = await putInForce(tx, ctx, { id: row.subjectId, personId: row.personId }, d, 'changed', newId);
  await recordAudit(
    tx,
    ctx.actor,
    { type: 'restriction', id: created.id, personId: row.personId },
    {
      type: 'restriction.changed',
      restrictionId: created.id,
      replacedId: row.id,
      caseId: row.caseId,
      subjectId: row.subjectId,
      fromKind: row.kind,
      kind: created.kind,
      startsOn: created.startsOn,
    },
  );
  return created;
}
