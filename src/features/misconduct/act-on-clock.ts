import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday, type IsoDate } from '../../kernel/time/dates.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { isoDateString, parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, can, type Principal } from '../../kernel/access/principal.ts';
import type { AuditEvent } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { clockActionRule, LIST_RETURN_PERIODS } from './clock-action-rules.ts';
import { insertClockEvent, updateClock, type ClockRow } from '../clocks/index.ts';
import { lockClockOfVisibleCase, markListReturnSent } from './case-deadlines.repository.ts';
import { toDayNumber } from '../../kernel/time/iso-date.ts';
import { isPeriodKey } from '../clocks/index.ts';
import { addCalendarDays } from '../../kernel/time/working-days.ts';

const reason = (what: string) =>
  z.string().trim().min(5, `Say ${what}, in at least 5 characters`).max(2000, 'Keep the reason to 2,000 characters');

export const clockActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('extend'),
    newDueOn: isoDateString('Enter the new due date in the format 2026-03-27'),
    reason: reason('why the time limit is extended and on whose decision'),
  }),
  z.object({ action: z.literal('pause'), reason: reason('why the time limit is paused') }),
  z.object({ action: z.literal('resume'), reason: z.string().trim().max(2000).default('') }),
  z.object({ action: z.literal('stop'), reason: reason('why the time limit no longer applies') }),
  z.object({
    action: z.literal('mark_met'),
    metOn: isoDateString('Enter the date it was done in the format 2026-03-27').optional(),
    reason: z.string().trim().max(2000).default(''),
  }),
]);
export type ClockActionInput = z.input<typeof clockActionInput>;

const ids = z.object({ caseId: z.string().uuid(), clockId: z.string().uuid() });

export type ClockActionResult = { clockId: string; state: string; dueOn: IsoDate; listReturnId: string | null };

/**
 * Extends, pauses, resumes, stops or marks done one clock of a case (issue 17), as the role the law gives the
 * decision (clock-action-rules.ts). The clock is locked, the action checked against its period and state,
 * and the change, a timeline entry (clock_events, with the reason and the due dates) and the audit event are
 * written in one transaction. A case the user may not see, or a clock not of that case, is 404.
 */
