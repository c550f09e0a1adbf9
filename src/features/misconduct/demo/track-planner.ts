import type { AllegationActionInput } from '../allegation-action-input.ts';
import { initialAllegationState, transition } from '../rules/allegation-workflow.ts';
import type { AllegationContext, AllegationStatus } from '../rules/allegation-types.ts';
import { validCandidates, type Profile } from './action-choice.ts';
import { gapFor, hearingGapFor, inputOf, type Flags } from './action-inputs.ts';
import { toWorkflowAction } from '../allegation-action-input.ts';
import { toIso, type Rng } from './days-and-chance.ts';
import { STEER_DEPTH, canReach, memoFor, type Memos, type Target } from './state-coverage.ts';

// Each allegation's track is planned in memory before anything is written, so the dates can be settled
// (squeezed before today, hearings dated once the finding's day is known) and the replay only has to follow.

type ActStep = { kind: 'act'; day: number; input: AllegationActionInput; expect: AllegationStatus; hearingGap: number };
type LeftStep = { kind: 'left'; day: number; how: 'resigned' | 'retired' };
type Step = ActStep | LeftStep;
export type Plan = { steps: Step[]; final: AllegationStatus };

/** Chance the track simply waits in a state (decision pending, investigation dragging on). */
const WAIT: Partial<Record<AllegationStatus, number>> = {
  received: 0.01,
  assessed_no_case: 0.1,
  assessed_pri: 0.08,
  assessed_misconduct: 0.05,
  assessed_gross_misconduct: 0.05,
  referred_to_vetting: 0.35,
  referred_to_iopc: 0.06,
  under_investigation: 0.08,
  report_submitted: 0.05,
  no_case_to_answer: 0.08,
  case_to_answer_misconduct: 0.05,
  case_to_answer_gross_misconduct: 0.05,
  rprp: 0.1,
  meeting_scheduled: 0.05,
  hearing_scheduled: 0.05,
  accelerated_hearing_scheduled: 0.05,
  finding_recorded: 0.08,
  appeal_pending: 0.08,
  withdrawn: 0.15,
};

/** Spreads the steps dated after `today` back over the time since the matter came to attention. */
function compress(steps: Step[], start: number, today: number): void {
  const last = steps[steps.length - 1]?.day ?? start;
  if (last <= today) return;
  for (const step of steps) step.day = start + Math.floor(((step.day - start) * (today - start)) / (last - start));
}

/**
 * Walks one allegation's track from 'received': at each step the workflow's allowed actions, weighted;
 * it stops when the next step would fall after today, or by chance (the matter is waiting). A target
 * steers the walk until it is met (its steps squeezed into the time available if need be).
 */
export function planAllegation(
  rng: Rng,
  memos: Memos,
  start: number,
  today: number,
  baseCtx: AllegationContext,
  p: Profile,
  target: Target | null,
): Plan {
  let s = initialAllegationState();
  let ctx = baseCtx;
  let flags: Flags = { fww: false, multi: false };
  let day = start;
  let hearingGap = 0;
  let steering = target;
  const memo = target ? memoFor(memos, baseCtx, p, target.name) : new Map<string, boolean>();
  const steps: Step[] = [];
  const leave = (how: 'resigned' | 'retired', on: number) => {
    steps.push({ kind: 'left', day: on, how });
    day = on;
    ctx = { ...ctx, subject: 'former' };
  };
  for (let n = 0; n < 40; n++) {
    if (steering && steering.goal(s)) {
      compress(steps, start, today);
      day = steps[steps.length - 1]?.day ?? start;
      const then = steering.then;
      steering = null;
      if (then === 'stop') break;
      if (then === 'resign') leave('resigned', Math.min(today, day + rng.between([7, 60])));
      continue;
    }
    if (s.status === 'closed') break;
    if (!steering) {
      if (rng.chance(WAIT[s.status] ?? 0)) break;
      if (ctx.subject === 'serving' && s.status === 'under_investigation' && s.reg17NoticeServed && rng.chance(0.03)) {
        const on = day + rng.between([7, 60]);
        if (on > today) break;
        leave(rng.chance(0.8) ? 'resigned' : 'retired', on);
      }
    }
    let options = validCandidates(s, ctx, p);
    const goal = steering?.goal;
    if (goal) options = options.filter((c) => canReach(c.next, ctx, p, goal, STEER_DEPTH - 1 - n, memo));
    if (options.length === 0) {
      if (steering) throw new Error(`demo cases: cannot steer an allegation from ${s.status} to ${steering.name}`);
      break;
    }
    const chosen = rng.weighted(options, (c) => c.weight).action;
    if (
      !steering &&
      chosen.type === 'assess_severity' &&
      s.status === 'received' &&
      (chosen.severity === 'misconduct' || chosen.severity === 'gross_misconduct')
    ) {
      flags = { fww: rng.chance(0.04), multi: rng.chance(0.04) };
    }
    const gap = gapFor(chosen, s, p, rng, hearingGap);
    if (!steering && day + gap > today) break;
    const input = inputOf(chosen, rng, p, ctx, flags);
    const result = transition(s, toWorkflowAction(input), ctx);
    if (!result.ok)
      throw new Error(
        `demo cases: the chooser picked ${chosen.type} from ${s.status}, which the workflow refuses: ${result.reason}`,
      );
    if (
      chosen.type === 'schedule_meeting' ||
      chosen.type === 'schedule_hearing' ||
      chosen.type === 'schedule_accelerated_hearing'
    ) {
      hearingGap = hearingGapFor(chosen, rng);
    }
    day += gap;
    steps.push({ kind: 'act', day, input, expect: result.next.status, hearingGap });
    s = result.next;
    ctx = { ...ctx, finalWrittenWarningInForce: flags.fww, multipleUnconnectedIncidents: flags.multi };
  }
  if (steering) throw new Error(`demo cases: an allegation did not reach ${steering.name}`);
  compress(steps, start, today);
  datePlan(steps);
  return { steps, final: s.status };
}

/** Now the days are final: the date of each meeting or hearing, and of each regulation 17 notice. */
function datePlan(steps: Step[]): void {
  steps.forEach((step, i) => {
    if (step.kind !== 'act') return;
    const next = steps[i + 1];
    const heldOn = next?.kind === 'act' && next.input.type === 'record_finding' ? next.day : step.day + step.hearingGap;
    const input = step.input;
    if (
      input.type === 'schedule_meeting' ||
      input.type === 'schedule_hearing' ||
      input.type === 'schedule_accelerated_hearing'
    )
      input.date = toIso(heldOn);
    if (input.type === 'serve_reg17_notice') input.servedOn = toIso(step.day);
  });
}
