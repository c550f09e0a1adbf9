import type { Command } from 'commander';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validation.ts';
import { systemActor } from '../kernel/audit/audit-events.ts';
import { isIsoDate } from '../kernel/time/iso-date.ts';
import { findForce } from '../features/organisation/forces.repository.ts';
import { openRandomReviews, randomReviewsInput } from '../features/vetting/reviews/open-random-reviews.ts';
import { openContext } from './context.ts';
import { ukToday } from '../kernel/time/dates.ts';

/**
 * `probity vetting random-reviews --force F --percent P [--seed N] [--today D]`: randomised re-vetting
 * (§4.5). Opens a 'random' review for a deterministic sample of the force's current workforce; the same
 * force, day and seed always choose the same people, so running it again opens nothing new. The `vetting`
 * group is shared: it is created here only if another feature has not created it already.
 */
export function registerRandomReviewCommands(program: Command): void {
  const vetting =
    program.commands.find((c) => c.name() === 'vetting') ?? program.command('vetting').description('vetting');
  vetting
    .command('random-reviews')
    .description('open random re-vetting reviews for a deterministic sample of a force’s current workforce')
    .requiredOption('--force <force>', 'force id')
    .requiredOption('--percent <percent>', 'percentage of the current workforce to sample (more than 0, at most 100)')
    .option('--seed <seed>', 'a whole number choosing the sample (default: the date, e.g. 20260327)')
    .option('--today <date>', 'the date to open the reviews on (YYYY-MM-DD; default today in the UK)')
    .action(randomReviewsCommand);
}

export async function randomReviewsCommand(o: {
  force: string;
  percent: string;
  seed?: string;
  today?: string;
}): Promise<void> {
  const input = parseInput(randomReviewsInput, { percent: o.percent, seed: o.seed }, 'Check the options');
  if (o.today !== undefined && !isIsoDate(o.today))
    throw new AppError('validation', `--today must be a real date as YYYY-MM-DD, not "${o.today}"`);
  const ctx = await openContext('probity vetting random-reviews');
  try {
    if (!(await findForce(ctx.deps.db, o.force))) throw new AppError('validation', `No force with the id "${o.force}"`);
    const on = o.today ?? ukToday(ctx.deps.now());
    const r = await openRandomReviews(ctx.deps, systemActor('probity vetting random-reviews', o.force), {
      forceId: o.force,
      percent: input.percent,
      seed: input.seed,
      on,
    });
    console.log(
      `Random reviews for ${o.force} on ${r.on}: ${r.sampled} of ${r.population} current people sampled (${r.percent}%, seed ${r.seed}); ${r.opened} reviews opened, ${r.sampled - r.opened} already open for this day.`,
    );
  } finally {
    await ctx.close();
  }
}
