import type { Deps } from '../../kernel/deps.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { can, type Principal } from '../../kernel/access/principal.ts';
import { listUsersOfForce } from '../auth/index.ts';
import { PERIOD_KEYS, type PeriodKey } from '../../kernel/time/periods.ts';
import { displayedClockState } from '../clocks/index.ts';
import { clockActionsFor } from './clock-action-rules.ts';
import { ACTION_TABLE, STATUS_LABELS } from './rules/allegation-table.ts';
import { ACTION_TYPES, type AllegationStatus } from './rules/allegation-types.ts';
import { regimeDefinition, REGIME_VERSIONS, type RegimeVersion } from '../../kernel/time/regime.ts';
import { regimeForMatter } from './rules/transitional.ts';
import { caseTypeLabels, sourceLabels } from './case-form-fields.ts';
import { listCategories } from './cases.repository.ts';
import type { viewCase } from './view-case.ts';
import { casePolicy } from './case.policy.ts';

/**
 * Turns what `viewCase` returns into what the case page shows: every allegation's track side by side,
 * the clocks in words, list returns as documents and the timeline. No rule is decided here: the actions
 * offered are exactly those `viewCase` says this user may take now.
 */

export type CaseView = Awaited<ReturnType<typeof viewCase>>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const TRACK_WORDS: Record<string, Record<string, string>> = {
  severity: {
    none: 'Neither misconduct nor gross misconduct',
    pri: 'Practice requiring improvement',
    misconduct: 'Misconduct',
    gross_misconduct: 'Gross misconduct',
    vetting_referral: 'Referred to the vetting process',
  },
  caseToAnswer: { no_case: 'No case to answer', misconduct: 'Misconduct', gross_misconduct: 'Gross misconduct' },
  form: {
    meeting: 'Misconduct meeting',
    hearing: 'Misconduct hearing',
    accelerated_hearing: 'Accelerated misconduct hearing',
  },
  finding: {
    not_proven: 'Not proven',
    misconduct: 'Misconduct',
    gross_misconduct: 'Gross misconduct',
    would_have_been_dismissed: 'Would have been dismissed',
  },
  sanction: {
    written_warning: 'Written warning',
    final_written_warning: 'Final written warning',
    reduction_in_rank: 'Reduction in rank',
    dismissal_without_notice: 'Dismissal without notice',
  },
  referral: { not_referable: 'Not referable', referred: 'Referred' },
  iopcMode: {
    local: 'local investigation',
    directed: 'directed investigation',
    independent: 'independent investigation',
    returned: 'returned to the force',
  },
  appeal: {
    lodged: 'Appeal lodged',
    dismissed: 'Appeal dismissed',
    finding_overturned: 'Finding overturned on appeal',
    sanction_varied: 'Sanction varied on appeal',
  },
};

const word = (kind: string, value: string | undefined | null): string =>
  value ? (TRACK_WORDS[kind]?.[value] ?? value) : '';

export function statusTagClass(status: string): string {
  const s = status as AllegationStatus;
  switch (s) {
    case 'received':
      return 'govuk-tag--grey';
    case 'assessed_pri':
    case 'assessed_misconduct':
    case 'assessed_gross_misconduct':
      return 'govuk-tag--blue';
    case 'referred_to_iopc':
    case 'referred_to_vetting':
      return 'govuk-tag--purple';
    case 'under_investigation':
    case 'report_submitted':
      return 'govuk-tag--light-blue';
    case 'case_to_answer_misconduct':
    case 'case_to_answer_gross_misconduct':
    case 'meeting_scheduled':
    case 'hearing_scheduled':
    case 'accelerated_hearing_scheduled':
      return 'govuk-tag--orange';
    case 'finding_recorded':
    case 'appeal_pending':
      return 'govuk-tag--pink';
    case 'rprp':
      return 'govuk-tag--turquoise';
    case 'assessed_no_case':
    case 'no_case_to_answer':
    case 'withdrawn':
    case 'closed':
      return 'govuk-tag--green';
    default:
      return 'govuk-tag--grey';
  }
}

export function statusText(status: string): string {
  return capitalise(STATUS_LABELS[status as AllegationStatus] ?? status.replaceAll('_', ' '));
}

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

const RETURN_FIELDS: Record<string, string> = {
  list: 'List',
  fullName: 'Full name',
  force: 'Force',
  dateOfBirth: 'Date of birth',
  category: 'Category',
  rank: 'Rank',
  warrantOrIdNumber: 'Warrant or identification number',
  caseReference: 'Case reference',
  conduct: 'Description of the conduct',
  standardsBreached: 'Standards of Professional Behaviour breached',
  finding: 'Finding',
  sanction: 'Sanction',
  dateOfDismissalOrFinding: 'Date of the dismissal or finding',
  priorAdvisoryListReport: 'Earlier advisory list report',
  leftOn: 'Date they left',
  formOfProceedings: 'Form of proceedings',
  dueWithinWorkingDays: 'To be sent within (working days)',
};

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return 'Not recorded';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map((v) => shown(v)).join(', ') : 'None';
  if (typeof value === 'string')
    return ISO_DATE.test(value)
      ? formatDate(value)
      : value.replaceAll(/^[a-z]+(_[a-z]+)+$/g, (m) => m.replaceAll('_', ' '));
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
};

