import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import type { vettingDecisions } from '../../../db/schema/index.ts';
import { type IsoDate } from '../../../kernel/time/dates.ts';
import { givenRationale, RATIONALE_PARTS, type ItemRationale } from './decision-rules.ts';
import { insertDecision } from './decisions.repository.ts';
import { vettingDeadline } from '../vetting-clocks.ts';
import { type VettingFileRef } from '../file/vetting-file.ts';
import { resolveAdverseItems } from '../file/vetting-file.repository.ts';

/**
 * Deciding a vetting file (§4.4): an application (grant, grant with conditions, refuse, discontinue) or a
 * review (maintain, maintain with conditions, withdraw). Both take the same written parts with one limit, the
 * same structured rationale per adverse item, and save the decision and resolve the file's items the same way.
 * What they share is here; the two use cases are decide-application.ts and decide-review.ts.
 */

/** One limit for every written part of a decision, on an application or a review. */
const LONG_TEXT = 10_000;
export const text = z.string().trim().max(LONG_TEXT, 'Keep this to 10,000 characters or fewer');
const rationaleParts = z.object(
  Object.fromEntries(RATIONALE_PARTS.map((p) => [p, text.optional()])) as Record<
    (typeof RATIONALE_PARTS)[number],
    z.ZodOptional<typeof text>
  >,
);
/** The structured rationale for each adverse item, by item id: { relevance, riskAssessment, mitigation, reason }. */
export const itemRationales = z.record(z.string().uuid(), rationaleParts).default({});

/**
 * What a decision can lead to differs between the files, and is named here: a refused application opens the
 * force's appeal window (`vetting_appeal`); a clearance withdrawn on review opens the officer's or member of
 * staff's own window (`vetting_withdrawal_appeal`, Police (Vetting) Regulations 2025 Part 3), on the day of
 * the decision.
 */
const APPEAL_PERIODS: Readonly<Record<string, 'vetting_appeal' | 'vetting_withdrawal_appeal'>> = {
  refuse: 'vetting_appeal',
  withdraw: 'vetting_withdrawal_appeal',
};

export function appealWindowEnd(deps: Deps, outcome: string, decidedOn: IsoDate): IsoDate | null {
  const period = APPEAL_PERIODS[outcome];
  return period ? vettingDeadline(deps, period, decidedOn) : null;
}

/** The rationale given for each of the items, by item id (null where none was given). */
export function rationalesOf(
  itemIds: readonly string[],
  given: Readonly<Record<string, Partial<ItemRationale>>>,
): Map<string, Partial<ItemRationale> | null> {
  return new Map(itemIds.map((id) => [id, givenRationale(given[id])] as const));
}

/**
 * What both decisions write the same way, in the caller's transaction: the decision row with its record,
 * keyed by the file, and every unresolved adverse item of the file resolved by it with its rationale.
 */
export async function saveDecision(
  tx: Db,
  file: VettingFileRef,
  row: Omit<typeof vettingDecisions.$inferInsert, 'applicationId' | 'reviewId'> & { id: string; forceId: string },
  rationales: ReadonlyMap<string, Partial<ItemRationale> | null>,
): Promise<void> {
  await insertDecision(tx, {
    ...row,
    ...(file.kind === 'application' ? { applicationId: file.id } : { reviewId: file.id }),
  });
  await resolveAdverseItems(tx, row.forceId, file, row.id, rationales);
}