export async function actOnClock(
  deps: Deps,
  principal: Principal | null,
  raw: { caseId: unknown; clockId: unknown; body: unknown },
  requestId: string | null,
): Promise<ClockActionResult> {
  authorize(principal, 'case.read', 'case');
  const key = ids.safeParse({ caseId: raw.caseId, clockId: raw.clockId });
  if (!key.success) throw notFound('clock');
  const input = parseInput(clockActionInput, raw.body, 'Check the details of the time limit');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const clock = await lockClockOfVisibleCase(tx, principal, key.data.caseId, key.data.clockId);
    if (!clock) throw notFound('clock');
    const period = isPeriodKey(clock.period) ? clock.period : null;
    const rule = clockActionRule(input.action, { period, state: clock.state });
    if (!rule.ok) throw new AppError('invalid_state', rule.reason);
    // The role the law gives the decision: without it the clock is not the user's to change (404, as elsewhere).
    if (!can(principal, rule.ability)) throw notFound('clock');
    const actor = actorOf(principal, requestId);
    const common = { clockId: clock.id, caseId: clock.caseId, period: clock.period };
    const event = (kind: 'extended' | 'paused' | 'resumed' | 'stopped' | 'met', r: string, newDueOn: IsoDate | null) =>
      insertClockEvent(tx, {
        forceId: clock.forceId,
        caseId: clock.caseId,
        clockId: clock.id,
        kind,
        reason: r,
        previousDueOn: clock.dueOn,
        newDueOn,
        actorUserId: principal.userId,
        occurredOn: today,
      });
    const audit = (e: AuditEvent) => recordAudit(tx, actor, { type: 'clock', id: clock.id }, e);
    let result: ClockActionResult = { clockId: clock.id, state: clock.state, dueOn: clock.dueOn, listReturnId: null };

    switch (input.action) {
      case 'extend': {
        if (input.newDueOn <= clock.dueOn)
          throw new AppError('validation', 'Check the new due date', {
            newDueOn: `The new due date must be after the current one, ${clock.dueOn}`,
          });
        // Swept again at the new date: the due and overdue notices are sent afresh.
        await updateClock(tx, clock.forceId, clock.id, {
          dueOn: input.newDueOn,
          state: 'running',
          dueNotifiedAt: null,
          overdueNotifiedAt: null,
        });
        await event('extended', input.reason, input.newDueOn);
        await audit({
          type: 'clock.extended',
          ...common,
          previousDueOn: clock.dueOn,
          dueOn: input.newDueOn,
          reason: input.reason,
        });
        result = { ...result, state: 'running', dueOn: input.newDueOn };
        break;
      }
      case 'pause': {
        await updateClock(tx, clock.forceId, clock.id, { state: 'paused', pausedOn: today });
        await event('paused', input.reason, null);
        await audit({ type: 'clock.held', ...common, on: today, dueOn: clock.dueOn, reason: input.reason });
        result = { ...result, state: 'paused' };
        break;
      }
      case 'resume': {
        // The days it was paused are added to its due date, as a sub judice pause's are (clocks/sub-judice.ts).
        const days = Math.max(0, toDayNumber(today) - toDayNumber(clock.pausedOn ?? today));
        const dueOn = addCalendarDays(clock.dueOn, days);
        await updateClock(tx, clock.forceId, clock.id, {
          state: 'running',
          pausedOn: null,
          dueOn,
          pausedDays: clock.pausedDays + days,
          dueNotifiedAt: null,
          overdueNotifiedAt: null,
        });
        await event('resumed', input.reason, dueOn);
        await audit({
          type: 'clock.resumed',
          ...common,
          on: today,
          previousDueOn: clock.dueOn,
          dueOn,
          pausedDays: days,
          reason: input.reason,
        });
        result = { ...result, state: 'running', dueOn };
        break;
      }
      case 'stop': {
        await updateClock(tx, clock.forceId, clock.id, { state: 'stopped', metOn: today, endedReason: input.reason });
        await event('stopped', input.reason, null);
        await audit({ type: 'clock.stopped', ...common, on: today, dueOn: clock.dueOn, reason: input.reason });
        result = { ...result, state: 'stopped' };
        break;
      }
      case 'mark_met': {
        const metOn = input.metOn ?? today;
        if (metOn > today)
          throw new AppError('validation', 'Check the date', { metOn: 'The date cannot be in the future' });
        if (metOn < clock.startedOn)
          throw new AppError('validation', 'Check the date', {
            metOn: `The date cannot be before the time limit started, ${clock.startedOn}`,
          });
        const listReturnId = await sendListReturn(tx, clock, metOn);
        await updateClock(tx, clock.forceId, clock.id, { state: 'met', metOn });
        await event('met', input.reason, null);
        await audit({
          type: 'clock.marked_met',
          ...common,
          dueOn: clock.dueOn,
          metOn,
          reason: input.reason,
          listReturnId,
        });
        result = { ...result, state: 'met', listReturnId };
        break;
      }
      default: {
        const unknown: never = input;
        throw new Error(`unknown clock action ${JSON.stringify(unknown)}`);
      }
    }
    return result;
  });
}

/** A list return's clock is met when the return is sent: the return records the day it was sent. */
async function sendListReturn(tx: Parameters<typeof markListReturnSent>[0], clock: ClockRow, on: IsoDate) {
  if (!isPeriodKey(clock.period) || !LIST_RETURN_PERIODS.has(clock.period)) return null;
  const list = clock.period === 'advisory_list_return' ? 'advisory' : 'barred';
  const kind = clock.period === 'barred_list_further_report' ? 'further' : 'initial';
  return markListReturnSent(tx, clock, list, kind, on);
}
