import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { computeDeadline, type PeriodKey } from '../../kernel/time/periods.ts';
import {
  endLiveVettingClocks,
  findLiveVettingClock,
  insertVettingClock,
  lockVettingClockKey,
  type VettingClockRow,
} from './vetting-clocks.repository.ts';

/**
 * Vetting's clocks (renewal due, review due, appeal window): the same period table and working-day calendar
 * as the case clocks, rows of the one clock store with owner kind 'vetting', read only through vetting's
 * need-to-know (vetting-deadline-list.repository.ts) so that only vetting roles ever see them. Run inside the
 * transaction of the change that starts or ends them; idempotent per (subject key, period) while live.
 */

export type VettingPeriod = Extract<PeriodKey, `vetting_${string}`>;

export async function startVettingClock(
  tx: Db,
  deps: Deps,
  input: { forceId: string; personId: string | null; subjectKey: string; period: VettingPeriod; startOn: IsoDate },
): Promise<{ id: string; dueOn: IsoDate; created: boolean }> {
  await lockVettingClockKey(tx, input.forceId, input.subjectKey, input.period);
  const live = await findLiveVettingClock(tx, input.forceId, input.subjectKey, input.period);
  if (live) return { id: live.id, dueOn: live.dueOn, created: false };
  const dueOn = computeDeadline(deps.config.rules.periods[input.period], input.startOn, deps.config.rules.calendar);
  const row = await insertVettingClock(tx, {
    forceId: input.forceId,
    personId: input.personId,
    subjectKey: input.subjectKey,
    period: input.period,
    startedOn: input.startOn,
    dueOn,
  });
  return { id: row.id, dueOn, created: true };
}

/** The due date a vetting period would give, without starting a clock (for forms and previews). */
export function vettingDeadline(deps: Deps, period: VettingPeriod, startOn: IsoDate): IsoDate {
  return computeDeadline(deps.config.rules.periods[period], startOn, deps.config.rules.calendar);
}

export async function meetVettingClocks(
  tx: Db,
  input: { forceId: string; subjectKey: string; period?: VettingPeriod; on: IsoDate },
): Promise<VettingClockRow[]> {
  return endLiveVettingClocks(tx, { ...input, state: 'met' });
}

export async function cancelVettingClocks(
  tx: Db,
  input: { forceId: string; subjectKey: string; period?: VettingPeriod; on: IsoDate },
): Promise<VettingClockRow[]> {
  return endLiveVettingClocks(tx, { ...input, state: 'cancelled' });
}
