import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { startClock } from '../clocks/index.ts';
import { regimeOf } from '../misconduct/index.ts';
import type { CaseRow } from '../misconduct/index.ts';
import { noticePeriodOf, reviewPeriodOf, type RestrictionKind } from './restriction-rules.ts';
import { endClock, lockLiveRestrictionClocks } from './restrictions.repository.ts';

/**
 * A restriction's clocks, in the case clocks table (so they appear in the deadline lists and are swept):
 * caseId = the case, allegationId null, subjectId = the subject, restrictionId = the restriction (a subject
 * may have several restrictions in force at once, each with its own clocks); the review clock's sequence is
 * the review's number. Started through clocks/start-clock.ts (idempotent, audited). They are ended here by
 * RESTRICTION: start-clock's stopClocks ends every subject's clocks of a period in the case, which would end
 * another subject's (or another restriction's) clocks too.
 */

type Scope = {
  deps: Deps;
  actor: AuditActor;
  theCase: CaseRow;
  subjectId: string;
  restrictionId: string;
  ownerUserId: string;
};

export async function startNoticeClock(tx: Db, s: Scope, kind: RestrictionKind, startOn: IsoDate) {
  return startClock(tx, s.deps, {
    forceId: s.theCase.forceId,
    caseId: s.theCase.id,
    allegationId: null,
    subjectId: s.subjectId,
    restrictionId: s.restrictionId,
    period: noticePeriodOf(kind),
    startOn,
    regimeVersion: regimeOf(s.theCase),
    ownerUserId: s.ownerUserId,
    actor: s.actor,
  });
}

/** Starts the review clock numbered `sequence` (1 for the first review after the decision). */
export async function startReviewClock(tx: Db, s: Scope, kind: RestrictionKind, startOn: IsoDate, sequence: number) {
  return startClock(tx, s.deps, {
    forceId: s.theCase.forceId,
    caseId: s.theCase.id,
    allegationId: null,
    subjectId: s.subjectId,
    restrictionId: s.restrictionId,
    period: reviewPeriodOf(kind),
    startOn,
    regimeVersion: regimeOf(s.theCase),
    ownerUserId: s.ownerUserId,
    actor: s.actor,
    sequence,
  });
}

/** Meets (or cancels) the live clocks of the restriction of these periods; returns how many. */
export async function endRestrictionClocks(
  tx: Db,
  s: Pick<Scope, 'actor' | 'theCase' | 'restrictionId'>,
  periods: readonly string[],
  state: 'met' | 'cancelled',
  on: IsoDate,
): Promise<number> {
  const live = await lockLiveRestrictionClocks(tx, s.theCase.forceId, s.theCase.id, s.restrictionId, periods);
  for (const clock of live) {
    await endClock(tx, clock.forceId, clock.id, state, on);
    const common = {
      clockId: clock.id,
      caseId: clock.caseId,
      period: clock.period,
      sequence: clock.sequence,
      dueOn: clock.dueOn,
    };
    await recordAudit(
      tx,
      s.actor,
      { type: 'clock', id: clock.id },
      state === 'met' ? { type: 'clock.met', ...common, metOn: on } : { type: 'clock.cancelled', ...common },
    );
  }
  return live.length;
}

/** Every period a restriction of any kind may have a clock for. */
export const ALL_RESTRICTION_PERIODS = [
  'suspension_notice_written',
  'restriction_notice',
  'suspension_review',
  'restriction_review',
] as const;

/**
 * Ends a restriction's clocks when it stops being in force (lifted or replaced): a notice already due is met
 * only by the notice itself, so it is cancelled; the review clock is cancelled (nothing is left to review).
 */
export async function closeRestrictionClocks(
  tx: Db,
  s: Pick<Scope, 'actor' | 'theCase' | 'restrictionId'>,
  on: IsoDate,
): Promise<number> {
  return endRestrictionClocks(tx, s, ALL_RESTRICTION_PERIODS, 'cancelled', on);
}
