import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import type { IsoDate } from '../../../kernel/time/dates.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import type { AuditActor } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { openReviewForTrigger } from './open-review-for-trigger.ts';
import { randomSample, seedForDate } from './random-sample.ts';
import { currentPeopleOf } from './vetting-transfers.repository.ts';
import { ukToday } from '../../../kernel/time/dates.ts';

export const randomReviewsInput = z.object({
  percent: z.preprocess(
    blank,
    z.coerce
      .number({ message: 'Enter the percentage of the workforce to sample' })
      .gt(0, 'The percentage must be more than 0')
      .max(100, 'The percentage must be 100 or less'),
  ),
  seed: z.preprocess(
    blank,
    z.coerce
      .number({ message: 'The seed must be a whole number' })
      .int('The seed must be a whole number')
      .min(0, 'The seed must be 0 or more')
      .max(2 ** 32 - 1)
      .optional(),
  ),
});

export type RandomReviewsResult = {
  on: IsoDate;
  percent: number;
  seed: number;
  population: number;
  sampled: number;
  opened: number;
};

/**
 * Randomised re-vetting (§4.5 (College of Policing vetting guidance)): opens a 'random' review, keyed `random:<date>`, for a deterministic
 * sample of the force's current workforce. The seed defaults to the date, so running it again on the same
 * day (from the page or the command) samples the same people and opens nothing new. One transaction.
 */
export async function openRandomReviews(
  deps: Deps,
  actor: AuditActor,
  input: { forceId: string; percent: number; seed?: number | undefined; on: IsoDate },
): Promise<RandomReviewsResult> {
  const seed = input.seed ?? seedForDate(input.on);
  return deps.db.transaction(async (tx) => {
    const population = await currentPeopleOf(tx, input.forceId);
    const sample = randomSample(population, input.percent, seed);
    let opened = 0;
    for (const personId of sample) {
      const review = await openReviewForTrigger(tx, deps, {
        forceId: input.forceId,
        personId,
        trigger: 'random',
        sourceKey: `random:${input.on}`,
        openedOn: input.on,
        actor,
      });
      if (review.created) opened += 1;
    }
    await recordAudit(
      tx,
      actor,
      { type: 'vetting_random_reviews', id: input.on },
      {
        type: 'vetting.random_reviews_opened',
        on: input.on,
        percent: input.percent,
        seed,
        sampled: sample.length,
        opened,
      },
    );
    return {
      on: input.on,
      percent: input.percent,
      seed,
      population: population.length,
      sampled: sample.length,
      opened,
    };
  });
}

/** The vetting officer's button: today's sample of their own force. */
export async function openRandomReviewsFor(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
): Promise<RandomReviewsResult> {
  authorize(principal, 'vetting.decide', 'page');
  const input = parseInput(randomReviewsInput, raw, 'Check the sample');
  return openRandomReviews(deps, actorOf(principal, requestId), {
    forceId: principal.forceId,
    percent: input.percent,
    seed: input.seed,
    on: ukToday(deps.now()),
  });
}
