import { formatDate } from '../../kernel/time/dates.ts';
import { STATUS_LABELS } from './rules/allegation-table.ts';
import type { AllegationStatus } from './rules/allegation-types.ts';
import type { viewCase } from './view-case.ts';

/**
 * The case page's words: an allegation's status as a tag, each track value in plain words, any recorded value
 * shown as text, and the names of the people a clock or a step concerns.
 */

/** A case as the page reads it; a view built elsewhere (the dip sample) may come without the career breaks. */
export type CaseView = Omit<Awaited<ReturnType<typeof viewCase>>, 'careerBreaks'> & {
  careerBreaks?: Awaited<ReturnType<typeof viewCase>>['careerBreaks'];
};

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const TRACK_WORDS: Record<string, Record<string, string>> = {
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

export const word = (kind: string, value: string | undefined | null): string =>
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const shown = (value: unknown): string => {
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

/** A subject's name, or "Unknown subject" when there is none. */
export const nameOf = (s: { givenName: string; familyName: string } | undefined) =>
  s ? `${s.givenName} ${s.familyName}` : 'Unknown subject';

/** The names of the subject of each allegation and of each subject on the case. */
export function caseNames(view: CaseView) {
  const subjectOfAllegation = new Map(view.allegations.map((a) => [a.id, a.subject]));
  const subjectById = new Map(view.subjects.map((s) => [s.id, s]));
  return {
    ofAllegation: (allegationId: string) => nameOf(subjectOfAllegation.get(allegationId)),
    ofSubject: (subjectId: string) => nameOf(subjectById.get(subjectId)),
  };
}
export type CaseNames = ReturnType<typeof caseNames>;
