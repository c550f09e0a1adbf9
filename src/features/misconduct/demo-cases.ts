import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { demoSubjectCandidates } from './demo-cases.repository.ts';
import { contextFor } from './demo/action-choice.ts';
import { specCases } from './demo/case-specs.ts';
import { makeRng, toDay } from './demo/days-and-chance.ts';
import { loadCase } from './demo/replay.ts';
import { accountOf } from '../auth/index.ts';
import { assignTargets, type Memos } from './demo/state-coverage.ts';
import { planAllegation } from './demo/track-planner.ts';
import { ALLEGATION_STATUSES } from './rules/allegation-types.ts';

/**
 * Demo conduct cases for the demo force: a plausible spread of sources, categories, subjects and outcomes
 * (uk-domain.md §6.1: most allegations end with no case to answer or no further action, a minority reach
 * meetings or hearings, dismissals are few and mostly for sexual, discriminatory or dishonest conduct).
 *
 * Everything goes through the real use cases (openCase, allocateCase, progressAllegation,
 * recordSubjectLeft) as the force's appropriate authority — and, on allocated cases, investigation steps
 * as the lead investigator — so every row is valid and audited. Each allegation's track is planned first
 * in memory with the workflow itself (`allowedActions` then `transition`), choosing among the allowed
 * actions with realistic weights and dating each step after the one before; a handful of allegations are
 * steered towards a given state so that every state appears. A refusal when the plan is replayed is a bug
 * here and is thrown. One seeded Faker makes every choice: the same seed and day give the same cases.
 */

export type DemoCasesOptions = { forceId: string; cases: number; seed: number; today: IsoDate };
export type DemoCasesSummary = { cases: number; allegations: number; byState: Record<string, number> };

/**
 * Loads `cases` demo conduct cases into the force, as its appropriate authority (aa@<force>.example) with
 * about 70% allocated to investigator@<force>.example. Needs the demo organisation and accounts.
 */
export async function seedDemoCases(deps: Deps, options: DemoCasesOptions): Promise<DemoCasesSummary> {
  const rng = makeRng(options.seed);
  const today = toDay(options.today);
  const aa = await accountOf(deps, `aa@${options.forceId}.example`);
  const investigator = await accountOf(deps, `investigator@${options.forceId}.example`);
  const pool = await demoSubjectCandidates(deps.db, options.forceId);

  const specs = specCases(rng, pool, options.cases, today);
  const memos: Memos = new Map();
  assignTargets(rng, memos, specs, today);
  const byState: Record<string, number> = Object.fromEntries(ALLEGATION_STATUSES.map((s) => [s, 0]));
  let allegations = 0;
  for (const spec of specs) {
    spec.plans = spec.subjects.map((subject, i) =>
      planAllegation(rng, memos, spec.day, today, contextFor(spec.day, subject), spec.profile, spec.targets[i] ?? null),
    );
    for (const plan of spec.plans) {
      byState[plan.final] = (byState[plan.final] ?? 0) + 1;
      allegations++;
    }
  }
  for (const spec of specs) await loadCase(deps, spec, aa, investigator);
  return { cases: specs.length, allegations, byState };
}
