import { initialAllegationState } from '../rules/allegation-workflow.ts';
import type { AllegationContext, AllegationState } from '../rules/allegation-types.ts';
import { validCandidates, contextFor, type Profile } from './action-choice.ts';
import type { Rng } from './days-and-chance.ts';

/*
 * Left to the weights, the rarer states (an appeal pending, an accelerated hearing, a referral to vetting)
 * may not appear at all, so a handful of allegations are steered: each target goes to one allegation whose
 * track can reach it, searched in memory over the same candidates the chooser uses.
 */

type Goal = (s: AllegationState) => boolean;

/** Reachability answers, shared by every allegation with the same context, profile class and goal. */
export type Memos = Map<string, Map<string, boolean>>;

export function memoFor(memos: Memos, ctx: AllegationContext, p: Profile, goalName: string): Map<string, boolean> {
  const key = [
    ctx.regime,
    ctx.subject,
    ctx.finalWrittenWarningInForce,
    ctx.multipleUnconnectedIncidents,
    ctx.personType,
    ctx.lowerRankExists,
    ctx.alreadyReducedInRank,
    p.gravity,
    p.criteria !== null,
    goalName,
  ].join('|');
  const known = memos.get(key);
  if (known) return known;
  const memo = new Map<string, boolean>();
  memos.set(key, memo);
  return memo;
}

/** Whether some sequence of candidate actions leads from `s` to a state meeting `goal` within `depth` steps. */
export function canReach(
  s: AllegationState,
  ctx: AllegationContext,
  p: Profile,
  goal: Goal,
  depth: number,
  memo: Map<string, boolean>,
): boolean {
  if (goal(s)) return true;
  if (depth <= 0) return false;
  const key = `${depth}:${JSON.stringify(s)}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, false);
  const found = validCandidates(s, ctx, p).some((c) => canReach(c.next, ctx, p, goal, depth - 1, memo));
  memo.set(key, found);
  return found;
}

/** A state to steer one allegation to, then stop there, carry on freely, or have the subject resign. */
export type Target = {
  name: string;
  goal: Goal;
  then: 'stop' | 'continue' | 'resign';
  ages: readonly [number, number];
};

const TARGETS: Target[] = [
  ...(
    [
      ['referred_to_vetting', [20, 400]],
      ['received', [0, 20]],
      ['appeal_pending', [350, 1100]],
      ['finding_recorded', [320, 1100]],
      ['withdrawn', [280, 1100]],
      ['hearing_scheduled', [300, 1000]],
      ['meeting_scheduled', [250, 900]],
      ['accelerated_hearing_scheduled', [60, 600]],
      ['case_to_answer_gross_misconduct', [220, 800]],
      ['case_to_answer_misconduct', [220, 800]],
      ['no_case_to_answer', [220, 800]],
      ['report_submitted', [200, 700]],
      ['rprp', [60, 500]],
      ['under_investigation', [60, 700]],
      ['referred_to_iopc', [10, 120]],
      ['assessed_gross_misconduct', [15, 150]],
      ['assessed_misconduct', [15, 150]],
      ['assessed_pri', [15, 150]],
      ['assessed_no_case', [15, 150]],
      ['closed', [30, 1100]],
    ] as const
  ).map(([status, ages]): Target => ({ name: status, goal: (s) => s.status === status, then: 'stop', ages })),
  { name: 'dismissal', goal: (s) => s.sanction === 'dismissal_without_notice', then: 'continue', ages: [320, 1100] },
  {
    name: 'resignation',
    goal: (s) => s.status === 'under_investigation' && s.reg17NoticeServed,
    then: 'resign',
    ages: [80, 900],
  },
];

/** How many steps a steered track may take to reach its target. */
export const STEER_DEPTH = 16;

/** A case as far as steering goes: its first allegation may carry a target. */
type Steerable = { day: number; profile: Profile; targets: (Target | null)[] };

/** Gives each target to the first allegation of a different case, of a fitting age, whose track can reach it. */
export function assignTargets(rng: Rng, memos: Memos, specs: Steerable[], today: number): void {
  for (const target of TARGETS) {
    const reachable = specs.filter((c) => {
      const ctx = contextFor(c.day);
      return (
        c.targets[0] === null &&
        canReach(
          initialAllegationState(),
          ctx,
          c.profile,
          target.goal,
          STEER_DEPTH,
          memoFor(memos, ctx, c.profile, target.name),
        )
      );
    });
    const [lo, hi] = target.ages;
    const fits = reachable.filter((c) => today - c.day >= lo && today - c.day <= hi);
    const distance = (c: Steerable) => Math.max(lo - (today - c.day), today - c.day - hi, 0);
    const chosen = fits.length > 0 ? rng.pick(fits) : [...reachable].sort((a, b) => distance(a) - distance(b))[0];
    if (chosen) chosen.targets[0] = target;
  }
}
