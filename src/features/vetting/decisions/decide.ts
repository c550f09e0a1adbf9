import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.ts';
import type { Db } from '../../../db/client.ts';
import type { vettingDecisions } from '../../../db/schema/index.ts';
import { ukToday, type IsoDate } from '../../../lib/dates.ts';
import { AppError, staleVersion } from '../../../lib/errors.ts';
import { parseInput, blank } from '../../../lib/validation.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../access/principal.ts';
import { updateApplication } from '../applications/applications.repository.ts';
import { buildDecisionRecord, buildReviewDecisionRecord } from './decision-record.ts';
import {
  APPLICATION_OUTCOMES,
  checkDecision,
  givenRationale,
  isGrant,
  RATIONALE_PARTS,
  REVIEW_OUTCOMES,
  reviewDecisionProblems,
  type ItemRationale,
} from './decision-rules.ts';
import { forceName, insertDecision } from './decisions.repository.ts';
import { grantClearance } from '../clearances/grant-clearance.ts';
import { matchCounts } from '../lists/list-entries.repository.ts';
import { liveClearancesForUpdate, setClearanceConditions } from '../reviews/review-file.repository.ts';
import { lockOpenReview } from '../reviews/review-lock.ts';
import { withdrawClearances } from './review-withdrawal.ts';
import { meetVettingClocks, startVettingClock, vettingDeadline } from '../vetting-clocks.ts';
import { isoDate, type VettingFileRef } from '../file/vetting-file.ts';
import { resolveAdverseItems } from '../file/vetting-file.repository.ts';
import { updateReview } from '../reviews/vetting-reviews.repository.ts';
import { loadApplicationFile } from '../applications/view-application.ts';
import { reviewFile } from '../reviews/view-review.ts';

/**
 * Deciding a vetting file (§4.4): an application (grant, grant with conditions, refuse, discontinue) or a
 * review (maintain, maintain with conditions, withdraw). Both take the same written parts with one limit, the
 * same structured rationale per adverse item, and save the decision and resolve the file's items the same way.
 */

/** One limit for every written part of a decision, on an application or a review. */
const LONG_TEXT = 10_000;
const text = z.string().trim().max(LONG_TEXT, 'Keep this to 10,000 characters or fewer');
const rationaleParts = z.object(
  Object.fromEntries(RATIONALE_PARTS.map((p) => [p, text.optional()])) as Record<
    (typeof RATIONALE_PARTS)[number],
    z.ZodOptional<typeof text>
  >,
);
/** The structured rationale for each adverse item, by item id: { relevance, riskAssessment, mitigation, reason }. */
const itemRationales = z.record(z.string().uuid(), rationaleParts).default({});

/**
 * What a decision can lead to differs between the files, and is named here: the outcome that may be appealed
 * (a refused application; a clearance withdrawn on review, Police (Vetting) Regulations 2025 Part 3) opens the
 * appeal window (`vetting_appeal`) on the day of the decision.
 */
const APPEALABLE_OUTCOMES: readonly string[] = ['refuse', 'withdraw'];

function appealWindowEnd(deps: Deps, outcome: string, decidedOn: IsoDate): IsoDate | null {
  return APPEALABLE_OUTCOMES.includes(outcome) ? vettingDeadline(deps, 'vetting_appeal', decidedOn) : null;
}

/** The rationale given for each of the items, by item id (null where none was given). */
function rationalesOf(
  itemIds: readonly string[],
  given: Readonly<Record<string, Partial<ItemRationale>>>,
): Map<string, Partial<ItemRationale> | null> {
  return new Map(itemIds.map((id) => [id, givenRationale(given[id])] as const));
}

/**
 * What both decisions write the same way, in the caller's transaction: the decision row with its record,
 * keyed by the file, and every unresolved adverse item of the file resolved by it with its rationale.
 */
