import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { complaintStatuses } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { AppError, notFound, type FieldErrors } from '../../kernel/errors.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import {
  closeComplaintClocks,
  findVisibleComplaint,
  insertComplaintClock,
  type ComplaintRow,
} from './complaints.repository.ts';
import { complaintDeadline, type ComplaintClock } from './rules/complaint-clocks.ts';

/** Steps shared by the complaint use cases (each runs inside the use case's one transaction). */

export type ComplaintStatus = (typeof complaintStatuses)[number];

export const statusLabels: Record<ComplaintStatus, string> = {
  logged: 'Logged, initial handling to decide',
  outside_schedule_3: 'Handled outside Schedule 3',
  recorded: 'Recorded under Schedule 3',
  referred: 'Referred to the IOPC, awaiting its decision',
  being_handled: 'Being handled',
  finalised: 'Finalised',
  withdrawn: 'Withdrawn',
};

/** The complaint the principal may see, locked for the change; a refusal is a 404. */
export async function lockComplaint(tx: Db, principal: Principal, id: string): Promise<ComplaintRow> {
  const row = await findVisibleComplaint(tx, principal, id, true);
  if (!row) throw notFound('complaint');
  return row;
}

export function requireStatus(row: ComplaintRow, allowed: readonly ComplaintStatus[], what: string): void {
  if (!allowed.includes(row.status))
    throw new AppError(
      'invalid_state',
      `You cannot ${what} now: the complaint is ${statusLabels[row.status].toLowerCase()}.`,
    );
}

/** One message per date field that is in the future or before `notBefore`; empty when all are fine. */
export function dateErrors(
  dates: Record<string, IsoDate | undefined>,
  today: IsoDate,
  notBefore?: { date: IsoDate; words: string },
): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(dates)) {
    if (!value) continue;
    if (value > today) errors[field] = 'The date cannot be in the future';
    else if (notBefore && value < notBefore.date) errors[field] = `The date cannot be before ${notBefore.words}`;
  }
  return errors;
}

export function failIf(errors: FieldErrors, message: string): void {
  if (Object.keys(errors).length) throw new AppError('validation', message, errors);
}

export type ClockContext = { tx: Db; deps: Deps; actor: AuditActor; complaint: ComplaintRow };

/** Starts a complaint clock from the configured period table and audits it. */
export async function startComplaintClock(
  ctx: ClockContext,
  period: ComplaintClock,
  startOn: IsoDate,
  dueOn: IsoDate = complaintDeadline(ctx.deps.config.rules.periods, period, startOn, ctx.deps.config.rules.calendar),
  sequence = 1,
) {
  const clock = await insertComplaintClock(ctx.tx, {
    forceId: ctx.complaint.forceId,
    complaintId: ctx.complaint.id,
    period,
    sequence,
    startedOn: startOn,
    dueOn,
  });
  await recordAudit(
    ctx.tx,
    ctx.actor,
    { type: 'complaint', id: ctx.complaint.id },
    { type: 'complaint.clock', complaintId: ctx.complaint.id, period, change: 'started', dueOn },
  );
  return clock;
}

/** Meets (on `metOn`) or cancels the running clocks of some periods, auditing each. */
export async function closeClocks(
  ctx: ClockContext,
  periods: readonly ComplaintClock[] | 'all',
  how: { state: 'met'; metOn: IsoDate } | { state: 'cancelled' },
) {
  const closed = await closeComplaintClocks(ctx.tx, ctx.complaint.forceId, ctx.complaint.id, periods, how);
  for (const clock of closed)
    await recordAudit(
      ctx.tx,
      ctx.actor,
      { type: 'complaint', id: ctx.complaint.id },
      {
        type: 'complaint.clock',
        complaintId: ctx.complaint.id,
        period: clock.period,
        change: how.state,
        dueOn: clock.dueOn,
      },
    );
  return closed;
}
