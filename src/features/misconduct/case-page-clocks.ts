import type { Deps } from '../../kernel/deps.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { can, type Principal } from '../../kernel/access/principal.ts';
import { PERIOD_KEYS, type PeriodKey } from '../../kernel/time/periods.ts';
import { displayedClockState } from '../clocks/index.ts';
import { clockActionsFor } from './clock-action-rules.ts';
import { capitalise, type CaseNames, type CaseView } from './case-page-words.ts';
import { extendByCareerBreaks } from './rules/warning-length.ts';

/**
 * The case's clocks in words (each time limit, whose it is, when it is due and its state) and what was done
 * to them (extended, paused, stopped, marked done, superseded by a step) as entries for the case timeline.
 */

const CLOCK_STATE_TAGS: Record<string, { text: string; classes: string }> = {
  running: { text: 'Running', classes: 'govuk-tag--blue' },
  due: { text: 'Due', classes: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  met: { text: 'Met', classes: 'govuk-tag--green' },
  elapsed: { text: 'Elapsed', classes: 'govuk-tag--grey' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
  paused: { text: 'Paused', classes: 'govuk-tag--purple' },
  stopped: { text: 'Stopped', classes: 'govuk-tag--grey' },
  superseded: { text: 'Superseded', classes: 'govuk-tag--grey' },
};

/** The case timeline's words for what was done to a clock (clock_events). */
const CLOCK_EVENT_WORDS: Record<string, string> = {
  extended: 'Time limit extended',
  paused: 'Time limit paused',
  resumed: 'Time limit resumed',
  stopped: 'Time limit stopped',
  met: 'Time limit marked done',
  superseded: 'Time limit superseded',
};

const UNIT_WORDS = { working_days: 'working days', calendar_days: 'days', months: 'months' } as const;

const periodKey = (p: string): PeriodKey | undefined => PERIOD_KEYS.find((k) => k === p);

/** The case's clocks as the case page lists them. */
export function clockRows(deps: Deps, principal: Principal, view: CaseView, names: CaseNames) {
  const { theCase } = view;
  const today = ukToday(deps.now());
  return view.clocks.map((k) => {
    const key = periodKey(k.period);
    const period = key ? deps.config.rules.periods[key] : undefined;
    // A clock of one allegation, of one subject (a restriction's notice and reviews), or of the whole case.
    const forWhom = k.allegationId
      ? names.ofAllegation(k.allegationId)
      : k.subjectId
        ? names.ofSubject(k.subjectId)
        : 'Whole case';
    // A warning's last day in force is extended by the officer's career breaks (Conduct Regs reg 42(11), 62(5)).
    const warning = key === 'written_warning_expiry' || key === 'final_written_warning_expiry';
    const breaks = warning && k.subjectId ? (view.careerBreaks?.get(k.subjectId) ?? []) : [];
    const lastDay = breaks.length ? extendByCareerBreaks(k.startedOn, k.dueOn, breaks) : k.dueOn;
    const dueOn = lastDay ?? k.dueOn;
    const state = displayedClockState({ state: k.state, dueOn, period: key ?? null }, today);
    return {
      id: k.id,
      label: period ? `${period.label}${k.sequence > 1 ? ` (${k.sequence})` : ''}` : k.period,
      hint:
        key === 'pcc_report_first' || key === 'pcc_report_repeat'
          ? 'The report to the police and crime commissioner (regulation 19) on an investigation not finished in time'
          : lastDay === null
            ? `In force while the officer’s career break continues (it would have ended on ${formatDate(k.dueOn)})`
            : lastDay !== k.dueOn
              ? `Extended by the officer’s career breaks from ${formatDate(k.dueOn)} (regulation 42(11))`
              : '',
      length: period ? `${period.amount} ${UNIT_WORDS[period.unit]}` : '',
      forWhom,
      dueOn,
      state: CLOCK_STATE_TAGS[state] ?? { text: k.state, classes: 'govuk-tag--grey' },
      // The actions the user may take on it now (clocks/clock-action-rules.ts), on the clock's own page.
      href: clockActionsFor({ period: key ?? null, state: k.state }, (a) => can(principal, a)).length
        ? `/cases/${theCase.id}/clocks/${k.id}`
        : null,
    };
  });
}

/**
 * What was done to a clock, with the reason and the due dates, as timeline entries placed by the time each
 * was recorded.
 */
export function clockEventEntries(deps: Deps, view: CaseView, names: CaseNames) {
  return view.clockEvents.map((e) => {
    const key = periodKey(e.period);
    const label = key ? deps.config.rules.periods[key].label : e.period;
    const forWhom = e.allegationId
      ? names.ofAllegation(e.allegationId)
      : e.subjectId
        ? names.ofSubject(e.subjectId)
        : 'whole case';
    const details = [{ key: 'Time limit', value: `${label} (${forWhom})` }];
    if (e.reason) details.push({ key: 'Reason', value: e.reason });
    details.push({ key: 'Was due', value: formatDate(e.previousDueOn) });
    if (e.newDueOn) details.push({ key: 'Now due', value: formatDate(e.newDueOn) });
    return {
      at: new Date(e.recordedAt).getTime(),
      entry: {
        id: e.id,
        title: CLOCK_EVENT_WORDS[e.kind] ?? capitalise(e.kind),
        subjects: [] as string[],
        actor: e.actor ?? 'Probity',
        occurredOn: e.occurredOn,
        change: '',
        details,
        effects: [] as string[],
      },
    };
  });
}
