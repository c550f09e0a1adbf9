import type { Ability } from '../../kernel/access/roles.ts';
import { CLOCK_ENDINGS } from './rules/clock-endings.ts';
import { WINDOW_PERIODS, type PeriodKey } from '../../kernel/time/periods.ts';

/**
 * What a person may do to a running clock, and who (issue 17): extend one the regulations call extendable,
 * pause it and resume it, stop it, and mark it done (a barred list return sent to the College of Policing).
 * Each is declared here with the ability the law's decision-maker holds in Probity and the source, with the
 * reference's mark: [V] read in the source, [R] still to be checked (uk-domain.md). Pure: no database.
 */

export const CLOCK_ACTIONS = ['extend', 'pause', 'resume', 'stop', 'mark_met'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

export const CLOCK_ACTION_LABELS: Readonly<Record<ClockAction, string>> = {
  extend: 'Extend the time limit',
  pause: 'Pause the time limit',
  resume: 'Resume the time limit',
  stop: 'Stop the time limit',
  mark_met: 'Mark as done',
};

/**
 * The periods that may be extended, who records the extension and on what authority. The decision is the
 * chair's (pre-hearing) or the person hearing the appeal's (meeting appeal); the appropriate authority
 * records it on the case.
 */
export const EXTENDABLE: Readonly<Partial<Record<PeriodKey, { ability: Ability; source: string }>>> = {
  pre_hearing: {
    ability: 'allegation.decide',
    source: 'Conduct Regs 2020 reg 33: the pre-hearing within 15 working days, extendable by the chair',
  },
  meeting_appeal: {
    ability: 'allegation.decide',
    source:
      'Conduct Regs 2020 reg 45(3): notice of appeal within 7 working days, extendable in exceptional circumstances (SI 2020/1087 Sch 1 para 44) (not verified for Home Office forces)',
  },
};

/**
 * Who pauses, resumes and stops a clock: the appropriate authority, who holds the case's decisions (Conduct
 * Regs 2020 reg 2 "appropriate authority"). Sub judice pauses are recorded through criminal proceedings.
 */
const DECIDER: Ability = 'allegation.decide';

/**
 * Who marks a duty done: the list returns are the chief officer's report to the College of Policing (Police
 * Barred List and Police Advisory List Regs 2017 reg 3, reg 5, reg 12), recorded by the appropriate
 * authority; the outcome report and the PDR follow-up by whoever progresses the case.
 */
const MARKED_DONE_BY: Readonly<Partial<Record<PeriodKey, Ability>>> = {
  barred_list_return: 'allegation.decide',
  barred_list_further_report: 'allegation.decide',
  advisory_list_return: 'allegation.decide',
  outcome_report: 'allegation.progress',
  rprp_pdr_followup: 'allegation.progress',
  pre_hearing: 'allegation.progress',
  accelerated_hearing: 'allegation.progress',
};

/** The periods whose end is a list return being sent (the return's submitted date is set with it). */
export const LIST_RETURN_PERIODS: ReadonlySet<PeriodKey> = new Set([
  'barred_list_return',
  'barred_list_further_report',
  'advisory_list_return',
]);

export type ClockFacts = { period: PeriodKey | null; state: string };

const LIVE = new Set(['running', 'due', 'overdue']);

/**
 * The ability an action on this clock needs, or why it cannot be taken, in words. Clocks kept by another
 * feature (restrictions, complaints, vetting) are acted on there; a window (the officer's own time, a
 * warning in force) is nobody's task, so it cannot be paused or marked done.
 */
export function clockActionRule(
  action: ClockAction,
  clock: ClockFacts,
): { ok: true; ability: Ability } | { ok: false; reason: string } {
  const period = clock.period;
  if (!period) return { ok: false, reason: 'This time limit is not one Probity knows: it cannot be changed here' };
  const ending = CLOCK_ENDINGS[period];
  if (ending.scope === 'feature')
    return { ok: false, reason: `This time limit is kept by ${ending.endedBy}: change it there` };
  if (action === 'resume') {
    if (clock.state !== 'paused') return { ok: false, reason: 'Only a paused time limit can be resumed' };
    return { ok: true, ability: DECIDER };
  }
  if (!LIVE.has(clock.state)) return { ok: false, reason: 'This time limit is no longer running' };
  const window = WINDOW_PERIODS.has(period);
  switch (action) {
    case 'extend': {
      const rule = EXTENDABLE[period];
      return rule
        ? { ok: true, ability: rule.ability }
        : { ok: false, reason: 'The regulations do not allow this time limit to be extended' };
    }
    case 'pause':
      return window
        ? { ok: false, reason: 'This is the officer’s own time, not a task: it cannot be paused' }
        : { ok: true, ability: DECIDER };
    case 'stop':
      return { ok: true, ability: DECIDER };
    case 'mark_met': {
      const ability = MARKED_DONE_BY[period];
      return ability
        ? { ok: true, ability }
        : {
            ok: false,
            reason: window
              ? 'This is the officer’s own time, not a task: it ends by itself'
              : 'This time limit is met by a step on the allegation, not marked done by hand',
          };
    }
    default: {
      const unknown: never = action;
      return { ok: false, reason: `Unknown action ${String(unknown)}` };
    }
  }
}

/** The actions open on a clock for a user holding these abilities (the case page's links). */
export function clockActionsFor(clock: ClockFacts, holds: (ability: Ability) => boolean): ClockAction[] {
  return CLOCK_ACTIONS.filter((a) => {
    const rule = clockActionRule(a, clock);
    return rule.ok && holds(rule.ability);
  });
}