const periodKey = (p: string): PeriodKey | undefined => PERIOD_KEYS.find((k) => k === p);

/** Users of the force who could lead an investigation (active, holding allegation.progress). */
export async function investigatorsOfForce(deps: Deps, forceId: string) {
  const users = await listUsersOfForce(deps.db, forceId);
  return users.filter(casePolicy.mayLead);
}

export async function categoryLabels(deps: Deps): Promise<Map<string, string>> {
  return new Map((await listCategories(deps.db)).map((c) => [c.code, c.label]));
}

/** Probity's words for an imported outcome (features/imports/import-outcomes.ts). */
const IMPORTED_OUTCOME_WORDS: Record<string, string> = {
  no_further_action: 'No further action',
  no_case_to_answer: 'No case to answer',
  reflective_practice: 'Reflective practice',
  not_proven: 'Not proven',
  misconduct: 'Misconduct',
  gross_misconduct: 'Gross misconduct',
  withdrawn: 'Withdrawn',
  open: 'Not concluded',
  not_recorded: 'Not recorded in the source',
};

/**
 * What other features show on the case page, given by the application when it assembles the routes (features
 * above this one, such as restrictions, may read a case; this one does not import them).
 */
export type CasePanels = {
  /** The restriction banner for this reader, or null when they may not read restrictions. */
  restrictionBanner: (deps: Deps, principal: Principal, caseId: string) => Promise<unknown>;
};

