import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { restrictionKinds, restrictionStatuses } from '../../db/schema/index.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { addCalendarDays } from '../../kernel/time/working-days.ts';
import { listRestrictions } from './restriction-lists.repository.ts';
import { restrictionsInForceByType } from './restriction-reports.ts';
import { durationDays } from './restriction-rules.ts';
import { subjectFlags } from './subject-flags.ts';
import { ukToday } from '../../kernel/time/dates.ts';

/** How far ahead the "reviews due" list looks, so a review is prepared before its day (a screen choice, not a rule). */
export const REVIEW_LOOKAHEAD_DAYS = 7;

/**
 * The appropriate authority's lists, over the cases the user may see: subjects flagged (serious, not
 * suspended, no current senior rationale), reviews due soon or overdue, and every restriction in force by
 * type with its duration. An audited read.
 */
export async function authorityLists(deps: Deps, principal: Principal | null, requestId: string | null) {
  authorize(principal, 'restriction.read');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const flagged = (await subjectFlags(tx, deps, { principal }, today)).filter((s) => s.flag.flagged);
    const reviewsDue = await listRestrictions(tx, principal, {
      reviewDueBy: addCalendarDays(today, REVIEW_LOOKAHEAD_DAYS),
    });
    const inForce = (await listRestrictions(tx, principal, { status: 'in_force' })).map((r) => ({
      ...r,
      days: durationDays(r.starts_on, today),
      started: r.starts_on <= today,
    }));
    const stats = await restrictionsInForceByType({ db: tx }, { principal }, today);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'restriction', id: 'lists' },
      {
        type: 'restriction.listed',
        view: 'authority_lists',
        resultCount: flagged.length + reviewsDue.length + inForce.length,
      },
    );
    return { today, flagged, reviewsDue, inForce, stats };
  });
}

export const restrictionListQuery = z.object({
  status: z
    .enum([...restrictionStatuses, 'all'], { message: 'Choose in_force, lifted, replaced or all' })
    .default('in_force'),
  kind: z.enum(restrictionKinds, { message: 'Choose one of the kinds of restriction' }).optional(),
  flagged: z.enum(['true', 'false'], { message: 'Use true or false' }).optional(),
});

/** Restrictions on cases the user may see, filtered by status, kind and whether the subject is flagged. */
export async function listRestrictionsFor(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'restriction.read');
  const query = parseInput(restrictionListQuery, raw, 'Check the filters');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const flags = new Map((await subjectFlags(tx, deps, { principal }, today)).map((s) => [s.subjectId, s.flag]));
    const rows = await listRestrictions(tx, principal, {
      status: query.status === 'all' ? undefined : query.status,
      kind: query.kind,
    });
    const items = rows
      .map((r) => ({ ...r, flag: flags.get(r.subject_id)?.state ?? 'not_applicable' }))
      .filter((r) => query.flagged === undefined || (r.flag === 'flagged') === (query.flagged === 'true'));
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'restriction', id: 'list' },
      { type: 'restriction.listed', view: 'api', resultCount: items.length },
    );
    return { today, items };
  });
}

/** Subjects flagged now, on cases the user may see (with or without a restriction short of suspension). */
export async function listFlaggedFor(deps: Deps, principal: Principal | null, requestId: string | null) {
  authorize(principal, 'restriction.read');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const flagged = (await subjectFlags(tx, deps, { principal }, today)).filter((s) => s.flag.flagged);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'restriction', id: 'flagged' },
      { type: 'restriction.listed', view: 'flagged', resultCount: flagged.length },
    );
    return { today, flagged };
  });
}
