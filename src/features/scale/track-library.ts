import { toWorkflowAction, type AllegationActionInput } from '../misconduct/index.ts';
import type { Profile } from '../misconduct/index.ts';
import { GROUP_THEMES, THEMES, type Theme } from '../misconduct/index.ts';
import { makeRng, toDay } from '../misconduct/index.ts';
import type { Memos } from '../misconduct/index.ts';
import { planAllegation } from '../misconduct/index.ts';
import { initialAllegationState, onSubjectLeftDuringInvestigation, transition } from '../misconduct/index.ts';
import type { AllegationContext, AllegationState, AllegationStatus, WorkflowEffect } from '../misconduct/index.ts';
import { REGIME_VERSIONS, type RegimeVersion } from '../../kernel/time/regime.ts';

/*
 * Allegation tracks for the synthetic data, planned by the demo's own planner (which asks the workflow,
 * `allowedActions` then `transition`, at every step) and replayed through `transition` once more to keep
 * each step's resulting state and effects. Planning every one of two or three million allegations would
 * take minutes, so a library of tracks is planned per regime and theme, and each allegation takes one,
 * stretched in time and cut at today: every prefix of a valid track is a valid track, so an allegation
 * cut short simply waits in the state it reached.
 */

/** What a theme tells the generator: the demo's themes (single subjects) and group themes (many). */
export type ThemeSpec = Theme & { group: { size: readonly [number, number] } | null };

export const THEME_SPECS: readonly ThemeSpec[] = [
  ...THEMES.map((t) => ({ ...t, group: null })),
  ...GROUP_THEMES.map((g) => ({
    ...g,
    weight: 0,
    summaries: [g.summary],
    group: { size: g.size },
  })),
];

export type TrackFlags = { fww: boolean; multi: boolean };

export type ActStep = {
  kind: 'act';
  offset: number;
  input: AllegationActionInput;
  /** For a meeting or hearing being arranged: the day it sits, from the track's start. */
  hearingOffset: number | null;
  from: AllegationStatus;
  to: AllegationStatus;
  state: AllegationState;
  effects: readonly WorkflowEffect[];
  flags: TrackFlags;
};
export type LeftStep = {
  kind: 'left';
  offset: number;
  how: 'resigned' | 'retired';
  stateBefore: AllegationState;
  effects: readonly WorkflowEffect[];
};
export type TemplateStep = ActStep | LeftStep;
export type TrackTemplate = { steps: TemplateStep[]; final: AllegationStatus; hasLeft: boolean };
/** Tracks that ran to the end (closed) and tracks that stopped waiting in some state. */
export type TrackPool = {
  closed: TrackTemplate[];
  open: TrackTemplate[];
  closedNoLeft: TrackTemplate[];
  openNoLeft: TrackTemplate[];
};
export type TrackLibrary = { pool: (regime: RegimeVersion, theme: number) => TrackPool };

const PLAN_START = toDay('2000-01-01');
/** Far enough ahead that a planned track is never cut by "today": the cut is made per allegation. */
const PLAN_HORIZON = 6000;

export type LibrarySize = { closed: number; open: number };
export const DEFAULT_LIBRARY_SIZE: LibrarySize = { closed: 40, open: 14 };

export function profileOf(theme: ThemeSpec): Profile {
  return {
    gravity: theme.gravity,
    criteria: theme.criteria,
    inPublic: !/^sexual_conduct|abuse_of_position\.sexual/.test(theme.code),
  };
}

/** Replays a planned track through the workflow, keeping the state and effects after each step. */
function replay(plan: ReturnType<typeof planAllegation>, base: AllegationContext): TrackTemplate {
  let s = initialAllegationState();
  let ctx = base;
  let flags: TrackFlags = { fww: false, multi: false };
  const steps: TemplateStep[] = [];
  for (const step of plan.steps) {
    const offset = step.day - PLAN_START;
    if (step.kind === 'left') {
      steps.push({ kind: 'left', offset, how: step.how, stateBefore: s, effects: onSubjectLeftDuringInvestigation(s) });
      ctx = { ...ctx, subject: 'former' };
      continue;
    }
    const input = step.input;
    if (input.type === 'assess_severity')
      flags = { fww: input.finalWrittenWarningInForce, multi: input.multipleUnconnectedIncidents };
    const result = transition(s, toWorkflowAction(input), {
      ...ctx,
      finalWrittenWarningInForce: flags.fww,
      multipleUnconnectedIncidents: flags.multi,
    });
    if (!result.ok)
      throw new Error(`synthetic tracks: ${input.type} from ${s.status} refused on replay: ${result.reason}`);
    const dated =
      'date' in input && typeof input.date === 'string' && input.date !== '' ? toDay(input.date) - PLAN_START : null;
    steps.push({
      kind: 'act',
      offset,
      input,
      hearingOffset: dated,
      from: s.status,
      to: result.next.status,
      state: result.next,
      effects: result.effects,
      flags,
    });
    s = result.next;
  }
  return { steps, final: s.status, hasLeft: steps.some((x) => x.kind === 'left') };
}

/** Plans the library for one run. Deterministic for a seed; about a second of work. */
export function buildTrackLibrary(seed: number, size: LibrarySize = DEFAULT_LIBRARY_SIZE): TrackLibrary {
  const rng = makeRng(seed);
  const memos: Memos = new Map();
  const pools = new Map<string, TrackPool>();
  for (const regime of REGIME_VERSIONS) {
    const base: AllegationContext = {
      regime,
      subject: 'serving',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    };
    THEME_SPECS.forEach((theme, index) => {
      const pool: TrackPool = { closed: [], open: [], closedNoLeft: [], openNoLeft: [] };
      const profile = profileOf(theme);
      for (let attempt = 0; attempt < (size.closed + size.open) * 12; attempt++) {
        if (pool.closed.length >= size.closed && pool.open.length >= size.open) break;
        const template = replay(
          planAllegation(rng, memos, PLAN_START, PLAN_START + PLAN_HORIZON, base, profile, null),
          base,
        );
        const closed = template.final === 'closed';
        const target = closed ? pool.closed : pool.open;
        if (target.length >= (closed ? size.closed : size.open)) continue;
        target.push(template);
        if (!template.hasLeft) (closed ? pool.closedNoLeft : pool.openNoLeft).push(template);
      }
      if (pool.closed.length === 0)
        throw new Error(`synthetic tracks: no closed track for ${theme.code} under ${regime}`);
      pools.set(`${regime}|${index}`, pool);
    });
  }
  return {
    pool: (regime, theme) => {
      const found = pools.get(`${regime}|${theme}`);
      if (!found) throw new Error(`synthetic tracks: no pool for ${regime} theme ${theme}`);
      return found;
    },
  };
}
