import type { CalendarConfig } from '../clocks/bank-holidays.ts';
import { WINDOW_PERIODS, computeDeadline, type PeriodKey, type ResolvedPeriods } from '../clocks/periods.ts';
import { toDay } from '../misconduct/demo/days-and-chance.ts';
import { isoOf as toIso } from './day-text.ts';
import { initialAllegationState, onSubjectLeftDuringInvestigation } from '../misconduct/rules/allegation-workflow.ts';
import type { AllegationStatus } from '../misconduct/rules/allegation-types.ts';
import type { RegimeVersion } from '../clocks/regime.ts';
import type { FastRng } from './fast-rng.ts';
import type { TemplateStep } from './track-library.ts';

/*
 * What the use cases and the daily sweeper would have done to a case's clocks and list returns, worked
 * out in memory from its allegations' steps in date order: progress-allegation's effects (start, stop,
 * barred and advisory list returns, the one PCC report clock per case met when no allegation is still
 * under investigation), record-subject-left's advisory return, closing the case (its PCC clocks
 * cancelled), and the sweeper (due, overdue, windows elapsing, the next 6-monthly PCC report clock).
 * The last sweep ran yesterday: clocks due today are still running, for today's sweep to find.
 */

export type InstanceStep = { day: number; t: TemplateStep; done: string[] };
export type LedgerAllegation = { id: string; subjectId: string; subject: number; steps: InstanceStep[] };
export type LedgerCase = {
  ctaDay: number;
  regime: RegimeVersion;
  leadUserId: string | null;
  allegations: LedgerAllegation[];
  subjects: number;
};

export type ClockState = 'running' | 'due' | 'overdue' | 'met' | 'cancelled';
export type SyntheticClock = {
  id: string;
  allegationId: string | null;
  subjectId: string | null;
  period: PeriodKey;
  sequence: number;
  startedOn: number;
  dueOn: number;
  ownerUserId: string | null;
  state: ClockState;
  metOn: number | null;
  dueNotifiedOn: number | null;
  overdueNotifiedOn: number | null;
};
export type SyntheticReturn = {
  id: string;
  list: 'barred' | 'advisory';
  allegation: number;
  day: number;
  finding?: string | undefined;
  sanction?: string | undefined;
};
export type LedgerResult = {
  clocks: SyntheticClock[];
  returns: SyntheticReturn[];
  closedOn: number | null;
  leftOn: (number | null)[];
  statuses: AllegationStatus[];
};

export type ClockRules = { periods: ResolvedPeriods; calendar: CalendarConfig };

const PCC = new Set<PeriodKey>(['pcc_report_first', 'pcc_report_repeat']);
/** As progress-allegation.ts: states in which an allegation's investigation has not yet concluded (reg 19). */
const BEFORE_INVESTIGATION_ENDS = new Set<AllegationStatus>([
  'received',
  'assessed_misconduct',
  'assessed_gross_misconduct',
  'referred_to_iopc',
  'under_investigation',
]);
const LIVE = new Set<ClockState>(['running', 'due', 'overdue']);

/** Due dates are memoised: nationally there are millions of clocks but only thousands of (period, day) pairs. */
export function deadlineMemo(rules: ClockRules): (period: PeriodKey, startDay: number) => number {
  const memo = new Map<string, number>();
  return (period, startDay) => {
    const key = `${period}|${startDay}`;
    let due = memo.get(key);
    if (due === undefined) {
      due = toDay(computeDeadline(rules.periods[period], toIso(startDay), rules.calendar));
      memo.set(key, due);
    }
    return due;
  };
}