async function saveDecision(
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

export const decideApplicationInput = z.object({
  applicationId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  outcome: z.enum(APPLICATION_OUTCOMES, { message: 'Choose the decision' }),
  rationale: text.default(''),
  conditions: text.default(''),
  reasonsForApplicant: text.default(''),
  items: itemRationales,
});

const STATUS_AFTER = {
  grant: 'granted',
  grant_with_conditions: 'granted_with_conditions',
  refuse: 'refused',
  discontinue: 'discontinued',
} as const;

/**
 * Decides an application (§4.4) under THE rule of decision-rules.ts: no grant over adverse information
 * without a structured rationale for every item; conditions for a conditional grant; reasons (and what may
 * be told to the applicant) for a refusal; a reason for a discontinuance; nothing while a list match waits
 * for a human. A grant writes the clearance (when the applicant has a person record; otherwise when they
 * are linked to one); a refusal starts the appeal window. The Appendix K record is stored with it.
 */
export async function decideApplication(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof decideApplicationInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'application');
  const input = parseInput(decideApplicationInput, raw, 'Check the decision');
  return deps.db.transaction(async (tx) => {
    const file = await loadApplicationFile(tx, principal, input.applicationId, true);
    const { application } = file;
    if (application.version !== input.version) throw staleVersion();
    if (!file.state.decidable) throw new AppError('invalid_state', 'This application has already been decided');
    const counts = await matchCounts(tx, application.forceId, application.id);
    const verdict = checkDecision(
      {
        outcome: input.outcome,
        rationale: input.rationale,
        conditions: input.conditions,
        reasonsForApplicant: input.reasonsForApplicant,
        itemRationales: input.items,
      },
      {
        adverseItemIds: file.adverse.map((i) => i.id),
        pendingMatches: counts.pending,
        confirmedBarredMatches: counts.confirmedBarred,
        pendingChecks: file.checks.filter((c) => c.status === 'pending').length,
      },
    );
    if (!verdict.ok && verdict.kind === 'blocked') throw new AppError('invalid_state', verdict.message);
    if (!verdict.ok) throw new AppError('validation', 'The decision cannot be saved yet', verdict.fields);

    const decidedOn = ukToday(deps.now());
    const decisionId = randomUUID();
    const appealWindowEndsOn = appealWindowEnd(deps, input.outcome, decidedOn);
    const rationales = rationalesOf(
      file.adverse.map((i) => i.id),
      input.items,
    );
    const document = buildDecisionRecord({
      decisionId,
      force: await forceName(tx, application.forceId),
      application,
      checks: file.checks,
      adverse: file.adverse.map((i) => ({ ...i, rationale: rationales.get(i.id) ?? null })),
      matches: file.matches.map((m) => ({
        list: m.list,
        score: m.score,
        reasons: m.reasons,
        decision: m.decision,
        note: m.note,
        entryName: `${m.given_name} ${m.family_name}`,
      })),
      outcome: input.outcome,
      rationale: input.rationale,
      conditions: input.conditions,
      reasonsForApplicant: input.reasonsForApplicant,
      decisionMaker: { userId: principal.userId, name: principal.displayName },
      decidedOn,
      appealWindowEndsOn,
      appealPeriod: deps.config.rules.periods.vetting_appeal,
    });
    await saveDecision(
      tx,
      { kind: 'application', id: application.id },
      {
        id: decisionId,
        forceId: application.forceId,
        personId: application.personId,
        outcome: input.outcome,
        decidedOn,
        decisionMakerUserId: principal.userId,
        rationale: input.rationale,
        conditions: input.conditions,
        reasonsForApplicant: input.reasonsForApplicant,
        appealWindowEndsOn,
        document,
      },
      rationales,
    );
    await updateApplication(tx, application, { status: STATUS_AFTER[input.outcome] });
    const actor = actorOf(principal, requestId);
    const granted =
      isGrant(input.outcome) && application.personId
        ? await grantClearance(tx, deps, actor, {
            forceId: application.forceId,
            personId: application.personId,
            level: application.level,
            grantedOn: decidedOn,
            conditions: input.outcome === 'grant_with_conditions' ? input.conditions : '',
            source: 'decision',
            applicationId: application.id,
            decisionId,
          })
        : null;
    if (input.outcome === 'refuse') {
      await startVettingClock(tx, deps, {
        forceId: application.forceId,
        personId: application.personId,
        subjectKey: `decision:${decisionId}`,
        period: 'vetting_appeal',
        startOn: decidedOn,
      });
    }
    await recordAudit(
      tx,
      actor,
      { type: 'vetting_application', id: application.id, personId: application.personId },
      {
        type: 'vetting.application_decided',
        applicationId: application.id,
        decisionId,
        outcome: input.outcome,
        clearanceId: granted?.clearance.id ?? null,
        supersededClearanceIds: granted?.supersededIds ?? [],
        appealWindowEndsOn,
      },
    );
    return { decisionId, clearanceId: granted?.clearance.id ?? null, appealWindowEndsOn };
  });
}

