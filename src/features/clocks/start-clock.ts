import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { systemActor, type AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import type { RegimeVersion } from '../../kernel/time/regime.ts';
import {
  findActiveClock,
  insertClock,
  insertClockEvent,
  lockActiveClocksOfCase,
  lockClockKey,
  updateClock,
} from './clocks.repository.ts';
import { parseIsoDate } from '../../kernel/time/iso-date.ts';
import { computeDeadline, type PeriodKey } from '../../kernel/time/periods.ts';

/**
 * Starting, meeting and cancelling statutory clocks. These run INSIDE the transaction of the change that
 * triggers them (an allegation moving on, a case closing), so a clock exists exactly when its cause was
 * committed, and each records its audit event in that same transaction (convention 5). Without an
 * `actor` the event is attributed to the system ("clocks").
 */

export type StartClockInput = {
  forceId: string;
  caseId: string;
  allegationId: string | null;
  subjectId: string | null;
  period: PeriodKey;
  startOn: IsoDate;
  regimeVersion: RegimeVersion;
  ownerUserId: string | null;
  /** Replaces the period's configured amount for this clock (a final written warning's length, reg 62(4)). */
  amount?: number;
  /** For repeating clocks (the six-monthly reports to the PCC); 1 otherwise. */
  sequence?: number;
  /** The restriction a notice or review clock belongs to (a subject may have several in force at once). */
  restrictionId?: string | null;
  actor?: AuditActor;
};

export type StartedClock = { id: string; dueOn: IsoDate; created: boolean };

/**
 * Starts a clock whose due date is computed from the configured period and the working-day calendar.
 *
 * - Returns null when the period does not apply to the case's regime (e.g. a reflective-practice limit on
 *   a 2012-regime case): the reference gives no limit there, so there is nothing to count.
 * - Idempotent: while a clock with the same (force, case, allegation, subject, period, sequence, restriction) is live
 *   (running, due or overdue), the existing one is returned with `created: false` and nothing changes,
 *   even when two transactions start it at once (they are ordered by an advisory lock on the key).
 */
export async function startClock(tx: Db, deps: Deps, input: StartClockInput): Promise<StartedClock | null> {
  const period = deps.config.rules.periods[input.period];
  if (!period.regimes.includes(input.regimeVersion)) return null;
  parseIsoDate(input.startOn);
  const sequence = input.sequence ?? 1;
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`A clock's sequence starts at 1, not ${sequence}`);
  const key = {
    forceId: input.forceId,
    caseId: input.caseId,
    allegationId: input.allegationId,
    subjectId: input.subjectId,
    period: input.period,
    sequence,
    restrictionId: input.restrictionId ?? null,
  };
  await lockClockKey(tx, key);
  const existing = await findActiveClock(tx, key);
  if (existing) return { id: existing.id, dueOn: existing.dueOn, created: false };
  const dueOn = computeDeadline(
    input.amount === undefined ? period : { ...period, amount: input.amount },
    input.startOn,
    deps.config.rules.calendar,
  );
  const row = await insertClock(tx, {
    ...key,
    regimeVersion: input.regimeVersion,
    startedOn: input.startOn,
    dueOn,
    ownerUserId: input.ownerUserId,
    state: 'running',
  });
  await recordAudit(
    tx,
    input.actor ?? systemActor('clocks', input.forceId),
    { type: 'clock', id: row.id },
    {
      type: 'clock.started',
      clockId: row.id,
      caseId: input.caseId,
      period: input.period,
      sequence,
      startedOn: input.startOn,
      dueOn,
    },
  );
  return { id: row.id, dueOn, created: true };
}

export type StopClocksInput = {
  forceId: string;
  caseId: string;
  /** Exactly this allegation's clocks; null means the case-level clocks (no allegation), such as the PCC reports. */
  allegationId: string | null;
  period: PeriodKey;
  metOn: IsoDate;
  actor?: AuditActor;
  /**
   * 'met' (default): the step it counts down to was taken. 'superseded': a later step made it moot (the
   * officer's statement window once the report is in), with `reason` in words; recorded on the case timeline.
   */
  outcome?: 'met' | 'superseded';
  reason?: string;
  /** Who took the step (the timeline's byline); null for the system. */
  actorUserId?: string | null;
};

/**
 * Marks the live clocks of one period as met or superseded (the step was taken on `metOn`). Returns how many
 * were stopped. A superseded clock also gets a timeline entry (clock_events) with the reason.
 */
export async function stopClocks(tx: Db, input: StopClocksInput): Promise<number> {
  parseIsoDate(input.metOn);
  const live = await lockActiveClocksOfCase(tx, {
    forceId: input.forceId,
    caseId: input.caseId,
    allegationId: input.allegationId,
    period: input.period,
  });
  const superseded = input.outcome === 'superseded';
  for (const clock of live) {
    if (superseded) {
      const reason = input.reason ?? 'a later step made it moot';
      await updateClock(tx, clock.forceId, clock.id, { state: 'superseded', metOn: input.metOn, endedReason: reason });
      await insertClockEvent(tx, {
        forceId: clock.forceId,
        caseId: clock.caseId,
        clockId: clock.id,
        kind: 'superseded',
        reason,
        previousDueOn: clock.dueOn,
        actorUserId: input.actorUserId ?? null,
        occurredOn: input.metOn,
      });
    } else await updateClock(tx, clock.forceId, clock.id, { state: 'met', metOn: input.metOn });
    await recordAudit(
      tx,
      input.actor ?? systemActor('clocks', input.forceId),
      { type: 'clock', id: clock.id },
      {
        type: superseded ? 'clock.superseded' : 'clock.met',
        clockId: clock.id,
        caseId: clock.caseId,
        period: clock.period,
        sequence: clock.sequence,
        dueOn: clock.dueOn,
        metOn: input.metOn,
      },
    );
  }
  return live.length;
}

/**
 * Cancels the live clocks of a case (all of them, or only the given periods — a closed case keeps running
 * its barred-list return, for one): nothing cancelled can fall due any more. Clocks already met keep their
 * history. Returns how many were cancelled.
 */
export async function cancelCaseClocks(
  tx: Db,
  input: { forceId: string; caseId: string; actor?: AuditActor; periods?: readonly PeriodKey[] },
): Promise<number> {
  const all = await lockActiveClocksOfCase(tx, { forceId: input.forceId, caseId: input.caseId });
  const live = input.periods ? all.filter((c) => (input.periods as readonly string[]).includes(c.period)) : all;
  for (const clock of live) {
    await updateClock(tx, clock.forceId, clock.id, { state: 'cancelled' });
    await recordAudit(
      tx,
      input.actor ?? systemActor('clocks', input.forceId),
      { type: 'clock', id: clock.id },
      {
        type: 'clock.cancelled',
        clockId: clock.id,
        caseId: clock.caseId,
        period: clock.period,
        sequence: clock.sequence,
        dueOn: clock.dueOn,
      },
    );
  }
  return live.length;
}