export async function casePageModel(deps: Deps, principal: Principal, view: CaseView, panels: CasePanels) {
  const { theCase } = view;
  const categories = await categoryLabels(deps);
  const subjectOfAllegation = new Map(view.allegations.map((a) => [a.id, a.subject]));
  const subjectById = new Map(view.subjects.map((s) => [s.id, s]));
  const nameOf = (s: { givenName: string; familyName: string } | undefined) =>
    s ? `${s.givenName} ${s.familyName}` : 'Unknown subject';
  const regime = (REGIME_VERSIONS as readonly string[]).includes(theCase.regimeVersion)
    ? regimeDefinition(theCase.regimeVersion as RegimeVersion).label
    : theCase.regimeVersion;
  // Why these regulations, when it is not simply the came-to-attention date (SI 2025/558 reg 64).
  const regimeReason =
    theCase.connectedMatterOn || theCase.iopcReinvestigation
      ? regimeForMatter({
          cameToAttentionOn: theCase.cameToAttentionOn,
          connectedToEarlierMatterOn: theCase.connectedMatterOn,
          iopcReinvestigation: theCase.iopcReinvestigation,
        }).reason + (theCase.connectedMatterReason ? `. Connection: ${theCase.connectedMatterReason}` : '')
      : null;
  const may = casePolicy.on(principal, theCase);
  const investigators = may.allocate ? await investigatorsOfForce(deps, principal.forceId) : [];
  const lead = theCase.leadInvestigatorId
    ? (await listUsersOfForce(deps.db, theCase.forceId)).find((u) => u.id === theCase.leadInvestigatorId)
    : undefined;

  const tracks = view.allegations.map((a) => {
    const t = a.facts.track;
    return {
      id: a.id,
      subjectName: nameOf(a.subject),
      personId: a.subject?.personId,
      former: !!a.subject?.leftOn,
      category: categories.get(a.categoryCode) ?? a.categoryCode,
      status: { text: statusText(t.status), classes: statusTagClass(t.status) },
      severity: word('severity', t.severity),
      referral: t.referral
        ? `${word('referral', t.referral)}${t.iopcMode ? ` (${word('iopcMode', t.iopcMode)})` : ''}`
        : '',
      caseToAnswer: word('caseToAnswer', t.caseToAnswer),
      form: word('form', t.form),
      finding: word('finding', t.finding),
      sanction: word('sanction', t.sanction),
      appeal: word('appeal', t.appeal),
      // Imported history: the source's own words beside Probity's mapped outcome (docs/import.md).
      imported: a.facts.imported
        ? {
            outcome: IMPORTED_OUTCOME_WORDS[a.facts.imported.outcome ?? ''] ?? a.facts.imported.outcome ?? '',
            sourceOutcome: a.facts.imported.sourceOutcome ?? '',
          }
        : null,
      actions: a.actions.map((action) => ({
        href: `/cases/${theCase.id}/allegations/${a.id}/actions/${action}`,
        text: ACTION_TABLE[action].label,
      })),
    };
  });

  const today = ukToday(deps.now());
  const clocks = view.clocks.map((k) => {
    const key = periodKey(k.period);
    const period = key ? deps.config.rules.periods[key] : undefined;
    // A clock of one allegation, of one subject (a restriction's notice and reviews), or of the whole case.
    const forWhom = k.allegationId
      ? nameOf(subjectOfAllegation.get(k.allegationId))
      : k.subjectId
        ? nameOf(subjectById.get(k.subjectId))
        : 'Whole case';
    const state = displayedClockState({ state: k.state, dueOn: k.dueOn, period: key ?? null }, today);
    return {
      id: k.id,
      label: period ? `${period.label}${k.sequence > 1 ? ` (${k.sequence})` : ''}` : k.period,
      hint:
        key === 'pcc_report_first' || key === 'pcc_report_repeat'
          ? 'The report to the police and crime commissioner (regulation 19) on an investigation not finished in time'
          : '',
      length: period ? `${period.amount} ${UNIT_WORDS[period.unit]}` : '',
      forWhom,
      dueOn: k.dueOn,
      state: CLOCK_STATE_TAGS[state] ?? { text: k.state, classes: 'govuk-tag--grey' },
      // The actions the user may take on it now (clocks/clock-action-rules.ts), on the clock's own page.
      href: clockActionsFor({ period: key ?? null, state: k.state }, (a) => can(principal, a)).length
        ? `/cases/${theCase.id}/clocks/${k.id}`
        : null,
    };
  });

  const returns = view.returns.map((r) => {
    const document = (r.document ?? {}) as Record<string, unknown>;
    // jsonb does not keep key order: show the fields in the regulations' order, then anything else.
    const order = Object.keys(RETURN_FIELDS);
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    const rows = Object.entries(document)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([key, value]) => ({
        key: { text: RETURN_FIELDS[key] ?? capitalise(key.replace(/([A-Z])/g, ' $1').toLowerCase()) },
        value: { text: shown(value) },
      }));
    rows.push({ key: { text: 'Triggered on' }, value: { text: formatDate(r.triggeredOn) } });
    rows.push({
      key: { text: 'Sent to the College of Policing' },
      value: { text: r.submittedOn ? formatDate(r.submittedOn) : 'Not yet' },
    });
    return {
      id: r.id,
      title: `${r.list === 'barred' ? 'Police Barred List' : 'Police Advisory List'} return: ${shown(document['fullName'])}`,
      rows,
    };
  });

  // One entry per step taken, not per allegation: an action applied to several allegations at once (the
  // ten officers' notices served together) is recorded as one row per allegation, one after another. Rows
  // next to each other in the timeline with the same action, states, day, actor and details become one
  // entry naming every subject.
  const groups: { key: string; first: (typeof view.timeline)[number]; subjects: string[] }[] = [];
  for (const e of view.timeline) {
    const rest = Object.entries(e.details).filter(([k]) => k !== 'effects');
    const key = JSON.stringify([e.action, e.fromState, e.toState, e.occurredOn, e.actor, rest]);
    const name = nameOf(subjectOfAllegation.get(e.allegationId));
    const last = groups.at(-1);
    if (last?.key === key) {
      if (!last.subjects.includes(name)) last.subjects.push(name);
    } else groups.push({ key, first: e, subjects: [name] });
  }
  const timeline = groups.map(({ first: e, subjects: names }) => {
    const subjects = [...names].sort((a, b) => a.localeCompare(b));
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
  const clockEntries = view.clockEvents.map((e) => {
    const key = periodKey(e.period);
    const label = key ? deps.config.rules.periods[key].label : e.period;
    const forWhom = e.allegationId
      ? nameOf(subjectOfAllegation.get(e.allegationId))
      : e.subjectId
        ? nameOf(subjectById.get(e.subjectId))
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
  const stepTimes = new Map(view.timeline.map((e) => [e.id, new Date(e.recordedAt).getTime()]));
  const merged = [...timeline.map((entry) => ({ at: stepTimes.get(entry.id) ?? 0, entry })), ...clockEntries].sort(
    (a, b) => b.at - a.at,
  );

  return {
    summary: {
      reference: theCase.reference,
      source: sourceLabels[theCase.source],
      caseType: caseTypeLabels[theCase.caseType].text,
      cameToAttentionOn: theCase.cameToAttentionOn,
      regime: regimeReason ? `${regime}. ${regimeReason}` : regime,
      restricted: theCase.confidentiality === 'restricted',
      lead: lead ? lead.displayName : null,
      status: theCase.status,
    },
    tracks,
    clocks,
    returns,
    timeline: merged.map((m) => m.entry),
    investigators: investigators.map((u) => ({
      value: u.id,
      text: `${u.displayName} (${u.email})`,
      selected: u.id === theCase.leadInvestigatorId,
    })),
    can: may,
    canAllocate: may.allocate,
    corrections: {
      canCorrect: may.correct,
      canRemoveSubjects: may.removeSubjects,
      subjects: view.subjects.map((s) => ({
        id: s.id,
        name: nameOf(s),
        personId: s.personId,
        inError: s.recordedInErrorOn ? { on: s.recordedInErrorOn, reason: s.recordedInErrorReason ?? '' } : null,
      })),
    },
    servingSubjects: may.recordSubjectLeft ? view.subjects.filter((s) => !s.leftOn) : [],
    restrictionBanner: await panels.restrictionBanner(deps, principal, theCase.id),
  };
}