export const decideReviewInput = z.object({
  reviewId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  outcome: z.enum(REVIEW_OUTCOMES, { message: 'Choose the outcome of the review' }),
  /** Required (the rules say so, alongside every other problem of the decision). */
  decidedOn: z.preprocess(blank, isoDate('the date of the decision').optional()),
  rationale: text.default(''),
  conditions: text.default(''),
  /** Needed for every unresolved item to keep a clearance. */
  items: itemRationales,
  // The withdrawal assessment (Police (Vetting) Regulations 2025, Part 3): needed when the outcome is withdraw.
  harmTestConsidered: z.boolean().default(false),
  withheldUnderHarmTest: text.default(''),
  officerInformedOn: z.preprocess(blank, isoDate('the date the officer was told').optional()),
  policeFriendOffered: z.boolean().default(false),
  policeFriend: z.string().trim().max(200, 'Keep this to 200 characters or fewer').default(''),
  reasonsForOfficer: text.default(''),
});

/**
 * Decides a review. One transaction: the decision row with its Appendix K-style record (document), every
 * unresolved adverse item resolved by it (with its rationale), the review completed and its clock met; to
 * keep with conditions, the conditions added to the person's live clearances; to withdraw, those
 * clearances withdrawn (ended, their renewal clocks cancelled) and the appeal window started on the
 * decision (`vetting_appeal` on `decision:<id>`; the appeal itself is the vetting core's generic appeal).
 */
export async function decideReview(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof decideReviewInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'review');
  const input = parseInput(decideReviewInput, raw, 'Check the decision');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, principal, input.reviewId, input.version);
    const file = await reviewFile(tx, review);
    const clearances = await liveClearancesForUpdate(tx, review.forceId, review.personId);
    const unresolved = file.adverseItems.filter((i) => !i.resolvedByDecisionId);
    const problems = reviewDecisionProblems(input, {
      today,
      openedOn: review.openedOn,
      status: review.status,
      unresolvedItemIds: unresolved.map((i) => i.id),
      liveClearances: clearances.length,
    });
    if (Object.keys(problems).length > 0) throw new AppError('validation', 'Check the decision', problems);
    const rationales = rationalesOf(
      unresolved.map((i) => i.id),
      input.items,
    );
    const withdrawing = input.outcome === 'withdraw';
    const decidedOn = input.decidedOn ?? today;
    const appealWindowEndsOn = appealWindowEnd(deps, input.outcome, decidedOn);
    const decision = { id: randomUUID() };
    await saveDecision(
      tx,
      { kind: 'review', id: review.id },
      {
        id: decision.id,
        forceId: review.forceId,
        personId: review.personId,
        outcome: input.outcome,
        decidedOn,
        decisionMakerUserId: principal.userId,
        rationale: input.rationale,
        conditions: input.outcome === 'maintain_with_conditions' ? input.conditions : '',
        reasonsForApplicant: withdrawing ? input.reasonsForOfficer : '',
        appealWindowEndsOn,
        document: buildReviewDecisionRecord({
          review,
          file,
          clearances,
          input: { ...input, decidedOn },
          rationales,
          decisionMaker: principal,
          appealWindowEndsOn,
        }),
      },
      rationales,
    );
    let withdrawn: string[] = [];
    if (withdrawing) {
      withdrawn = await withdrawClearances(tx, deps, {
        clearances,
        decisionId: decision.id,
        personId: review.personId,
        on: decidedOn,
      });
    } else if (input.outcome === 'maintain_with_conditions') {
      for (const c of clearances)
        await setClearanceConditions(tx, c, c.conditions ? `${c.conditions}\n${input.conditions}` : input.conditions);
    }
    await updateReview(tx, review, { status: 'completed' });
    await meetVettingClocks(tx, {
      forceId: review.forceId,
      subjectKey: `review:${review.id}`,
      period: 'vetting_review',
      on: decidedOn,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_review', id: review.id, personId: review.personId },
      {
        type: 'vetting.review_decided',
        reviewId: review.id,
        decisionId: decision.id,
        personId: review.personId,
        outcome: input.outcome,
        clearancesWithdrawn: withdrawn,
        appealWindowEndsOn,
      },
    );
    return { decisionId: decision.id, outcome: input.outcome, clearancesWithdrawn: withdrawn, appealWindowEndsOn };
  });
}
