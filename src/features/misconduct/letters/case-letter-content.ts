import type { LetterDocument } from '../../../kernel/letter-render.ts';
import { formatDate } from '../../../kernel/time/dates.ts';
import type { CaseLetterWording } from './letter-wording.ts';

/** The pure composition of a subject officer's letters: facts in, a letter document out (no database). */

export type CaseLetterKind = 'hearing_notice' | 'outcome';

const FORM_WORDS: Record<string, string> = {
  meeting: 'misconduct meeting',
  hearing: 'misconduct hearing',
  accelerated_hearing: 'accelerated misconduct hearing',
};
const ROLE_WORDS: Record<string, string> = {
  chair: 'Chair',
  independent_member: 'Independent member',
  lay_member: 'Lay member',
  police_member: 'Police member',
};
const FINDING_WORDS: Record<string, string> = {
  not_proven: 'Not proven',
  misconduct: 'Misconduct',
  gross_misconduct: 'Gross misconduct',
  would_have_been_dismissed: 'Gross misconduct: would have been dismissed',
};
const SANCTION_WORDS: Record<string, string> = {
  written_warning: 'Written warning',
  final_written_warning: 'Final written warning',
  reduction_in_rank: 'Reduction in rank',
  dismissal_without_notice: 'Dismissal without notice',
};

export type LetterAllegation = {
  description: string;
  form?: string | undefined;
  finding?: string | undefined;
  sanction?: string | undefined;
};

export type CaseLetterFacts = {
  forceName: string;
  reference: string;
  officerName: string;
  wording: CaseLetterWording;
  allegations: LetterAllegation[];
  hearing?: {
    form: string;
    heldOn: string;
    venue: string;
    inPublic: boolean;
    panel: { role: string; name: string }[];
  };
};

export function composeCaseLetter(kind: CaseLetterKind, f: CaseLetterFacts): LetterDocument {
  const salutation = `Dear ${f.officerName}`;
  const signOff = `Professional Standards Department, ${f.forceName}`;
  const ref = `Case reference: ${f.reference}`;
  if (kind === 'hearing_notice') {
    const h = f.hearing;
    if (!h) throw new Error('a hearing notice needs its hearing');
    const what = FORM_WORDS[h.form] ?? h.form;
    return {
      title: `Notice of ${what}`,
      subject: `Notice of ${what} on ${formatDate(h.heldOn)} (${f.reference})`,
      salutation,
      signOff,
      sections: [
        { paragraphs: [ref, f.wording.noticeBasis] },
        {
          heading: 'When and where',
          paragraphs: [
            `Date: ${formatDate(h.heldOn)}`,
            `Venue: ${h.venue}`,
            h.inPublic ? 'It will be held in public.' : 'It will be held in private.',
          ],
        },
        {
          heading: 'The panel',
          paragraphs: h.panel.length
            ? h.panel.map((m) => `${ROLE_WORDS[m.role] ?? m.role}: ${m.name}`)
            : ['The panel has not yet been named.'],
        },
        {
          heading: 'The allegations',
          paragraphs: f.allegations.map((a, i) => `${i + 1}. ${a.description}`),
        },
        { paragraphs: [f.wording.attendance] },
      ],
    };
  }
  const proven = f.allegations.filter((a) => a.finding && a.finding !== 'not_proven');
  const fromMeetingOnly = proven.length > 0 && proven.every((a) => a.form === 'meeting');
  const appeal =
    proven.length === 0 ? f.wording.noAppeal : fromMeetingOnly ? f.wording.meetingAppeal : f.wording.tribunalAppeal;
  return {
    title: 'Outcome of the misconduct proceedings',
    subject: `Outcome of the misconduct proceedings (${f.reference})`,
    salutation,
    signOff,
    sections: [
      { paragraphs: [ref] },
      {
        heading: 'Findings',
        paragraphs: f.allegations.map(
          (a, i) =>
            `${i + 1}. ${a.description} Finding: ${FINDING_WORDS[a.finding ?? ''] ?? 'not yet recorded'}.` +
            (a.sanction ? ` Disciplinary action: ${SANCTION_WORDS[a.sanction] ?? a.sanction}.` : ''),
        ),
      },
      { heading: 'Your right of appeal', paragraphs: [appeal] },
    ],
  };
}
