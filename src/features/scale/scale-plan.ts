import { personTypeShares } from '../organisation/index.ts';
import { FORCE_HEADCOUNTS, type ForceHeadcount } from './force-headcounts.ts';
import { seedFrom } from './fast-rng.ts';

/**
 * How big the synthetic data is: which forces, how many people and cases each. Pure, so the sizes can be
 * tested without a database.
 *
 * - People: a force's officer headcount divided by the officers' share of the workforce the demo
 *   organisation uses (officers 55%, staff 38%, specials 4%, volunteers 3%, after the Home Office tables):
 *   the 43 forces' 127,381 officers give about 232,000 people.
 * - Cases: {@link CASES_PER_PERSON} conduct cases per person over {@link YEARS} years, about 970,000
 *   nationally (a force of 3,800 people gets about 15,800), each with about 2.5 allegations.
 */

export type Scale = 'force' | 'national';
export const SCALES: readonly Scale[] = ['force', 'national'];

export const YEARS = 10;
/** Conduct cases per person of the workforce over {@link YEARS} years. */
export const CASES_PER_PERSON = 4.2;
/** The force of `--scale force` when none is named: about 3,800 people and 15,800 cases. */
export const DEFAULT_FORCE = 'hertfordshire';
export const DEFAULT_SEED = 20240601;

const OFFICER_SHARE = personTypeShares.find((t) => t.value === 'officer')?.share ?? 0.55;

export type ForcePlan = { id: string; name: string; officers: number; people: number; cases: number; seed: number };
export type ScalePlan = { scale: Scale; seed: number; forces: ForcePlan[] };

export type ScaleOptions = {
  scale: Scale;
  seed?: number;
  /** `--scale force`: the force to generate (default {@link DEFAULT_FORCE}). */
  force?: string;
  /** Shrinks every force (0 < shrink ≤ 1), for smoke tests and the quick benchmark. */
  shrink?: number;
};

export class UnknownForceError extends Error {}

export function forcePlanOf(force: ForceHeadcount, seed: number, shrink = 1): ForcePlan {
  const people = Math.max(60, Math.round((force.officers / OFFICER_SHARE) * shrink));
  return {
    id: force.id,
    name: force.name,
    officers: force.officers,
    people,
    cases: Math.round(people * CASES_PER_PERSON),
    seed: seedFrom(seed, force.id),
  };
}

export function planScale(options: ScaleOptions): ScalePlan {
  const seed = options.seed ?? DEFAULT_SEED;
  const shrink = options.shrink ?? 1;
  if (!(shrink > 0 && shrink <= 1)) throw new RangeError(`shrink must be in (0, 1], not ${shrink}`);
  if (options.scale === 'national') {
    if (options.force)
      throw new UnknownForceError('--force applies to --scale force only: the national scale is every force');
    return { scale: 'national', seed, forces: FORCE_HEADCOUNTS.map((f) => forcePlanOf(f, seed, shrink)) };
  }
  const id = options.force ?? DEFAULT_FORCE;
  const force = FORCE_HEADCOUNTS.find((f) => f.id === id);
  if (!force)
    throw new UnknownForceError(
      `Unknown force "${id}". Choose one of: ${FORCE_HEADCOUNTS.map((f) => f.id).join(', ')}`,
    );
  return { scale: 'force', seed, forces: [forcePlanOf(force, seed, shrink)] };
}

export function totalsOf(plan: ScalePlan): { people: number; cases: number } {
  return plan.forces.reduce((t, f) => ({ people: t.people + f.people, cases: t.cases + f.cases }), {
    people: 0,
    cases: 0,
  });
}
