import type { Deps } from '../../kernel/deps.ts';
import { ACTION_TABLE, STATUS_LABELS } from './rules/allegation-table.ts';
import { ACTION_TYPES, type AllegationStatus } from './rules/allegation-types.ts';
import { clockEventEntries } from './case-page-clocks.ts';
import { capitalise, shown, statusText, TRACK_WORDS, word, type CaseNames, type CaseView } from './case-page-words.ts';

/**
 * The case timeline: the steps taken on the allegations, one entry per step however many allegations it was
 * applied to, with what was done to the clocks between them, newest first.
 */

const DETAIL_WORDS: Record<string, string> = {
  severity: 'Severity',
  rationale: 'Reasons',
  note: 'Note',
  summary: 'Report summary',
  report: 'Development report',
  plan: 'Investigation plan',
  grounds: 'Grounds',
  outcome: 'Outcome',
  finding: 'Finding',
  sanction: 'Sanction',
  route: 'Route',
  mode: 'IOPC decision',
  date: 'Date',
  servedOn: 'Served on',
  referable: 'Referable to the IOPC',
  criteria: 'Grounds for referral',
  inPublic: 'In public',
  panel: 'Panel',
  fullHearingReason: 'Reason for a full hearing',
  specialConditionsCertified: 'Special conditions certified',
  exceptionalCircumstances: 'Exceptional circumstances',
  finalWrittenWarningInForce: 'Final written warning in force',
  multipleUnconnectedIncidents: 'Multiple unconnected incidents',
};

export function caseTimeline(deps: Deps, view: CaseView, names: CaseNames) {
  // One entry per step taken, not per allegation: an action applied to several allegations at once (the
  // ten officers' notices served together) is recorded as one row per allegation, one after another. Rows
  // next to each other in the timeline with the same action, states, day, actor and details become one
  // entry naming every subject.
  const groups: { key: string; first: (typeof view.timeline)[number]; subjects: string[] }[] = [];
  for (const e of view.timeline) {
    const rest = Object.entries(e.details).filter(([k]) => k !== 'effects');
    const key = JSON.stringify([e.action, e.fromState, e.toState, e.occurredOn, e.actor, rest]);
    const name = names.ofAllegation(e.allegationId);
    const last = groups.at(-1);
    if (last?.key === key) {
      if (!last.subjects.includes(name)) last.subjects.push(name);
    } else groups.push({ key, first: e, subjects: [name] });
  }
  const timeline = groups.map(({ first: e, subjects: subjectNames }) => {
    const subjects = [...subjectNames].sort((a, b) => a.localeCompare(b));
    const { effects, ...details } = e.details;
    const action = (ACTION_TYPES as readonly string[]).includes(e.action)
      ? ACTION_TABLE[e.action as (typeof ACTION_TYPES)[number]].label
      : e.action === 'imported_outcome'
        ? 'Outcome imported from the source'
        : capitalise(e.action.replaceAll('_', ' '));
    return {
      id: e.id,
      title: `${action}: ${subjects.length > 3 ? `${subjects.length} subjects` : subjects.join(', ')}`,
      subjects: subjects.length > 3 ? subjects : [],
      actor: e.actor ?? 'Probity',
      occurredOn: e.occurredOn,
      // A step that leaves the track where it was (a notice served) says so rather than "X → X".
      change:
        e.fromState === e.toState
          ? `Still ${STATUS_LABELS[e.toState as AllegationStatus] ?? e.toState.replaceAll('_', ' ')}`
          : `${statusText(e.fromState)} → ${statusText(e.toState)}`,
      details: Object.entries(details).map(([key, value]) => ({
        key: DETAIL_WORDS[key] ?? capitalise(key.replace(/([A-Z])/g, ' $1').toLowerCase()),
        value: typeof value === 'string' && TRACK_WORDS[key]?.[value] ? word(key, value) : capitalise(shown(value)),
      })),
      effects: Array.isArray(effects) ? effects.map(String) : [],
    };
  });

  // What was done to a clock (extended, paused, stopped, marked done, superseded by a step), with the reason
  // and the due dates, between the allegation steps by the time it was recorded.
  const clockEntries = clockEventEntries(deps, view, names);
  const stepTimes = new Map(view.timeline.map((e) => [e.id, new Date(e.recordedAt).getTime()]));
  const merged = [...timeline.map((entry) => ({ at: stepTimes.get(entry.id) ?? 0, entry })), ...clockEntries].sort(
    (a, b) => b.at - a.at,
  );
  return merged.map((m) => m.entry);
}