export function runLedger(
  c: LedgerCase,
  today: number,
  rules: ClockRules,
  dueOf: (p: PeriodKey, d: number) => number,
  rng: FastRng,
): LedgerResult {
  const clocks: SyntheticClock[] = [];
  const returns: SyntheticReturn[] = [];
  const statuses: AllegationStatus[] = c.allegations.map(() => 'received');
  const states = c.allegations.map(() => null as TemplateStep | null);
  const leftOn: (number | null)[] = Array.from({ length: c.subjects }, () => null);
  let closedOn: number | null = null;

  const start = (
    allegation: LedgerAllegation | null,
    period: PeriodKey,
    day: number,
    owner: string | null,
    sequence = 1,
  ): SyntheticClock | null => {
    if (!rules.periods[period].regimes.includes(c.regime)) return null;
    const allegationId = allegation?.id ?? null;
    const existing = clocks.find(
      (k) => LIVE.has(k.state) && k.allegationId === allegationId && k.period === period && k.sequence === sequence,
    );
    if (existing) return existing;
    const clock: SyntheticClock = {
      id: rng.uuid(),
      allegationId,
      subjectId: allegation?.subjectId ?? null,
      period,
      sequence,
      startedOn: day,
      dueOn: dueOf(period, day),
      ownerUserId: owner,
      state: 'running',
      metOn: null,
      dueNotifiedOn: null,
      overdueNotifiedOn: null,
    };
    clocks.push(clock);
    return clock;
  };
  const stop = (allegationId: string | null, period: PeriodKey, day: number) => {
    for (const k of clocks) {
      if (LIVE.has(k.state) && k.allegationId === allegationId && k.period === period) {
        k.state = 'met';
        k.metOn = day;
      }
    }
  };
  /** The sweeper's run on day `x` (and, since its conditions only grow, every run before it). */
  const sweep = (x: number) => {
    for (let changed = true; changed;) {
      changed = false;
      for (const k of clocks) {
        if (!LIVE.has(k.state)) continue;
        if (WINDOW_PERIODS.has(k.period)) {
          if (k.dueOn < x) Object.assign(k, { state: 'met', metOn: k.dueOn });
          continue;
        }
        if (k.state === 'running' && k.dueOn <= x) {
          Object.assign(k, { state: 'due', dueNotifiedOn: k.dueOn });
          if (PCC.has(k.period) && closedOn === null)
            start(null, 'pcc_report_repeat', k.dueOn, k.ownerUserId, k.sequence + 1);
          changed = true;
        }
        if (k.state === 'due' && k.dueOn < x) Object.assign(k, { state: 'overdue', overdueNotifiedOn: k.dueOn + 1 });
      }
    }
  };
  const listReturn = (
    list: 'barred' | 'advisory',
    a: number,
    day: number,
    extra: Partial<SyntheticReturn> = {},
  ): boolean => {
    const allegation = c.allegations[a] as LedgerAllegation;
    if (returns.some((r) => r.list === list && c.allegations[r.allegation]?.subject === allegation.subject))
      return false;
    returns.push({ id: rng.uuid(), list, allegation: a, day, ...extra });
    start(allegation, list === 'barred' ? 'barred_list_return' : 'advisory_list_return', day, c.leadUserId);
    return true;
  };

  // The report to the PCC (none under the 2012 regime, which start() leaves out).
  start(null, 'pcc_report_first', c.ctaDay, null);
  const order = c.allegations.flatMap((a, ai) => a.steps.map((s, si) => ({ ai, si, day: s.day })));
  order.sort((x, y) => x.day - y.day || x.ai - y.ai || x.si - y.si);
  for (const { ai, si, day } of order) {
    sweep(day);
    const allegation = c.allegations[ai] as LedgerAllegation;
    const step = allegation.steps[si] as InstanceStep;
    const t = step.t;
    if (t.kind === 'left') {
      leftOn[allegation.subject] = day;
      for (const [bi, sibling] of c.allegations.entries()) {
        if (sibling.subject !== allegation.subject) continue;
        const other = states[bi];
        const effects =
          bi === ai
            ? t.effects
            : onSubjectLeftDuringInvestigation(other?.kind === 'act' ? other.state : initialAllegationState());
        if (effects.some((e) => e.kind === 'create_advisory_list_return')) listReturn('advisory', bi, day);
      }
      continue;
    }
    statuses[ai] = t.to;
    states[ai] = t;
    const done = step.done;
    for (const effect of t.effects) {
      switch (effect.kind) {
        case 'start_clock': {
          const startOn = effect.anchor === 'came_to_attention' ? c.ctaDay : day;
          const caseLevel = PCC.has(effect.period);
          const clock = start(caseLevel ? null : allegation, effect.period, startOn, c.leadUserId);
          if (clock) done.push(`clock ${effect.period} due ${toIso(clock.dueOn)}`);
          break;
        }
        case 'stop_clock':
          if (PCC.has(effect.period)) {
            if (statuses.some((s, bi) => bi !== ai && BEFORE_INVESTIGATION_ENDS.has(s))) break;
            stop(null, effect.period, day);
          } else stop(allegation.id, effect.period, day);
          done.push(`clock ${effect.period} met`);
          break;
        case 'create_barred_list_return':
        case 'barred_list_further_report':
          if (listReturn('barred', ai, day, { finding: t.state.finding, sanction: t.state.sanction }))
            done.push('barred list return created');
          break;
        case 'create_advisory_list_return':
          if (listReturn('advisory', ai, day)) done.push('advisory list return created');
          break;
        case 'give_notice':
          done.push(`notice due: ${effect.notice}`);
          break;
        case 'refer_to_iopc':
        case 'refer_to_vetting_process':
        case 'refer_to_performance_regulations':
          done.push(effect.kind.replaceAll('_', ' '));
          break;
        case 'appoint_hearing_panel':
          done.push(`appoint hearing panel (${effect.chair.replaceAll('_', ' ')})`);
          break;
        default: {
          const unknownEffect: never = effect;
          throw new Error(`unknown effect ${JSON.stringify(unknownEffect)}`);
        }
      }
    }
    if (t.to === 'closed' && closedOn === null && statuses.every((s) => s === 'closed')) {
      closedOn = day;
      for (const k of clocks) if (LIVE.has(k.state) && PCC.has(k.period)) k.state = 'cancelled';
    }
  }
  sweep(today - 1);
  return { clocks, returns, closedOn, leftOn, statuses };
}
